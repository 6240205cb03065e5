package io.spikeline.models.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.random.SeededRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WinnerTakeAllTest {

    @Test
    void selectsTheLargestScoresWithTiesToTheLowestIndexLikeAStableSort() {
        SeededRandom random = new SeededRandom(12);
        int[] winners = new int[8];
        for (int trial = 0; trial < 500; trial++) {
            int count = 1 + random.nextInt(30);
            float[] scores = new float[count + 5];
            for (int i = 0; i < scores.length; i++) {
                int kind = random.nextInt(10);
                scores[i] = kind == 0 ? Float.NEGATIVE_INFINITY : kind == 1 ? Float.NaN : random.nextInt(6) - 2;
            }
            int k = random.nextInt(9);
            int found = WinnerTakeAll.select(scores, count, k, winners);

            List<Integer> eligible = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (!Float.isNaN(scores[i]) && scores[i] != Float.NEGATIVE_INFINITY) {
                    eligible.add(i);
                }
            }
            eligible.sort(Comparator.comparingDouble((Integer i) -> -scores[i]));
            List<Integer> expected = eligible.subList(0, Math.min(k, eligible.size()));
            List<Integer> actual = new ArrayList<>();
            for (int m = 0; m < found; m++) {
                actual.add(winners[m]);
            }
            assertThat(actual).as("trial %d", trial).isEqualTo(expected);
        }
    }

    @Test
    void allEqualScoresGoToTheFirstIndices() {
        int[] winners = new int[3];
        assertThat(WinnerTakeAll.select(new float[] {1, 1, 1, 1, 1}, 5, 3, winners)).isEqualTo(3);
        assertThat(winners).containsExactly(0, 1, 2);
    }

    @Test
    void aWinnerCountBeyondTheBufferIsRejected() {
        assertThatThrownBy(() -> WinnerTakeAll.select(new float[4], 4, 3, new int[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 3");
    }
}
