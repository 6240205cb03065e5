package io.spikeline.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSearchTest {

    private static List<Long> loads(LoadSearch.Outcome<Long> outcome) {
        return outcome.steps().stream().map(LoadSearch.Step::load).toList();
    }

    @Test
    void findsTheHighestSustainedLoadByDoublingThenBisecting() {
        LoadSearch.Outcome<Long> found = LoadSearch.highest(new LoadSearch.Range(1, 1024, 0), load -> load,
                load -> load <= 37);
        assertThat(found.highest()).isEqualTo(37);
        assertThat(found.best()).isEqualTo(37L);
        // Doubling brackets 37 between 32 and 64, bisection closes on it.
        assertThat(loads(found)).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 48L, 40L, 36L, 38L, 37L);
        assertThat(found.steps()).allSatisfy(s -> assertThat(s.sustained()).isEqualTo(s.load() <= 37));
    }

    @Test
    void everyThresholdIsFoundExactlyWithZeroPrecision() {
        for (long threshold = 1; threshold <= 300; threshold++) {
            long limit = threshold;
            LoadSearch.Outcome<Long> found = LoadSearch.highest(new LoadSearch.Range(3, 1000, 0), load -> load,
                    load -> load <= limit);
            assertThat(found.highest()).as("threshold %d", threshold).isEqualTo(threshold);
        }
    }

    @Test
    void stopsAtMaxWhenEverythingIsSustained() {
        LoadSearch.Outcome<Long> found = LoadSearch.highest(new LoadSearch.Range(10, 100, 0), load -> load, load -> true);
        assertThat(found.highest()).isEqualTo(100);
        assertThat(loads(found)).containsExactly(10L, 20L, 40L, 80L, 100L);
    }

    @Test
    void halvesBelowAnUnsustainedStartAndReportsNoneWhenEvenOneFails() {
        LoadSearch.Outcome<Long> down = LoadSearch.highest(new LoadSearch.Range(100, 1000, 0), load -> load,
                load -> load <= 30);
        assertThat(down.highest()).isEqualTo(30);
        assertThat(loads(down)).startsWith(100L, 50L, 25L);

        LoadSearch.Outcome<Long> none = LoadSearch.highest(new LoadSearch.Range(4, 64, 0), load -> load, load -> false);
        assertThat(none.highest()).isZero();
        assertThat(none.best()).isNull();
        assertThat(loads(none)).containsExactly(4L, 2L, 1L);
    }

    @Test
    void relativePrecisionEndsTheBisectionEarlierButNeverAboveTheTruth() {
        long truth = 7_300_000;
        LoadSearch.Outcome<Long> found = LoadSearch.highest(new LoadSearch.Range(100_000, 50_000_000, 0.25),
                load -> load, load -> load <= truth);
        assertThat(found.highest()).isLessThanOrEqualTo(truth).isGreaterThan((long) (truth / 1.25));
        LoadSearch.Outcome<Long> exact = LoadSearch.highest(new LoadSearch.Range(100_000, 50_000_000, 0),
                load -> load, load -> load <= truth);
        assertThat(found.steps()).hasSizeLessThan(exact.steps().size());
        assertThat(exact.highest()).isEqualTo(truth);
    }

    @Test
    void theBestResultIsTheTrialOfTheHighestSustainedLoad() {
        LoadSearch.Outcome<String> found = LoadSearch.highest(new LoadSearch.Range(1, 16, 0), load -> "trial " + load,
                result -> Long.parseLong(result.substring(6)) <= 5);
        assertThat(found.best()).isEqualTo("trial 5");
    }

    @Test
    void rangesAreValidated() {
        assertThatThrownBy(() -> new LoadSearch.Range(0, 10, 0)).hasMessageContaining("start must be >= 1, was 0");
        assertThatThrownBy(() -> new LoadSearch.Range(5, 4, 0)).hasMessageContaining("max must be >= start 5, was 4");
        assertThatThrownBy(() -> new LoadSearch.Range(1, 4, -0.1)).hasMessageContaining("precision");
        assertThat(new LoadSearch.Range(1, 10, 0).withMax(4)).isEqualTo(new LoadSearch.Range(1, 4, 0));
        assertThat(new LoadSearch.Range(8, 10, 0).withMax(4)).isEqualTo(new LoadSearch.Range(4, 4, 0));
        assertThat(new LoadSearch.Range(1, 10, 0).withStart(20)).isEqualTo(new LoadSearch.Range(20, 20, 0));
    }
}
