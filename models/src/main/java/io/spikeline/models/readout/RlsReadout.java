package io.spikeline.models.readout;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Exponentially weighted recursive least squares, multi-output, in double precision. All outputs see the
 * same augmented input {@code x̃ = [x, 1]}, so one inverse correlation matrix P ((n+1)×(n+1)) serves them
 * all and an update costs O((n+1)² + m(n+1)). Per sample:
 *
 * <pre>
 *   π = P x̃
 *   γ = λ + x̃ᵀ π
 *   k = π / γ                        (gain)
 *   e = y − W̃ x̃                      (a-priori error, one per output)
 *   W̃ ← W̃ + s e kᵀ                  (s: run-time rate scale, 1 unless set through learn(.., rateScale))
 *   P ← (P − π πᵀ / γ) / λ
 * </pre>
 *
 * <p>Starting from W̃ = 0 and P = δ⁻¹ I, after samples 1..N the weights minimise
 * {@code Σ_t λ^{N−t} |y_t − W̃ x̃_t|² + δ λ^N |W̃|²_F}, that is {@code W̃ = Yᵀ Λ X (Xᵀ Λ X + δ λ^N I)⁻¹}.
 *
 * <p>Numerical care: the P update is computed on the upper triangle from π π<sup>T</sup> / γ and mirrored,
 * so P stays exactly symmetric (the classical {@code P − k πᵀ} form drifts asymmetric and then indefinite).
 * With λ &lt; 1, directions of input space that receive no excitation (silent channels, idle periods)
 * have their P entries grow like λ<sup>−t</sup> until they overflow ("covariance wind-up"); the division
 * by λ is therefore limited so that trace(P) never exceeds its initial value (n + 1)/δ: forgetting pauses
 * while the data carry no new information, and resumes as soon as they do, and a readout is never more
 * eager to adapt than a fresh one. Since P stays positive semi-definite, the trace bounds every entry.
 * The price: the pause applies to every direction, so what the silence did excite (typically the bias)
 * accumulates unforgotten evidence, and after s silent samples that direction needs about
 * ln(s)/ln(1/λ) more samples to follow a change than it would otherwise.
 * While the bound is inactive the update is exact exponentially weighted least squares; it is inactive
 * when λ = 1 (trace(P) only decreases), during start-up whenever λ ≥ n/(n + 1), and under persistently
 * exciting inputs.
 */
public final class RlsReadout implements VectorReadout {
    private static final int TAG = Snapshots.tag("RRLS");
    private static final int VERSION = 1;

    private final RlsParameters parameters;
    private final AffineMap map;
    private final int dimension;
    /** The inverse correlation matrix, row-major, (n+1)×(n+1). */
    private final double[] p;
    private final double[] projected;

    public RlsReadout(RlsParameters parameters) {
        this.parameters = parameters;
        this.map = new AffineMap("RLS readout", parameters.inputCount(), parameters.outputCount());
        this.dimension = parameters.inputCount() + 1;
        this.p = new double[dimension * dimension];
        this.projected = new double[dimension];
        resetCovariance();
    }

    public RlsParameters parameters() {
        return parameters;
    }

    /**
     * Sets P back to δ⁻¹ I, keeping the weights: the readout then adapts again as fast as a new one, from
     * its current weights (for example after a change of electrode or task).
     */
    public void resetCovariance() {
        Arrays.fill(p, 0.0);
        double initial = 1.0 / parameters.regularisation();
        for (int i = 0; i < dimension; i++) {
            p[i * dimension + i] = initial;
        }
    }

    /** Entry (i, j) of the inverse correlation matrix P, over the augmented input (index n is the bias). */
    public double covariance(int i, int j) {
        return p[i * dimension + j];
    }

    @Override
    public int inputCount() {
        return map.inputCount();
    }

    @Override
    public int outputCount() {
        return map.outputCount();
    }

    @Override
    public void predict(float[] features, float[] output) {
        map.evaluate(features);
        map.copyOutput(output);
    }

    @Override
    public double learn(float[] features, float[] target) {
        map.evaluate(features);
        return update(map.errorTo(target), 1.0);
    }

    @Override
    public double learn(float[] features, Feedback feedback) {
        return learn(features, feedback, 1.0);
    }

    /**
     * The weight correction is scaled by {@code rateScale}; P is updated as always (it describes the inputs seen,
     * not the targets), so a scale below 1 damps how far each sample moves the weights.
     */
    @Override
    public double learn(float[] features, Feedback feedback, double rateScale) {
        map.evaluate(features);
        return update(map.errorTo(feedback), rateScale);
    }

    /** Applies the update for the error already in the map's buffer; returns {@code squaredError}. */
    private double update(double squaredError, double rateScale) {
        double[] x = map.input;
        int d = dimension;
        double gamma = parameters.forgettingFactor();
        for (int i = 0; i < d; i++) {
            int row = i * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += p[row + j] * x[j];
            }
            projected[i] = sum;
            gamma += x[i] * sum;
        }
        double invGamma = 1.0 / gamma;
        map.addErrorOuter(rateScale * invGamma, projected);

        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += p[i * d + i] - projected[i] * projected[i] * invGamma;
        }
        double invLambda = 1.0 / parameters.forgettingFactor();
        double maxTrace = parameters.maxCovarianceTrace();
        double scale = trace * invLambda > maxTrace ? maxTrace / trace : invLambda;
        for (int i = 0; i < d; i++) {
            double gain = projected[i] * invGamma;
            int row = i * d;
            for (int j = i; j < d; j++) {
                double value = (p[row + j] - gain * projected[j]) * scale;
                p[row + j] = value;
                p[j * d + i] = value;
            }
        }
        return squaredError;
    }

    @Override
    public double weight(int output, int input) {
        return map.weight(output, input);
    }

    @Override
    public double bias(int output) {
        return map.bias(output);
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        map.writeWeights(out);
        Snapshots.writeDoubles(out, p);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        map.readWeights(in);
        Snapshots.readDoubles(in, p, "inverse correlation");
    }
}
