package io.spikeline.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the scenarios' sensors send, and when: the basis of the latency the harness measures. */
class SensorsTest {
    private static final long START_US = 1_700_000_000_000_000L;

    @Test
    void probesSendContiguousFramesPerKeyEachReadyAtItsEnd() {
        ProbesScenario scenario = new ProbesScenario(8, 2);
        Sensor<SampleFrame> sensor = scenario.sensor(3);
        sensor.open();
        for (long i = 0; i < 3 * 50; i++) {
            SampleFrame frame = sensor.record(i, START_US);
            assertThat(frame.sourceKey()).isEqualTo("probe-" + i % 3);
            assertThat(frame.sequence()).isEqualTo(i / 3);
            assertThat(frame.channelCount()).isEqualTo(8);
            assertThat(frame.sampleCount()).isEqualTo(30);
            assertThat(frame.firstSampleTimeUs()).isEqualTo(START_US + i / 3 * 1000);
            assertThat(START_US + sensor.readyUs(i)).isEqualTo(frame.endTimeUs());
        }
        // A trial sends whole 20 ms windows per probe; each window is one decoding.
        assertThat(scenario.records(3, 0.99)).isEqualTo(3 * 1000);
        assertThat(scenario.decodings(3, 3 * 1000)).isEqualTo(3 * 50);
    }

    @Test
    void probesSendTheSimulatorsBroadbandInOneMillisecondPieces() {
        Sensor<SampleFrame> sensor = new ProbesScenario(8, 2).sensor(1);
        sensor.open();
        float[] expected;
        try (ReachingSimulator simulator = new ReachingSimulator("probe", ProbesScenario.session(8, 2))) {
            expected = simulator.read().broadband().data();
        }
        for (int f = 0; f < 20; f++) {
            assertThat(sensor.record(f, START_US).data())
                    .containsExactly(Arrays.copyOfRange(expected, f * 30 * 8, (f + 1) * 30 * 8));
        }
    }

    @Test
    void eventsFillEveryMillisecondOfTheirBatch() {
        EventsScenario scenario = new EventsScenario(4);
        Sensor<EventBatch> sensor = scenario.sensor(25_000);
        sensor.open();
        for (long i = 0; i < 5; i++) {
            EventBatch batch = sensor.record(i, START_US);
            assertThat(batch.size()).isEqualTo(250);
            assertThat(batch.sequence()).isEqualTo(i);
            long batchStart = START_US + i * 10_000;
            assertThat(START_US + sensor.readyUs(i)).isEqualTo(batchStart + 10_000);
            boolean[] binSeen = new boolean[10];
            for (long t : batch.timestampsUs()) {
                assertThat(t).isBetween(batchStart, batchStart + 9_999);
                binSeen[(int) ((t - batchStart) / 1000)] = true;
            }
            assertThat(binSeen).doesNotContain(false);
            assertThat(batch.timestampsUs()[0]).isEqualTo(batchStart);
        }
        assertThat(scenario.decodings(25_000, 100)).isEqualTo(99);
        assertThatThrownBy(() -> scenario.sensor(999)).hasMessageContaining("events/s must be >= 1000, was 999");
    }

    @Test
    void packetsAreCapturedAtTheirRateAtLeastAMicrosecondApart() {
        PacketsScenario scenario = new PacketsScenario(6);
        Sensor<PacketRecord> sensor = scenario.sensor(300_000);
        sensor.open();
        long previous = Long.MIN_VALUE;
        for (long i = 0; i < 3000; i++) {
            PacketRecord packet = sensor.record(i, START_US);
            assertThat(packet.captureTimeUs()).isEqualTo(START_US + i * 1_000_000 / 300_000)
                    .isEqualTo(START_US + sensor.readyUs(i)).isGreaterThan(previous);
            previous = packet.captureTimeUs();
        }
        assertThat(scenario.records(300_000, 0.5)).isEqualTo(150_000);
        assertThatThrownBy(() -> scenario.sensor(1_000_001)).hasMessageContaining("1..1000000, was 1000001");
    }
}
