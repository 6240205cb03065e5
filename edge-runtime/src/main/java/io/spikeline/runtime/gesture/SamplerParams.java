package io.spikeline.runtime.gesture;

import io.spikeline.models.encode.EventBinningParams;
import io.spikeline.models.encode.PolarityChannels;
import java.io.Serializable;

/**
 * How a {@link GestureSampler} cuts the finely binned event stream into gesture samples.
 *
 * @param sensorWidth sensor width, pixels
 * @param sensorHeight sensor height, pixels
 * @param fineBinUs width of the incoming bins, µs
 * @param finePool pixels per incoming cell along each axis (ON and OFF on separate channels)
 * @param timeFactor incoming bins merged into one sample bin (> 0)
 * @param spaceFactor incoming cells merged into one sample cell along each axis (> 0)
 * @param onsetContrast ON minus OFF cells active in one incoming bin that start a sample (> 0): a hand entering the
 *     view brightens a whole patch at once, while noise and a moving edge turn about as many cells OFF as ON
 * @param quietBins incoming bins before an onset over which the view must have been quiet (> 0)
 * @param quietContrast the ON minus OFF contrast from which a bin is not quiet: a hand still growing in the view
 *     (pushed towards the camera) brightens rings of cells every few bins, and is no new gesture
 * @param sampleBins sample bins of one gesture sample (> 0)
 * @param decodeBins sample bins per decode window; divides {@code sampleBins}
 * @param maxGestureUs longest time from a sample's onset to the label of its gesture, µs: a label later than that
 *     after the latest onset belongs to a gesture whose onset was missed
 */
public record SamplerParams(int sensorWidth, int sensorHeight, long fineBinUs, int finePool, int timeFactor,
                            int spaceFactor, int onsetContrast, int quietBins, int quietContrast,
                            int sampleBins, int decodeBins, long maxGestureUs)
        implements Serializable {

    public SamplerParams {
        fine(sensorWidth, sensorHeight, fineBinUs, finePool);
        if (timeFactor <= 0 || spaceFactor <= 0) {
            throw new IllegalArgumentException("sampler timeFactor and spaceFactor must be > 0, were " + timeFactor
                    + " and " + spaceFactor);
        }
        if (onsetContrast <= 0) {
            throw new IllegalArgumentException("sampler onsetContrast must be > 0, was " + onsetContrast);
        }
        if (quietBins <= 0 || quietContrast <= 0 || quietContrast > onsetContrast) {
            throw new IllegalArgumentException("sampler quietBins must be > 0 and quietContrast in 1..onsetContrast "
                    + onsetContrast + ", were " + quietBins + " and " + quietContrast);
        }
        if (sampleBins <= 0 || decodeBins <= 0 || sampleBins % decodeBins != 0) {
            throw new IllegalArgumentException("sampler sampleBins must be a positive multiple of decodeBins > 0, were "
                    + sampleBins + " and " + decodeBins);
        }
        if (maxGestureUs < sampleBins * fineBinUs * timeFactor) {
            throw new IllegalArgumentException("sampler maxGestureUs must be at least one sample ("
                    + sampleBins * fineBinUs * timeFactor + " us), was " + maxGestureUs);
        }
    }

    private static EventBinningParams fine(int width, int height, long binUs, int pool) {
        return new EventBinningParams(width, height, binUs, pool, PolarityChannels.SEPARATE);
    }

    /** The grid of the incoming bins, as the event binning makes them. */
    public EventBinningParams fineGrid() {
        return fine(sensorWidth, sensorHeight, fineBinUs, finePool);
    }

    /** The grid of the sample bins: cells {@code spaceFactor} times coarser, bins {@code timeFactor} times longer. */
    public EventBinningParams sampleGrid() {
        return fine(sensorWidth, sensorHeight, sampleBinUs(), finePool * spaceFactor);
    }

    /** Width of a sample bin, µs. */
    public long sampleBinUs() {
        return fineBinUs * timeFactor;
    }

    /** Length of a gesture sample, µs. */
    public long sampleUs() {
        return sampleBins * sampleBinUs();
    }

    /** Decode windows per sample. */
    public int decodesPerSample() {
        return sampleBins / decodeBins;
    }

    /** The start of a sample's last decode window relative to its onset, µs: where its label is stamped. */
    public long lastWindowOffsetUs() {
        return (long) (sampleBins - decodeBins) * sampleBinUs();
    }
}
