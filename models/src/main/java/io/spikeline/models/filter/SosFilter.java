package io.spikeline.models.filter;

import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Causal filtering of interleaved multi-channel samples ({@code data[s * channels + c]}) through a cascade of
 * second-order sections in transposed direct form II, with the state of every (section, channel) pair
 * carried from one call to the next: cutting a stream into blocks of any size changes nothing, bit for bit.
 *
 * <p>Per section, with input x and output y (the output of section k is the input of section k + 1):
 * <pre>
 *   y  = b0·x + z1
 *   z1 ← b1·x − a1·y + z2
 *   z2 ← b2·x − a2·y
 * </pre>
 *
 * <p>The coefficients are the shared, immutable {@link SosCoefficients}; this object holds only the state
 * {@code z1[section][channel]}, {@code z2[section][channel]}. Each sample of all channels is copied into a
 * row buffer and passed through the sections one at a time, the innermost loop running over channels with
 * the section's coefficients in locals; every array in that loop is indexed by the channel alone, because
 * the JDK 17 JIT vectorises such a loop but not one mixing arrays at different loop-invariant offsets (as a
 * flattened {@code [section * channels + channel]} state would).
 *
 * <p>The state, and the values passed between sections, are kept in double precision even for
 * {@code float} data. The poles of these filters lie close to the unit circle (1 − |p| = 0.034 for the
 * 300–3000 Hz band-pass at 30 kHz, 0.001 for a 1–40 Hz band-pass at 1 kHz), where the recursion amplifies
 * each rounding of its state by roughly 1 / (1 − |p|): float state (24-bit) would add noise and
 * low-frequency drift far above the float rounding of the samples, while double state leaves the float
 * output within about one float ulp (~1e-7 relative) of the exact result.
 *
 * <p>NaN or infinite input propagates: it enters the state, and every later output of that channel is NaN
 * until {@link #reset()} or {@link #prime}. Screening input (for example with
 * {@link SampleFrame#firstNonFiniteChannel()}) and deciding what to do is the caller's business.
 *
 * <p>Not thread-safe; one instance per stream (key). Filtering allocates nothing.
 */
public final class SosFilter implements Snapshottable {
    private static final int TAG = Snapshots.tag("FSOS");
    private static final int VERSION = 1;

    private final SosCoefficients coefficients;
    private final int channelCount;
    private final int sectionCount;
    private final double[][] z1;
    private final double[][] z2;
    /** One sample of all channels in double precision, passed from section to section. */
    private final double[] row;
    /**
     * {@link SosCoefficients#steadyStateInitialConditions()}, computed at the first priming so that
     * re-priming every block allocates nothing, and so that a cascade without a steady state (a pole at
     * z = 1) can still filter from zero state.
     */
    private double[][] steadyState;

    /** A filter for {@code channelCount} channels, starting from zero state. */
    public SosFilter(SosCoefficients coefficients, int channelCount) {
        if (coefficients == null) {
            throw new IllegalArgumentException("coefficients must not be null");
        }
        if (channelCount <= 0) {
            throw new IllegalArgumentException("channelCount must be > 0, was " + channelCount);
        }
        this.coefficients = coefficients;
        this.channelCount = channelCount;
        this.sectionCount = coefficients.sectionCount();
        this.z1 = new double[sectionCount][channelCount];
        this.z2 = new double[sectionCount][channelCount];
        this.row = new double[channelCount];
    }

    public SosCoefficients coefficients() {
        return coefficients;
    }

    public int channelCount() {
        return channelCount;
    }

    /** Sets every state to zero, as at the start of a stream. */
    public void reset() {
        for (int k = 0; k < sectionCount; k++) {
            Arrays.fill(z1[k], 0.0);
            Arrays.fill(z2[k], 0.0);
        }
    }

    /**
     * Sets the state to the steady state of a constant input equal to {@code firstValues[c]} on channel c
     * ({@link SosCoefficients#steadyStateInitialConditions()} × x0), so that a stream starting, or resuming
     * after a gap, at that level has no start-up transient.
     *
     * @throws IllegalStateException when a section has a pole at z = 1, so no steady state exists
     */
    public void prime(double[] firstValues) {
        requireLength("firstValues", firstValues.length, channelCount);
        primeFrom(firstValues);
    }

    /** As {@link #prime(double[])} with a {@code float} value per channel. */
    public void prime(float[] firstValues) {
        requireLength("firstValues", firstValues.length, channelCount);
        for (int c = 0; c < channelCount; c++) {
            row[c] = firstValues[c];
        }
        primeFrom(row);
    }

    /** Sets the state to the steady state of a constant input {@code values[c]} on channel c. */
    void primeFrom(double[] values) {
        if (steadyState == null) {
            steadyState = coefficients.steadyStateInitialConditions();
        }
        double[][] zi = steadyState;
        for (int k = 0; k < sectionCount; k++) {
            double[] s1 = z1[k];
            double[] s2 = z2[k];
            for (int c = 0; c < channelCount; c++) {
                s1[c] = zi[k][0] * values[c];
                s2[c] = zi[k][1] * values[c];
            }
        }
    }

    /** Filters interleaved samples in place. */
    public void filter(float[] data) {
        filter(data, data);
    }

    /**
     * Filters interleaved {@code input} into {@code output} (same length; may be the same array). Each value
     * is widened to double, filtered with double state, and rounded to float once at the end.
     */
    public void filter(float[] input, float[] output) {
        int samples = sampleCount(input.length, output.length);
        int channels = channelCount;
        double[] r = row;
        for (int s = 0, off = 0; s < samples; s++, off += channels) {
            for (int c = 0; c < channels; c++) {
                r[c] = input[off + c];
            }
            filterRow(r);
            for (int c = 0; c < channels; c++) {
                output[off + c] = (float) r[c];
            }
        }
    }

    /** Filters interleaved samples in place. */
    public void filter(double[] data) {
        filter(data, data);
    }

    /** Filters interleaved {@code input} into {@code output} (same length; may be the same array). */
    public void filter(double[] input, double[] output) {
        int samples = sampleCount(input.length, output.length);
        int channels = channelCount;
        for (int s = 0, off = 0; s < samples; s++, off += channels) {
            System.arraycopy(input, off, row, 0, channels);
            filterRow(row);
            System.arraycopy(row, 0, output, off, channels);
        }
    }

    /**
     * Filters a frame into {@code reuse} when it has the frame's length, else into a new array, and returns
     * that array. The frame's own data are left untouched.
     */
    public float[] filter(SampleFrame frame, float[] reuse) {
        if (frame.channelCount() != channelCount) {
            throw new IllegalArgumentException("frame '" + frame.sourceKey() + "' #" + frame.sequence() + " has "
                    + frame.channelCount() + " channels but the filter has " + channelCount);
        }
        float[] data = frame.data();
        float[] output = reuse != null && reuse.length == data.length ? reuse : new float[data.length];
        filter(data, output);
        return output;
    }

    /**
     * Filters, in place, the first {@code count} rows (each one sample of every channel) in increasing order
     * or, for the backward pass of zero-phase filtering, in decreasing order.
     */
    void filterRows(double[][] rows, int count, boolean backward) {
        if (backward) {
            for (int s = count - 1; s >= 0; s--) {
                filterRow(rows[s]);
            }
        } else {
            for (int s = 0; s < count; s++) {
                filterRow(rows[s]);
            }
        }
    }

    /**
     * Forward-backward filtering of the first {@code count} rows in place, as SciPy's {@code sosfiltfilt}
     * does on its (possibly padded) signal: the forward pass starts from the steady state of the first
     * sample, the backward pass from the steady state of the last forward output.
     */
    void filtfiltRows(double[][] rows, int count) {
        primeFrom(rows[0]);
        filterRows(rows, count, false);
        primeFrom(rows[count - 1]);
        filterRows(rows, count, true);
    }

    /** Passes one sample of every channel, {@code x[0 .. channels)}, through all sections, in place. */
    private void filterRow(double[] x) {
        int channels = channelCount;
        SosCoefficients sos = coefficients;
        for (int k = 0; k < sectionCount; k++) {
            double b0 = sos.b0(k);
            double b1 = sos.b1(k);
            double b2 = sos.b2(k);
            double a1 = sos.a1(k);
            double a2 = sos.a2(k);
            double[] s1 = z1[k];
            double[] s2 = z2[k];
            for (int c = 0; c < channels; c++) {
                double in = x[c];
                double y = b0 * in + s1[c];
                s1[c] = b1 * in - a1 * y + s2[c];
                s2[c] = b2 * in - a2 * y;
                x[c] = y;
            }
        }
    }

    private int sampleCount(int inputLength, int outputLength) {
        if (inputLength != outputLength) {
            throw new IllegalArgumentException("output length " + outputLength + " differs from input length "
                    + inputLength);
        }
        return samplesIn(inputLength, channelCount);
    }

    /** The number of whole samples in an interleaved array of {@code length} values. */
    static int samplesIn(int length, int channelCount) {
        if (length % channelCount != 0) {
            throw new IllegalArgumentException("interleaved data length " + length + " is not a multiple of "
                    + channelCount + " channels");
        }
        return length / channelCount;
    }

    private void requireLength(String what, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(what + " has " + length + " values but the filter has " + expected
                    + " channels");
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(sectionCount);
        out.writeInt(channelCount);
        for (int k = 0; k < sectionCount; k++) {
            Snapshots.writeDoubles(out, z1[k]);
            Snapshots.writeDoubles(out, z2[k]);
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, sectionCount, "section count");
        Snapshots.expectInt(in, channelCount, "channel count");
        for (int k = 0; k < sectionCount; k++) {
            Snapshots.readDoubles(in, z1[k], "z1");
            Snapshots.readDoubles(in, z2[k], "z2");
        }
    }
}
