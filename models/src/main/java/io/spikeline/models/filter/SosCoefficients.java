package io.spikeline.models.filter;

import java.util.Arrays;

/**
 * An immutable cascade of second-order sections, each {@code [b0, b1, b2, 1, a1, a2]} (normalised so that
 * a0 = 1), as SciPy's {@code output='sos'} arranges them. One coefficient set serves the state of any number
 * of channels and keys; the state lives elsewhere.
 *
 * <p>Each section computes {@code H_s(z) = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²)} and the cascade
 * is their product, section 0 first.
 */
public final class SosCoefficients {
    private final double[] b0;
    private final double[] b1;
    private final double[] b2;
    private final double[] a1;
    private final double[] a2;

    private SosCoefficients(double[][] sections) {
        int n = sections.length;
        b0 = new double[n];
        b1 = new double[n];
        b2 = new double[n];
        a1 = new double[n];
        a2 = new double[n];
        for (int s = 0; s < n; s++) {
            double[] row = sections[s];
            if (row == null || row.length != 6) {
                throw new IllegalArgumentException("second-order section " + s + " must have 6 coefficients "
                        + "[b0, b1, b2, a0, a1, a2], had " + (row == null ? "none" : row.length));
            }
            for (int k = 0; k < 6; k++) {
                if (!Double.isFinite(row[k])) {
                    throw new IllegalArgumentException("second-order section " + s + " coefficient " + k + " is " + row[k]);
                }
            }
            double a0 = row[3];
            if (a0 == 0) {
                throw new IllegalArgumentException("second-order section " + s + " has a0 = 0");
            }
            b0[s] = row[0] / a0;
            b1[s] = row[1] / a0;
            b2[s] = row[2] / a0;
            a1[s] = row[4] / a0;
            a2[s] = row[5] / a0;
        }
    }

    /** Sections as rows {@code [b0, b1, b2, a0, a1, a2]}; each row is divided by its a0. */
    public static SosCoefficients of(double[][] sections) {
        if (sections == null || sections.length == 0) {
            throw new IllegalArgumentException("a filter needs at least one second-order section");
        }
        return new SosCoefficients(sections);
    }

    public int sectionCount() {
        return b0.length;
    }

    public double b0(int section) {
        return b0[section];
    }

    public double b1(int section) {
        return b1[section];
    }

    public double b2(int section) {
        return b2[section];
    }

    public double a1(int section) {
        return a1[section];
    }

    public double a2(int section) {
        return a2[section];
    }

    /** The sections as rows {@code [b0, b1, b2, 1, a1, a2]} (a fresh copy). */
    public double[][] toArray() {
        double[][] rows = new double[b0.length][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = new double[] {b0[s], b1[s], b2[s], 1.0, a1[s], a2[s]};
        }
        return rows;
    }

    /**
     * The transposed-direct-form-II state, per section {@code [z1, z2]}, that a unit step input holds in
     * steady state (SciPy's {@code sosfilt_zi}); multiply by the first input sample to start a filter
     * without its transient. For section s with DC gain {@code G_s = Σb / Σa}:
     * {@code z1 = (b1 + b2) − (a1 + a2)·G_s}, {@code z2 = b2 − a2·G_s}, both scaled by the DC gain of the
     * sections before it.
     *
     * @throws IllegalStateException when a section has a pole at z = 1 (no steady state exists)
     */
    public double[][] steadyStateInitialConditions() {
        double[][] zi = new double[b0.length][2];
        double scale = 1.0;
        for (int s = 0; s < b0.length; s++) {
            double denominator = 1.0 + a1[s] + a2[s];
            if (denominator == 0) {
                throw new IllegalStateException("second-order section " + s
                        + " has a pole at z = 1, so a step input has no steady state");
            }
            double gain = (b0[s] + b1[s] + b2[s]) / denominator;
            zi[s][0] = scale * ((b1[s] + b2[s]) - (a1[s] + a2[s]) * gain);
            zi[s][1] = scale * (b2[s] - a2[s] * gain);
            scale *= gain;
        }
        return zi;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SosCoefficients)) {
            return false;
        }
        SosCoefficients c = (SosCoefficients) o;
        return Arrays.equals(b0, c.b0) && Arrays.equals(b1, c.b1) && Arrays.equals(b2, c.b2)
                && Arrays.equals(a1, c.a1) && Arrays.equals(a2, c.a2);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(b0) + Arrays.hashCode(a1);
    }

    @Override
    public String toString() {
        return "SosCoefficients" + Arrays.deepToString(toArray());
    }
}
