package io.spikeline.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.SampleFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

class WatermarksTest {
    // Flink's idleness timer takes a clock reading of 0 for "not started": start elsewhere.
    private final ManualClock clock = new ManualClock(Duration.ofSeconds(1).toNanos());
    private final Output output = new Output();

    @Test
    void recordsCarryTheirOwnTimeAndTheWatermarkTrailsTheNewestByTheOutOfOrderness() {
        WatermarkStrategy<SampleFrame> strategy = SpikelineKafka.watermarks(
                KafkaRecordType.sampleFrames(SamplePacking.float32()), Duration.ofMillis(5), Duration.ZERO);
        TimestampAssigner<SampleFrame> assigner = strategy.createTimestampAssigner(assignerContext());
        WatermarkGenerator<SampleFrame> generator = strategy.createWatermarkGenerator(generatorContext());
        long brokerTimeMs = 999_999;
        for (long timeUs : new long[] {10_000, 30_999, 20_000}) {
            SampleFrame frame = new SampleFrame("k", 0, timeUs, 1000, 1, 1, new float[1]);
            long timestamp = assigner.extractTimestamp(frame, brokerTimeMs);
            assertThat(timestamp).isEqualTo(timeUs / 1000);
            generator.onEvent(frame, timestamp, output);
        }
        generator.onPeriodicEmit(output);
        // Bounded out-of-orderness: newest 30 ms, minus 5 ms, minus 1 (the watermark promises no time <= it).
        assertThat(output.watermarks).containsExactly(24L);

        clock.advanceTime(Duration.ofHours(1));
        generator.onPeriodicEmit(output);
        assertThat(output.idle).as("idleness 0 never marks idle").isFalse();
    }

    @Test
    void aQuietSubtaskTurnsIdleAfterTheIdleness() {
        WatermarkStrategy<SampleFrame> strategy = SpikelineKafka.watermarks(
                KafkaRecordType.sampleFrames(SamplePacking.float32()), Duration.ZERO, Duration.ofMillis(100));
        WatermarkGenerator<SampleFrame> generator = strategy.createWatermarkGenerator(generatorContext());
        generator.onPeriodicEmit(output);
        clock.advanceTime(Duration.ofMillis(50));
        generator.onPeriodicEmit(output);
        assertThat(output.idle).isFalse();
        clock.advanceTime(Duration.ofMillis(60));
        generator.onPeriodicEmit(output);
        assertThat(output.idle).isTrue();
    }

    @Test
    void anEmptyEventBatchKeepsTheTimeItArrivedWith() {
        TimestampAssigner<EventBatch> assigner = SpikelineKafka.watermarks(KafkaRecordType.eventBatches(),
                Duration.ZERO, Duration.ZERO).createTimestampAssigner(assignerContext());
        EventBatch empty = new EventBatch("cam", 0, 4, 4, new long[0], new short[0], new short[0], new byte[0]);
        EventBatch events = new EventBatch("cam", 1, 4, 4, new long[] {-1500, 7000}, new short[] {0, 1},
                new short[] {0, 1}, new byte[] {0, 1});
        assertThat(assigner.extractTimestamp(empty, 1234L)).isEqualTo(1234L);
        assertThat(assigner.extractTimestamp(events, 1234L)).as("floor of -1.5 ms").isEqualTo(-2L);
    }

    private static TimestampAssignerSupplier.Context assignerContext() {
        return UnregisteredMetricsGroup::new;
    }

    private WatermarkGeneratorSupplier.Context generatorContext() {
        return new WatermarkGeneratorSupplier.Context() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public RelativeClock getInputActivityClock() {
                return clock;
            }
        };
    }

    private static final class Output implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }
}
