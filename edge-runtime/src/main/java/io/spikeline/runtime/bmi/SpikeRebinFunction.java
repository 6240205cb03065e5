package io.spikeline.runtime.bmi;

import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.record.SpikeBatchBuilder;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Merges every {@code factor} consecutive bins of a spike batch into one bin {@code binWidthUs} wide: the threshold
 * encoder emits one bin per sample (30 kHz) and the decoder steps on 1 ms bins. A channel that spiked in any of the
 * merged bins spikes once in the merged bin. Each batch must hold whole merged bins and start on one (the
 * simulator's frames are 20 ms long and start on whole milliseconds), so no state carries across batches.
 */
final class SpikeRebinFunction implements MapFunction<SpikeBatch, SpikeBatch> {
    private static final long serialVersionUID = 1L;

    private final int factor;
    private final long binWidthUs;
    private transient SpikeBatchBuilder builder;
    private transient boolean[] spiked;

    /**
     * @param factor input bins per output bin, >= 1
     * @param binWidthUs width of an output bin, µs
     */
    SpikeRebinFunction(int factor, long binWidthUs) {
        if (factor < 1) {
            throw new IllegalArgumentException("rebinning factor must be >= 1, was " + factor);
        }
        if (binWidthUs < 1) {
            throw new IllegalArgumentException("rebinned width must be >= 1 us, was " + binWidthUs);
        }
        this.factor = factor;
        this.binWidthUs = binWidthUs;
    }

    @Override
    public SpikeBatch map(SpikeBatch in) {
        if (in.binCount() % factor != 0) {
            throw new IllegalArgumentException("a batch of " + in.binCount() + " bins cannot be merged by " + factor
                    + " (" + in + ")");
        }
        if (builder == null || builder.channelCount() != in.channelCount()) {
            builder = new SpikeBatchBuilder(in.channelCount());
            spiked = new boolean[in.channelCount()];
        }
        int[] offsets = in.binOffsets();
        int[] channels = in.channelIndices();
        for (int out = 0; out < in.binCount() / factor; out++) {
            builder.openBin();
            for (int i = offsets[out * factor]; i < offsets[(out + 1) * factor]; i++) {
                spiked[channels[i]] = true;
            }
            for (int c = 0; c < spiked.length; c++) {
                if (spiked[c]) {
                    builder.add(c);
                    spiked[c] = false;
                }
            }
        }
        return builder.build(in.sourceKey(), in.sequence(), in.startTimeUs(), binWidthUs);
    }
}
