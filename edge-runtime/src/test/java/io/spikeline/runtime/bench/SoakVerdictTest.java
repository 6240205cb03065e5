package io.spikeline.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's verdict as a pure function of its samples. */
class SoakVerdictTest {
    private static final long MB = 1 << 20;

    /** Twelve 15 s samples: heap, state and p99 around their levels with seeded noise, plus the given rises. */
    private static List<Soak.Sample> samples(double heapRiseMbPerSample, double stateRiseKbPerSample,
                                             double p99RiseMsPerSample) {
        SeededRandom random = new SeededRandom(5);
        List<Soak.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long heap = Math.round((120 + 3 * random.nextGaussian() + heapRiseMbPerSample * i) * MB);
            long state = Math.round((300 + stateRiseKbPerSample * i) * 1024);
            double p99 = 8 + 0.5 * random.nextGaussian() + p99RiseMsPerSample * i;
            samples.add(new Soak.Sample(15.0 * (i + 1), heap, state, p99, 750));
        }
        return samples;
    }

    @Test
    void aFlatRunPasses() {
        Soak.Verdict verdict = Soak.judge(samples(0, 0, 0), 0.2);
        assertThat(verdict.growing()).isFalse();
        assertThat(verdict.heapGrowing()).isFalse();
        assertThat(verdict.stateGrowing()).isFalse();
        assertThat(verdict.p99Growing()).isFalse();
    }

    @Test
    void aLeakingHeapIsFlagged() {
        // 6 MB per sample: 60 MB over the ten judged intervals, half the 120 MB level.
        Soak.Verdict verdict = Soak.judge(samples(6, 0, 0), 0.2);
        assertThat(verdict.heapGrowing()).isTrue();
        assertThat(verdict.stateGrowing()).isFalse();
        assertThat(verdict.growing()).isTrue();
    }

    @Test
    void growingStateAndRisingLatencyAreFlagged() {
        Soak.Verdict state = Soak.judge(samples(0, 20, 0), 0.2);
        assertThat(state.stateGrowing()).isTrue();
        assertThat(state.heapGrowing()).isFalse();
        Soak.Verdict latency = Soak.judge(samples(0, 0, 2), 0.2);
        assertThat(latency.p99Growing()).isTrue();
        assertThat(latency.growing()).isTrue();
    }

    @Test
    void oneIntervalDisturbedByOtherWorkIsNotGrowth() {
        List<Soak.Sample> samples = new ArrayList<>(samples(0, 0, 0));
        Soak.Sample last = samples.get(samples.size() - 1);
        samples.set(samples.size() - 1, new Soak.Sample(last.atSeconds(), last.heapBytes() + 40 * MB,
                last.stateBytes(), 95, last.decodings()));
        assertThat(Soak.judge(samples, 0.2).growing()).isFalse();
    }

    @Test
    void smallRisesUnderTheFloorsAreNoise() {
        // 300 KB of state rising 1 KB per sample: 10 KB, 3 % and under the 16 KB floor.
        assertThat(Soak.judge(samples(0, 1, 0), 0.0).stateGrowing()).isFalse();
    }

    @Test
    void theFirstIntervalIsNotJudged() {
        List<Soak.Sample> samples = new ArrayList<>(samples(0, 0, 0));
        // Start-up: a small heap and no checkpoint yet in the first interval.
        Soak.Sample first = samples.get(0);
        samples.set(0, new Soak.Sample(first.atSeconds(), 20 * MB, 0, 400, first.decodings()));
        assertThat(Soak.judge(samples, 0.2).growing()).isFalse();
    }

    @Test
    void aVerdictNeedsThreeSamples() {
        assertThatThrownBy(() -> Soak.judge(samples(0, 0, 0).subList(0, 2), 0.2))
                .hasMessageContaining("at least 3 samples, had 2");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new Soak.Settings(0, 3, 15, 5, 0.2)).hasMessageContaining("probes must be >= 1");
        assertThatThrownBy(() -> new Soak.Settings(1, 1, 30, 5, 0.2)).hasMessageContaining("four samples");
        assertThatThrownBy(() -> new Soak.Settings(1, 3, 15, 0, 0.2)).hasMessageContaining("checkpoint interval");
    }
}
