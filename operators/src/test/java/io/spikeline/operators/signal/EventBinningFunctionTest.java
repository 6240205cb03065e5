package io.spikeline.operators.signal;

import static io.spikeline.operators.signal.SignalFixtures.harness;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.ingest.sim.GestureParameters;
import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.models.encode.EventBinningEncoder;
import io.spikeline.models.encode.PolarityChannels;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.signal.SignalFixtures.Backend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventBinningFunctionTest {
    private static final EventBinningSpec SPEC = new EventBinningSpec(2_000, 4, PolarityChannels.SEPARATE, false);

    /** Two simulated cameras of different sensor sizes, batches interleaved. */
    private static List<EventBatch> twoCameras() throws Exception {
        GestureParameters small = GestureParameters.defaults(3);
        GestureParameters large = GestureParameters.defaults(4);
        large = new GestureParameters(large.seed(), 240, 180, large.radiusPx(), large.gestureMs(), large.pauseMs(),
                large.stepUs(), large.batchUs(), large.noiseHzPerPixel(), large.hotPixels(), large.hotPixelHz());
        List<EventBatch> out = new ArrayList<>();
        try (GestureSimulator a = new GestureSimulator("dvs128", small);
             GestureSimulator b = new GestureSimulator("davis240", large)) {
            for (int i = 0; i < 30; i++) {
                out.add(a.read().events());
                out.add(b.read().events());
            }
        }
        return out;
    }

    private static List<SpikeBatch> run(Backend backend, List<EventBatch> input, OperatorSubtaskState restore,
                                        OperatorSubtaskState[] snapshotAfter) throws Exception {
        try (var harness = harness(new EventBinningFunction(SPEC), EventBatch::sourceKey, backend, restore)) {
            for (EventBatch b : input) {
                harness.processElement(b, 0);
            }
            if (snapshotAfter != null) {
                snapshotAfter[0] = harness.snapshot(1, 1);
            }
            return harness.extractOutputValues();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void batchesEqualTheModelsEncoderAndARestoreKeepsTheOpenBin(Backend backend) throws Exception {
        List<EventBatch> input = twoCameras();
        Map<String, EventBinningEncoder> encoders = new HashMap<>();
        List<SpikeBatch> expected = new ArrayList<>();
        for (EventBatch b : input) {
            encoders.computeIfAbsent(b.sourceKey(), k -> new EventBinningEncoder(SPEC.params(b.width(), b.height())))
                    .encode(b).ifPresent(expected::add);
        }
        assertThat(expected).hasSizeGreaterThan(40);
        assertThat(run(backend, input, null, null)).containsExactlyElementsOf(expected);

        OperatorSubtaskState[] snapshot = new OperatorSubtaskState[1];
        int cut = 25;
        List<SpikeBatch> resumed = new ArrayList<>(run(backend, input.subList(0, cut), null, snapshot));
        resumed.addAll(run(backend, input.subList(cut, input.size()), snapshot[0], null));
        assertThat(resumed).containsExactlyElementsOf(expected);
    }

    private static EventBatch events(long sequence, long... timesUs) {
        int n = timesUs.length;
        short[] x = new short[n];
        short[] y = new short[n];
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            x[i] = (short) (i % 8);
            y[i] = (short) (i / 8 % 8);
            p[i] = (byte) (i % 2);
        }
        return new EventBatch("cam", sequence, 8, 8, timesUs, x, y, p);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void withWatermarkFlushTheOpenBinLeavesOnceTheWatermarkPassesItsEndAlsoAfterARestore(Backend backend)
            throws Exception {
        EventBinningSpec spec = new EventBinningSpec(1_000, 1, PolarityChannels.MERGED, true);
        EventBatch first = events(0, 100, 500, 1200, 1900);
        EventBatch second = events(1, 5300, 5400, 5401);
        EventBinningEncoder direct = new EventBinningEncoder(spec.params(8, 8));
        List<SpikeBatch> expected = new ArrayList<>();
        direct.encode(first).ifPresent(expected::add);
        direct.flush("cam").ifPresent(expected::add);
        direct.encode(second).ifPresent(expected::add);
        direct.flush("cam").ifPresent(expected::add);
        assertThat(expected).hasSize(3);

        List<SpikeBatch> out = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (var harness = harness(new EventBinningFunction(spec), EventBatch::sourceKey, backend, null)) {
            harness.processElement(first, 1);
            harness.processWatermark(1);
            assertThat(harness.extractOutputValues()).hasSize(1);
            harness.processWatermark(2);
            harness.processElement(second, 5);
            snapshot = harness.snapshot(1, 1);
            out.addAll(harness.extractOutputValues());
        }
        try (var harness = harness(new EventBinningFunction(spec), EventBatch::sourceKey, backend, snapshot)) {
            harness.processWatermark(5);
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.processWatermark(6);
            out.addAll(harness.extractOutputValues());
        }
        assertThat(out).containsExactlyElementsOf(expected);
    }
}
