package io.spikeline.models.metrics;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Streaming coefficient of determination of {@code outputCount} outputs, sample by sample or block by
 * block: {@code R²_o = 1 − SS_res,o / SS_tot,o} with {@code SS_res = Σ (y − ŷ)²} and
 * {@code SS_tot = Σ (y − ȳ)²} around the mean of the truth y over everything added. Conventions are those
 * of scikit-learn's {@code r2_score} (default {@code force_finite=True}), which the Neural Latents
 * Benchmark uses for velocity decoding: a constant truth ({@code SS_tot = 0}) scores 1 when predicted
 * exactly and 0 otherwise; {@link #uniformAverage()} is {@code multioutput='uniform_average'} and
 * {@link #varianceWeighted()} is {@code 'variance_weighted'}.
 *
 * <p>Accumulated in double: the mean and SS_tot by Welford's update
 * ({@code δ = d − d̄; d̄ += δ/n; SS_tot += δ (d − d̄)}) on the truth shifted by its first value,
 * {@code d = y − y₁} (exact in double for float y), so that neither the accumulation nor the rounding of
 * the mean depend on a large offset of the truth; SS_res by compensated (Kahan) summation.
 */
public final class R2Accumulator implements Snapshottable {
    private static final int TAG = Snapshots.tag("MR2A");
    private static final int VERSION = 1;

    private final int outputCount;
    private long count;
    private final double[] shift;
    private final double[] shiftedMean;
    private final double[] totalSquares;
    private final double[] residualSquares;
    private final double[] residualCompensation;

    public R2Accumulator(int outputCount) {
        if (outputCount <= 0) {
            throw new IllegalArgumentException("R² accumulator outputCount must be > 0, was " + outputCount);
        }
        this.outputCount = outputCount;
        this.shift = new double[outputCount];
        this.shiftedMean = new double[outputCount];
        this.totalSquares = new double[outputCount];
        this.residualSquares = new double[outputCount];
        this.residualCompensation = new double[outputCount];
    }

    public int outputCount() {
        return outputCount;
    }

    /** Samples added so far. */
    public long count() {
        return count;
    }

    /** Adds one sample: {@code truth} and {@code predicted} of length outputCount. */
    public void add(float[] truth, float[] predicted) {
        requireLength(truth, predicted, outputCount);
        addSamples(truth, predicted, 1);
    }

    /**
     * Adds {@code sampleCount} samples stored sample-major ({@code [s * outputCount + o]}), as
     * {@code SampleFrame} lays them out.
     */
    public void addBlock(float[] truth, float[] predicted, int sampleCount) {
        if (sampleCount < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, was " + sampleCount);
        }
        requireLength(truth, predicted, (long) sampleCount * outputCount);
        addSamples(truth, predicted, sampleCount);
    }

    private void requireLength(float[] truth, float[] predicted, long needed) {
        if (truth.length < needed || predicted.length < needed) {
            throw new IllegalArgumentException("R² accumulator needs " + needed + " values, got " + truth.length
                    + " true and " + predicted.length + " predicted");
        }
    }

    private void addSamples(float[] truth, float[] predicted, int sampleCount) {
        for (int s = 0; s < sampleCount; s++) {
            int base = s * outputCount;
            for (int o = 0; o < outputCount; o++) {
                if (!Float.isFinite(truth[base + o]) || !Float.isFinite(predicted[base + o])) {
                    throw new IllegalArgumentException("R² accumulator got a non-finite value at sample " + s
                            + ", output " + o + ": true " + truth[base + o] + ", predicted " + predicted[base + o]);
                }
            }
            if (count == 0) {
                for (int o = 0; o < outputCount; o++) {
                    shift[o] = truth[base + o];
                }
            }
            count++;
            for (int o = 0; o < outputCount; o++) {
                double y = truth[base + o];
                double d = y - shift[o];
                double delta = d - shiftedMean[o];
                shiftedMean[o] += delta / count;
                totalSquares[o] += delta * (d - shiftedMean[o]);
                double residual = y - predicted[base + o];
                double term = residual * residual - residualCompensation[o];
                double sum = residualSquares[o] + term;
                residualCompensation[o] = (sum - residualSquares[o]) - term;
                residualSquares[o] = sum;
            }
        }
    }

    /** Σ (y − ŷ)² of output {@code o}. */
    public double residualSumOfSquares(int o) {
        return residualSquares[o];
    }

    /** Σ (y − ȳ)² of output {@code o}. */
    public double totalSumOfSquares(int o) {
        return totalSquares[o];
    }

    /** R² of output {@code o}; NaN before any sample. */
    public double r2(int o) {
        return count == 0 ? Double.NaN : score(residualSquares[o], totalSquares[o]);
    }

    /** The mean of the per-output R² (scikit-learn {@code multioutput='uniform_average'}); NaN before any sample. */
    public double uniformAverage() {
        double sum = 0;
        for (int o = 0; o < outputCount; o++) {
            sum += r2(o);
        }
        return sum / outputCount;
    }

    /**
     * The per-output R² weighted by each output's SS_tot, that is {@code 1 − Σ SS_res / Σ SS_tot} over the
     * outputs whose truth varies (scikit-learn {@code multioutput='variance_weighted'}); when no output
     * varies, 1 if every prediction is exact and 0 otherwise. NaN before any sample.
     */
    public double varianceWeighted() {
        if (count == 0) {
            return Double.NaN;
        }
        double residual = 0;
        double total = 0;
        double anyResidual = 0;
        for (int o = 0; o < outputCount; o++) {
            anyResidual += residualSquares[o];
            if (totalSquares[o] > 0) {
                residual += residualSquares[o];
                total += totalSquares[o];
            }
        }
        return total > 0 ? 1.0 - residual / total : score(anyResidual, 0.0);
    }

    private static double score(double residual, double total) {
        if (residual == 0) {
            return 1.0;
        }
        return total == 0 ? 0.0 : 1.0 - residual / total;
    }

    public void reset() {
        count = 0;
        Arrays.fill(shift, 0.0);
        Arrays.fill(shiftedMean, 0.0);
        Arrays.fill(totalSquares, 0.0);
        Arrays.fill(residualSquares, 0.0);
        Arrays.fill(residualCompensation, 0.0);
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(outputCount);
        out.writeLong(count);
        Snapshots.writeDoubles(out, shift);
        Snapshots.writeDoubles(out, shiftedMean);
        Snapshots.writeDoubles(out, totalSquares);
        Snapshots.writeDoubles(out, residualSquares);
        Snapshots.writeDoubles(out, residualCompensation);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, outputCount, "output count");
        count = in.readLong();
        Snapshots.readDoubles(in, shift, "shifts");
        Snapshots.readDoubles(in, shiftedMean, "shifted means");
        Snapshots.readDoubles(in, totalSquares, "total sums of squares");
        Snapshots.readDoubles(in, residualSquares, "residual sums of squares");
        Snapshots.readDoubles(in, residualCompensation, "residual compensations");
    }
}
