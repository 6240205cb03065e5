package io.spikeline.models.encode;

import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Frames in, spike trains out: small helpers shared by the encoder tests. */
final class EncoderTesting {
    static final double RATE_HZ = 40_000;

    private EncoderTesting() {}

    /** Samples {@code from .. to} of the interleaved {@code data} as a frame. */
    static SampleFrame frame(float[] data, int channels, int from, int to, long sequence) {
        return new SampleFrame("probe", sequence, Math.round(from * 1e6 / RATE_HZ), RATE_HZ, channels, to - from,
                Arrays.copyOfRange(data, from * channels, to * channels));
    }

    /**
     * Encodes samples {@code from .. to} of {@code data} in frames of {@code blockSize} samples; returns the
     * channels spiking in each bin, in bin order.
     */
    static List<int[]> encode(SampleEncoder encoder, float[] data, int from, int to, int blockSize) {
        int channels = encoder.channelCount();
        List<int[]> bins = new ArrayList<>();
        long sequence = 0;
        for (int start = from; start < to; start += blockSize) {
            int end = Math.min(to, start + blockSize);
            SpikeBatch batch = encoder.encode(frame(data, channels, start, end, sequence++));
            appendBins(batch, bins);
        }
        return bins;
    }

    static List<int[]> encode(SampleEncoder encoder, float[] data) {
        int samples = data.length / encoder.channelCount();
        return encode(encoder, data, 0, samples, samples);
    }

    static void appendBins(SpikeBatch batch, List<int[]> bins) {
        int[] offsets = batch.binOffsets();
        for (int b = 0; b < batch.binCount(); b++) {
            bins.add(Arrays.copyOfRange(batch.channelIndices(), offsets[b], offsets[b + 1]));
        }
    }

    /** For each output channel, the bins in which it spiked. */
    static List<List<Integer>> spikeTimes(List<int[]> bins, int outputChannels) {
        List<List<Integer>> times = new ArrayList<>();
        for (int c = 0; c < outputChannels; c++) {
            times.add(new ArrayList<>());
        }
        for (int b = 0; b < bins.size(); b++) {
            for (int c : bins.get(b)) {
                times.get(c).add(b);
            }
        }
        return times;
    }

    static int spikeCount(List<int[]> bins, int channel) {
        int count = 0;
        for (int[] bin : bins) {
            for (int c : bin) {
                if (c == channel) {
                    count++;
                }
            }
        }
        return count;
    }

    static String render(List<int[]> bins) {
        StringBuilder text = new StringBuilder();
        for (int[] bin : bins) {
            text.append(Arrays.toString(bin)).append('\n');
        }
        return text.toString();
    }
}
