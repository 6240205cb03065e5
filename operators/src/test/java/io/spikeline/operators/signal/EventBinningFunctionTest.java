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
    private static final EventBinningSpec SPEC = new EventBinningSpec(2_000, 4, PolarityChannels.SEPARATE);

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
}
