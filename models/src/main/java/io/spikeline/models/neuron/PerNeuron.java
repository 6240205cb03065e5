package io.spikeline.models.neuron;

import java.util.Arrays;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * One parameter of a neuron population: either a single value broadcast to every neuron or one value per
 * neuron (heterogeneous populations). Immutable; populations expand it once, at construction, into the
 * primitive array their step loop reads.
 */
public final class PerNeuron {
    private final double uniform;
    private final double[] values;

    private PerNeuron(double uniform, double[] values) {
        this.uniform = uniform;
        this.values = values;
    }

    /** The same value for every neuron. */
    public static PerNeuron of(double value) {
        return new PerNeuron(value, null);
    }

    /** One value per neuron (copied); the population size must equal {@code values.length}. */
    public static PerNeuron of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a per-neuron parameter needs at least one value");
        }
        return new PerNeuron(Double.NaN, values.clone());
    }

    /** One value per neuron, from single-precision values (widened exactly). */
    public static PerNeuron of(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = values[i];
        }
        return of(wide);
    }

    public boolean isUniform() {
        return values == null;
    }

    /** The number of values given per neuron, or 0 for a broadcast value. */
    public int length() {
        return values == null ? 0 : values.length;
    }

    /** The value of neuron {@code i}. */
    public double get(int i) {
        return values == null ? uniform : values[i];
    }

    /** This parameter with {@code f} applied to each value (e.g. a time constant to a decay factor). */
    public PerNeuron map(DoubleUnaryOperator f) {
        if (values == null) {
            return of(f.applyAsDouble(uniform));
        }
        double[] mapped = new double[values.length];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = f.applyAsDouble(values[i]);
        }
        return new PerNeuron(Double.NaN, mapped);
    }

    /**
     * The per-step decay factors {@code exp(-dtMs / tauMs)} of exponential relaxation with time constants
     * {@code tauMs} (milliseconds) sampled every {@code dtMs} milliseconds.
     */
    public static PerNeuron decayFactors(PerNeuron tauMs, double dtMs) {
        if (!(dtMs > 0 && Double.isFinite(dtMs))) {
            throw new IllegalArgumentException("dtMs must be positive and finite, was " + dtMs);
        }
        tauMs.require(t -> t > 0, "tauMs", "positive");
        return tauMs.map(t -> Math.exp(-dtMs / t));
    }

    /**
     * Fails with an {@link IllegalArgumentException} naming {@code name}, the neuron and the value unless every
     * value satisfies {@code valid}; {@code expectation} completes "must be ..." (e.g. "in (0, 1]").
     */
    public void require(DoublePredicate valid, String name, String expectation) {
        int n = Math.max(1, length());
        for (int i = 0; i < n; i++) {
            double x = get(i);
            if (!valid.test(x)) {
                String which = values == null ? name : name + "[" + i + "]";
                throw new IllegalArgumentException(which + " must be " + expectation + ", was " + x);
            }
        }
    }

    /** Fails unless every value is a whole number in 0..{@code Integer.MAX_VALUE}. */
    public void requireCount(String name) {
        require(x -> x >= 0 && x <= Integer.MAX_VALUE && x == Math.rint(x), name, "a whole number >= 0");
    }

    /** The values for a population of {@code size} neurons, in double precision. */
    public double[] toDoubles(int size, String name) {
        requireFits(size, name);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** The values for a population of {@code size} neurons, rounded to single precision. */
    public float[] toFloats(int size, String name) {
        requireFits(size, name);
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) get(i);
        }
        return out;
    }

    /** The values for a population of {@code size} neurons as integers (validated whole numbers). */
    public int[] toInts(int size, String name) {
        requireFits(size, name);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = (int) get(i);
        }
        return out;
    }

    private void requireFits(int size, String name) {
        if (size <= 0) {
            throw new IllegalArgumentException("a population needs at least one neuron, size was " + size);
        }
        if (values != null && values.length != size) {
            throw new IllegalArgumentException(name + " has " + values.length + " per-neuron values for a population of "
                    + size);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PerNeuron p && Double.compare(uniform, p.uniform) == 0 && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(uniform) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return values == null ? Double.toString(uniform) : Arrays.toString(values);
    }
}
