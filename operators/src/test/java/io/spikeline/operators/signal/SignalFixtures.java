package io.spikeline.operators.signal;

import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.filter.BlockBidirectionalFilter;
import io.spikeline.models.filter.SosFilter;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SampleFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** Input streams, operator harnesses and direct runs of the models core for the signal operator tests. */
final class SignalFixtures {
    enum Backend { HEAP, ROCKSDB }

    private SignalFixtures() {
    }

    /**
     * An opened harness for a keyed function, on the heap backend or RocksDB, restored from {@code restore}
     * when it is not null.
     */
    static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> harness(
            KeyedProcessFunction<String, I, O> function, KeySelector<I, String> key, Backend backend,
            OperatorSubtaskState restore) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, I, O> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function), key, Types.STRING);
        if (backend == Backend.ROCKSDB) {
            harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        if (restore != null) {
            harness.initializeState(restore);
        }
        harness.open();
        return harness;
    }

    /** An opened heap-backend harness whose operator metrics are kept in {@code metrics}. */
    static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> harness(
            KeyedProcessFunction<String, I, O> function, KeySelector<I, String> key,
            InterceptingOperatorMetricGroup metrics) throws Exception {
        TaskMetricGroup task = new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
            @Override
            public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name,
                                                                Map<String, String> additionalVariables) {
                return metrics;
            }
        };
        KeyedOneInputStreamOperatorTestHarness<String, I, O> harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), key, Types.STRING,
                new MockEnvironmentBuilder().setMetricGroup(task).build());
        harness.open();
        return harness;
    }

    static KeyedOneInputStreamOperatorTestHarness<String, SampleFrame, SampleFrame> filterHarness(FilterSpec spec,
            Backend backend, OperatorSubtaskState restore) throws Exception {
        return harness(new BesselFilterFunction(spec), SampleFrame::sourceKey, backend, restore);
    }

    /** The 30 kHz broadband voltage of the reaching simulator, cut into frames of {@code samplesPerFrame}. */
    static List<SampleFrame> broadband(String key, long seed, int channels, int frames, int samplesPerFrame) {
        ReachingSimulator simulator = new ReachingSimulator(key,
                ReachingParameters.defaults(seed).withChannels(channels).withBroadband(true));
        float[] all = new float[frames * samplesPerFrame * channels];
        int filled = 0;
        while (filled < all.length) {
            float[] chunk = simulator.read().broadband().data();
            int take = Math.min(chunk.length, all.length - filled);
            System.arraycopy(chunk, 0, all, filled, take);
            filled += take;
        }
        return cut(key, 1_000_000, ReachingParameters.BROADBAND_RATE_HZ, channels, samplesPerFrame, all);
    }

    /** Gaussian noise around a different offset per channel, so that priming matters. */
    static List<SampleFrame> noise(String key, long seed, double rateHz, int channels, int frames,
                                   int samplesPerFrame) {
        SeededRandom random = new SeededRandom(seed);
        float[] all = new float[frames * samplesPerFrame * channels];
        for (int i = 0; i < all.length; i++) {
            all[i] = (float) (10 * (i % channels + 1) + random.nextGaussian());
        }
        return cut(key, 5_000_000 + seed, rateHz, channels, samplesPerFrame, all);
    }

    /** Consecutive frames of interleaved {@code all}, numbered from 0, starting at {@code startUs}. */
    static List<SampleFrame> cut(String key, long startUs, double rateHz, int channels, int samplesPerFrame,
                                 float[] all) {
        int frames = all.length / (channels * samplesPerFrame);
        List<SampleFrame> out = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            long first = startUs + Math.round((double) f * samplesPerFrame * 1e6 / rateHz);
            out.add(new SampleFrame(key, f, first, rateHz, channels, samplesPerFrame,
                    Arrays.copyOfRange(all, f * samplesPerFrame * channels, (f + 1) * samplesPerFrame * channels)));
        }
        return out;
    }

    /** Frames with new data, same metadata. */
    static SampleFrame withData(SampleFrame frame, float[] data) {
        return new SampleFrame(frame.sourceKey(), frame.sequence(), frame.firstSampleTimeUs(), frame.sampleRateHz(),
                frame.channelCount(), frame.sampleCount(), data);
    }

    /**
     * A contiguous stream through {@link SosFilter} directly: primed with the first sample, each frame's
     * output with the frame's own sequence number and time.
     */
    static List<SampleFrame> causalReference(FilterSpec spec, List<SampleFrame> frames) {
        SampleFrame first = frames.get(0);
        SosFilter filter = new SosFilter(spec.design(first.sampleRateHz()).sos(), first.channelCount());
        filter.prime(Arrays.copyOf(first.data(), first.channelCount()));
        List<SampleFrame> out = new ArrayList<>();
        for (SampleFrame frame : frames) {
            float[] y = new float[frame.data().length];
            filter.filter(frame.data(), y);
            out.add(withData(frame, y));
        }
        return out;
    }

    /**
     * A contiguous stream through {@link BlockBidirectionalFilter} directly: the concatenated output samples
     * and, per output sample, the event time of the input sample at that index.
     */
    static BlockOutput blockReference(FilterSpec spec, List<SampleFrame> frames) {
        SampleFrame first = frames.get(0);
        int channels = first.channelCount();
        BlockBidirectionalFilter filter = new BlockBidirectionalFilter(spec.design(first.sampleRateHz()).sos(),
                channels, spec.blockSize(), spec.variant());
        List<Float> values = new ArrayList<>();
        List<Long> inputTimes = new ArrayList<>();
        for (SampleFrame frame : frames) {
            for (int s = 0; s < frame.sampleCount(); s++) {
                inputTimes.add(frame.sampleTimeUs(s));
            }
            float[] y = new float[(filter.pendingSamples() + frame.sampleCount()) * channels];
            int written = filter.process(frame.data(), y);
            for (int i = 0; i < written * channels; i++) {
                values.add(y[i]);
            }
        }
        float[] samples = new float[values.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = values.get(i);
        }
        return new BlockOutput(samples, inputTimes);
    }

    record BlockOutput(float[] samples, List<Long> inputTimesUs) {
    }

    /** The samples of consecutive frames, concatenated. */
    static float[] concatenated(List<SampleFrame> frames) {
        int length = 0;
        for (SampleFrame f : frames) {
            length += f.data().length;
        }
        float[] all = new float[length];
        int at = 0;
        for (SampleFrame f : frames) {
            System.arraycopy(f.data(), 0, all, at, f.data().length);
            at += f.data().length;
        }
        return all;
    }
}
