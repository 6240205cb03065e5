package io.spikeline.models.encode;

import io.spikeline.models.record.SpikeBatchBuilder;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Threshold-crossing spike detection with an adaptive noise estimate, per channel: output channel {@code c}
 * spikes at the sample where input channel {@code c} crosses {@code thresholdMultiple · σ_c}. See the
 * package documentation for the equations; {@link ThresholdCrossingParams} for the parameters.
 *
 * <p>The noise estimate dominates the cost: one P² median step per observed sample and channel, against a
 * few comparisons for detection. A noise stride k divides that cost by k while detection still tests every
 * sample; the package documentation gives the estimate's standard error at each stride.
 */
public final class ThresholdCrossingEncoder extends SampleEncoder {
    /** Median of |x| for a zero-mean Gaussian x, in units of its standard deviation. */
    public static final double MEDIAN_ABS_PER_SIGMA = 0.6745;

    private static final int TAG = Snapshots.tag("ETHR");
    private static final int VERSION = 1;

    private final ThresholdCrossingParams params;
    private final double direction;
    private final double levelPerSigma;
    private final int stride;
    private final float[] previous;
    private final int[] refractoryLeft;
    private final float[] sigma;
    private final double[] markerHeights;
    private final int[] markerPositions;
    private int windowCount;
    private boolean primed;

    public ThresholdCrossingEncoder(ThresholdCrossingParams params, int channelCount) {
        super("ThresholdCrossingEncoder", channelCount, 1);
        this.params = Checks.nonNull("ThresholdCrossingEncoder", "params", params);
        this.direction = Math.signum(params.thresholdMultiple());
        this.levelPerSigma = Math.abs(params.thresholdMultiple());
        this.stride = params.noiseStrideSamples();
        this.previous = new float[channelCount];
        this.refractoryLeft = new int[channelCount];
        this.sigma = new float[channelCount];
        this.markerHeights = new double[channelCount * P2Median.MARKERS];
        this.markerPositions = new int[channelCount * P2Median.MARKERS];
    }

    public ThresholdCrossingParams params() {
        return params;
    }

    /** Whether a noise window has completed, so that detection runs. */
    public boolean primed() {
        return primed;
    }

    /** The noise estimate σ of {@code channel} from the last complete window (0 before priming). */
    public float noiseSigma(int channel) {
        return sigma[channel];
    }

    @Override
    void encodeBlock(float[] data, int sampleCount, double sampleRateHz, SpikeBatchBuilder out) {
        int channels = channelCount();
        for (int s = 0, i = 0; s < sampleCount; s++) {
            out.openBin();
            for (int c = 0; c < channels; c++, i++) {
                float x = data[i];
                if (refractoryLeft[c] > 0) {
                    refractoryLeft[c]--;
                } else if (primed && crosses(previous[c], x, sigma[c])) {
                    out.add(c);
                    refractoryLeft[c] = params.refractorySamples();
                }
                previous[c] = x;
            }
            if (windowCount % stride == 0) {
                P2Median.addAbsolute(markerHeights, markerPositions, windowCount / stride, data, i - channels,
                        channels);
            }
            if (++windowCount == params.noiseWindowSamples()) {
                closeNoiseWindow();
            }
        }
    }

    /** A flat channel (σ = 0) never crosses, so dead channels stay silent. */
    private boolean crosses(float before, float now, float noise) {
        double level = levelPerSigma * noise;
        return noise > 0 && direction * before < level && direction * now >= level;
    }

    private void closeNoiseWindow() {
        // Samples 0, k, 2k, .. of the window were observed: ceil(W / k) of them.
        int observations = (windowCount + stride - 1) / stride;
        for (int c = 0; c < sigma.length; c++) {
            sigma[c] = (float) (P2Median.median(markerHeights, c, observations) / MEDIAN_ABS_PER_SIGMA);
        }
        windowCount = 0;
        primed = true;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(channelCount());
        Snapshots.writeFloats(out, previous);
        Snapshots.writeInts(out, refractoryLeft);
        Snapshots.writeFloats(out, sigma);
        Snapshots.writeDoubles(out, markerHeights);
        Snapshots.writeInts(out, markerPositions);
        out.writeInt(windowCount);
        out.writeBoolean(primed);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, channelCount(), "channel count");
        Snapshots.readFloats(in, previous, "previous samples");
        Snapshots.readInts(in, refractoryLeft, "refractory counters");
        Snapshots.readFloats(in, sigma, "noise sigma");
        Snapshots.readDoubles(in, markerHeights, "median marker heights");
        Snapshots.readInts(in, markerPositions, "median marker positions");
        int count = in.readInt();
        if (count < 0 || count >= params.noiseWindowSamples()) {
            throw new SnapshotFormatException("snapshot is " + count
                    + " samples into a noise window of " + params.noiseWindowSamples());
        }
        windowCount = count;
        primed = in.readBoolean();
    }
}
