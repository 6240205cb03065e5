package io.spikeline.models.learning;

/** k-winner-take-all selection over a score array, without allocation. */
public final class WinnerTakeAll {
    private WinnerTakeAll() {}

    /**
     * Writes the indices of the {@code k} largest of {@code scores[0 .. count)} into {@code winners}, largest
     * first; equal scores are ordered by lowest index. Scores that are NaN or negative infinity never win, so
     * callers mask out ineligible entries by setting them to {@link Float#NEGATIVE_INFINITY}. Runs in
     * {@code O(count · k)}.
     *
     * @return the number of winners, {@code min(k, eligible entries)}
     */
    public static int select(float[] scores, int count, int k, int[] winners) {
        if (k < 0 || k > winners.length) {
            throw new IllegalArgumentException("k must lie in 0.." + winners.length + " (the winner buffer), was " + k);
        }
        int found = 0;
        for (int i = 0; i < count; i++) {
            float score = scores[i];
            if (!(score > Float.NEGATIVE_INFINITY)) {
                continue;
            }
            int position = found;
            while (position > 0 && scores[winners[position - 1]] < score) {
                position--;
            }
            if (position == k) {
                continue;
            }
            int last = Math.min(found, k - 1);
            for (int m = last; m > position; m--) {
                winners[m] = winners[m - 1];
            }
            winners[position] = i;
            found = Math.min(found + 1, k);
        }
        return found;
    }
}
