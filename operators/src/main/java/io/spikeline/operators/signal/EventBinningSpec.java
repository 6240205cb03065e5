package io.spikeline.operators.signal;

import io.spikeline.models.encode.EventBinningParams;
import io.spikeline.models.encode.PolarityChannels;
import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link EventBinningFunction} bins every key's events; the sensor size comes from each key's batches.
 *
 * @param binWidthUs width of the time bins (> 0)
 * @param poolingFactor pixels per pooled cell along each axis (> 0)
 * @param polarity whether ON and OFF events get separate channels
 * @param flushOnWatermark whether a key's open bin is completed and emitted once the watermark passes its end
 *     (Flink timestamps being event time in milliseconds), so that a camera falling silent does not hold back
 *     its last bin; otherwise the open bin completes only when a later event of the key arrives
 */
public record EventBinningSpec(long binWidthUs, int poolingFactor, PolarityChannels polarity,
                               boolean flushOnWatermark) implements Serializable {
    public EventBinningSpec {
        Objects.requireNonNull(polarity, "polarity");
        params(1, 1, binWidthUs, poolingFactor, polarity);
    }

    /** The models parameters for a sensor of {@code width} × {@code height} pixels. */
    public EventBinningParams params(int width, int height) {
        return params(width, height, binWidthUs, poolingFactor, polarity);
    }

    private static EventBinningParams params(int width, int height, long binWidthUs, int poolingFactor,
                                             PolarityChannels polarity) {
        return new EventBinningParams(width, height, binWidthUs, poolingFactor, polarity);
    }
}
