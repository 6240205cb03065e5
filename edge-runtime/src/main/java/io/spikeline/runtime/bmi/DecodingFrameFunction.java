package io.spikeline.runtime.bmi;

import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.SampleFrame;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A decoding as a one-sample frame of its output vector, so the Bessel filter operator can smooth the decoded
 * velocity: the decodes of a key form a signal sampled once per decode window. The frame's sequence is the decode's
 * index ({@code eventTime / windowUs}), so the filter sees consecutive decodes as contiguous and a missing one as a
 * gap.
 */
final class DecodingFrameFunction implements MapFunction<Decoding, SampleFrame> {
    private static final long serialVersionUID = 1L;

    private final long windowUs;

    /** @param windowUs event time between two decodes of a key, µs (> 0) */
    DecodingFrameFunction(long windowUs) {
        if (windowUs <= 0) {
            throw new IllegalArgumentException("decode window must be > 0 us, was " + windowUs);
        }
        this.windowUs = windowUs;
    }

    /** Samples per second of the decoded signal. */
    double sampleRateHz() {
        return 1e6 / windowUs;
    }

    @Override
    public SampleFrame map(Decoding d) {
        float[] output = d.output();
        return new SampleFrame(d.sourceKey(), d.eventTimeUs() / windowUs, d.eventTimeUs(), sampleRateHz(),
                output.length, 1, output.clone());
    }
}
