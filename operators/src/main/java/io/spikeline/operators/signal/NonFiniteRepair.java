package io.spikeline.operators.signal;

import io.spikeline.operators.sideoutput.NonFinitePolicy;

/** Replaces NaN and infinite samples in interleaved data by a {@link NonFinitePolicy}. */
final class NonFiniteRepair {
    private NonFiniteRepair() {
    }

    /**
     * Repairs {@code data} in place ({@link NonFinitePolicy#HOLD_LAST} or {@link NonFinitePolicy#ZERO}).
     * {@code lastFinite[c]} is the value held for channel c, updated with every finite sample seen.
     *
     * @return how many values were replaced
     */
    static int repair(float[] data, int channels, NonFinitePolicy policy, float[] lastFinite) {
        if (policy == NonFinitePolicy.DROP_FRAME) {
            throw new IllegalArgumentException("a dropped frame is not repaired");
        }
        boolean hold = policy == NonFinitePolicy.HOLD_LAST;
        int replaced = 0;
        for (int off = 0; off < data.length; off += channels) {
            for (int c = 0; c < channels; c++) {
                float x = data[off + c];
                if (Float.isFinite(x)) {
                    lastFinite[c] = x;
                } else {
                    data[off + c] = hold ? lastFinite[c] : 0f;
                    replaced++;
                }
            }
        }
        return replaced;
    }

    /** The number of NaN or infinite values in {@code data}. */
    static int count(float[] data) {
        int count = 0;
        for (float x : data) {
            if (!Float.isFinite(x)) {
                count++;
            }
        }
        return count;
    }
}
