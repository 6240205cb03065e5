package io.spikeline.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One small trial per scenario on an embedded MiniCluster: the harness accounts for every record (each scenario's
 * decodings come out, all of them, and only them). Nothing here depends on how fast the machine is.
 */
class PipelineTrialTest {
    /** Long trials never stop early here: any latency is below the abort bound. */
    static final TrialSettings SMALL = new TrialSettings(1, 0.2, 60_000, 1, new Via.InProcess());

    static void assertAccounted(Scenario<?> scenario, long load, TrialResult result) {
        long records = scenario.records(load, SMALL.seconds());
        assertThat(result.load()).isEqualTo(load);
        assertThat(result.records()).isEqualTo(records);
        assertThat(result.expectedDecodings()).isEqualTo(scenario.decodings(load, records)).isPositive();
        assertThat(result.decodings()).isEqualTo(result.expectedDecodings());
        assertThat(result.complete()).isTrue();
        assertThat(result.p50Ms()).isLessThanOrEqualTo(result.p99Ms());
        assertThat(result.p99Ms()).isLessThanOrEqualTo(result.p999Ms());
        assertThat(result.p999Ms()).isLessThanOrEqualTo(result.maxMs() + 1e-9);
        assertThat(result.throughput()).isPositive();
    }

    @Test
    void probesTrialDecodesEveryWindowOfEveryProbe() throws Exception {
        ProbesScenario scenario = new ProbesScenario(16, 1);
        TrialResult result = PipelineTrial.run(scenario, 2, SMALL);
        assertAccounted(scenario, 2, result);
        // 1 s of 2 probes: 50 windows of 20 ms each.
        assertThat(result.decodings()).isEqualTo(100);
    }

    @Test
    void eventsTrialDecodesEveryCompletedWindow() throws Exception {
        EventsScenario scenario = new EventsScenario(1);
        TrialResult result = PipelineTrial.run(scenario, 5000, SMALL);
        assertAccounted(scenario, 5000, result);
        // 100 batches of 10 ms; the last window waits for an event that never comes.
        assertThat(result.decodings()).isEqualTo(99);
    }

    @Test
    void packetsTrialDecodesEveryPacket() throws Exception {
        PacketsScenario scenario = new PacketsScenario(1);
        TrialResult result = PipelineTrial.run(scenario, 800, SMALL);
        assertAccounted(scenario, 800, result);
        assertThat(result.decodings()).isEqualTo(800);
    }
}
