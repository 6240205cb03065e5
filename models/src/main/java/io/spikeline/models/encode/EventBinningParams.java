package io.spikeline.models.encode;

/**
 * Parameters of {@link EventBinningEncoder}.
 *
 * @param sensorWidth sensor width in pixels (> 0)
 * @param sensorHeight sensor height in pixels (> 0)
 * @param binWidthUs width of the time bins, which start at multiples of it (> 0)
 * @param poolingFactor k: pixel (x, y) pools into cell (x / k, y / k) of a grid of W' = ceil(width / k) by
 *     H' = ceil(height / k) cells (> 0; 1 keeps every pixel)
 * @param polarity whether polarities get separate channels
 */
public record EventBinningParams(int sensorWidth, int sensorHeight, long binWidthUs, int poolingFactor,
                                 PolarityChannels polarity) {
    private static final String RECORD = "EventBinningParams";

    public EventBinningParams {
        Checks.positive(RECORD, "sensorWidth", sensorWidth);
        Checks.positive(RECORD, "sensorHeight", sensorHeight);
        if (binWidthUs <= 0) {
            throw new IllegalArgumentException(RECORD + ": binWidthUs must be > 0, was " + binWidthUs);
        }
        Checks.positive(RECORD, "poolingFactor", poolingFactor);
        Checks.nonNull(RECORD, "polarity", polarity);
        long channels = (long) ceilDiv(sensorWidth, poolingFactor) * ceilDiv(sensorHeight, poolingFactor)
                * (polarity == PolarityChannels.SEPARATE ? 2 : 1);
        if (channels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(RECORD + ": " + sensorWidth + "x" + sensorHeight + " pixels pooled by "
                    + poolingFactor + " give " + channels + " channels, more than an array can index");
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** W', cells per pooled row. */
    public int pooledWidth() {
        return ceilDiv(sensorWidth, poolingFactor);
    }

    /** H', pooled rows. */
    public int pooledHeight() {
        return ceilDiv(sensorHeight, poolingFactor);
    }

    /** Output channels: W'·H', times 2 when polarities are separate. */
    public int channelCount() {
        return pooledWidth() * pooledHeight() * (polarity == PolarityChannels.SEPARATE ? 2 : 1);
    }

    /**
     * The channel of an event at pixel (x, y) with polarity p (1 = ON, 0 = OFF):
     * {@code (p·H' + y/k)·W' + x/k} for separate polarities, {@code (y/k)·W' + x/k} when merged.
     */
    public int channel(int x, int y, int p) {
        int layer = polarity == PolarityChannels.SEPARATE ? p : 0;
        return (layer * pooledHeight() + y / poolingFactor) * pooledWidth() + x / poolingFactor;
    }
}
