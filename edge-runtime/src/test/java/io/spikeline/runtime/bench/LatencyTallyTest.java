package io.spikeline.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.runtime.report.EmbeddedJob;
import org.junit.jupiter.api.Test;

class LatencyTallyTest {

    @Test
    void countsEveryDecodingAndMeasuresOnlyThoseAfterTheWarmUp() {
        LatencyTally tally = new LatencyTally(3, 100_000);
        for (int i = 0; i < 10; i++) {
            // The warm-up decodings are far later than the others: they must not reach the histogram.
            tally.add(i * 1000L, i * 1000L + (i < 3 ? 900_000 : 2000));
        }
        assertThat(tally.count()).isEqualTo(10);
        assertThat(tally.measured()).isEqualTo(7);
        assertThat(tally.maxLatencyMs()).isCloseTo(2, within(0.01));
    }

    @Test
    void theRateIsTheMeasuredDecodingsOverTheWallTimeTheySpan() {
        LatencyTally tally = new LatencyTally(5, 100_000);
        long emit = 1_000_000_000L;
        int decodings = 1000;
        for (int i = 0; i < decodings; i++) {
            // Irregular spacing: 3 ms or 7 ms, alternately.
            emit += i % 2 == 0 ? 3000 : 7000;
            tally.add(emit - 1000, emit);
        }
        long measured = decodings - 5;
        // Emits of the measured decodings: from after the 6th interval to after the 1000th.
        double spanSeconds = (measured - 1) / 2 * 0.010 + ((measured - 1) % 2) * 0.003;
        assertThat(tally.measuredSeconds()).isCloseTo(spanSeconds, within(1e-9));
        assertThat(tally.decodingsPerSecond()).isCloseTo((measured - 1) / spanSeconds, within(1e-6));
    }

    @Test
    void percentilesAgreeWithExactQuantilesWithinTheHistogramsResolution() {
        SeededRandom random = new SeededRandom(11);
        LatencyTally tally = new LatencyTally(0, 100_000);
        int n = 20_000;
        long[] latencies = new long[n];
        for (int i = 0; i < n; i++) {
            latencies[i] = 500 + (long) random.nextExponential(4000);
            tally.add(i * 100L, i * 100L + latencies[i]);
        }
        for (double q : new double[] {0.5, 0.99, 0.999}) {
            double exactMs = EmbeddedJob.quantile(latencies, n, q) / 1e3;
            // HdrHistogram keeps 3 significant digits, and its rank may differ by one from the nearest rank (the two
            // round q · n apart); one rank in this tail is under 1 %.
            assertThat(tally.latencyMs(q * 100)).as("quantile %s", q).isCloseTo(exactMs, within(exactMs * 1e-2));
        }
    }

    @Test
    void aLatencyRisingWithDueTimeShowsAsGrowthAndASteadyOneDoesNot() {
        LatencyTally rising = new LatencyTally(0, 100_000);
        LatencyTally steady = new LatencyTally(0, 100_000);
        // 4 s of decodings every 10 ms; the rising latency gains 5 ms per second of due time.
        for (long due = 0; due < 4_000_000; due += 10_000) {
            rising.add(due, due + 2000 + due / 200);
            steady.add(due, due + 2000);
        }
        // The series is the mean per 100 ms bucket, at the bucket's start: 5 ms/s × (3.9 s − 0 s).
        assertThat(rising.latencyTrend().growth()).isCloseTo(5 * 3.9, within(1e-6));
        assertThat(steady.latencyTrend().growth()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aDecodingBeforeItsDueTimeCountsAsNoLatency() {
        LatencyTally tally = new LatencyTally(0, 100_000);
        tally.add(10_000, 9_999);
        assertThat(tally.latencyMs(100)).isZero();
        assertThat(tally.measured()).isEqualTo(1);
    }

    @Test
    void argumentsAreValidated() {
        assertThatThrownBy(() -> new LatencyTally(-1, 1)).hasMessageContaining("warm-up decodings must be >= 0, was -1");
        assertThatThrownBy(() -> new LatencyTally(0, 0)).hasMessageContaining("bucket must be >= 1 us, was 0");
    }
}
