package io.spikeline.runtime.packets;

import io.spikeline.models.record.FlowKey;

/**
 * The running vote of a flow's packets. Each packet adds its class probabilities, the softmax of the network's class
 * scores {@code y}: {@code p_c = exp(y_c − max y) / Σ_k exp(y_k − max y)}, so a confident packet weighs more than a
 * hesitant one but no packet more than 1. The flow's class is the one of largest sum {@code V_c} (the lowest on a
 * tie), its confidence {@code V_c / n} after {@code n} packets. The votes are a {@code double[classes + 1]} whose
 * last entry counts the packets.
 */
final class FlowVote {
    private FlowVote() {}

    /** The flow of either direction as one key: the smaller of the two directions' text forms. */
    static String flowOf(FlowKey key) {
        String forward = key.toString();
        String backward = key.reversed().toString();
        return forward.compareTo(backward) <= 0 ? forward : backward;
    }

    /** Empty votes of {@code classes} classes. */
    static double[] empty(int classes) {
        return new double[classes + 1];
    }

    /** Adds the vote of a packet of class scores {@code scores} to {@code votes}. */
    static void add(double[] votes, float[] scores) {
        int classes = votes.length - 1;
        if (scores.length != classes) {
            throw new IllegalArgumentException("a vote of " + scores.length + " class scores into votes of "
                    + classes + " classes");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float y : scores) {
            max = Math.max(max, y);
        }
        double sum = 0;
        for (float y : scores) {
            sum += Math.exp(y - max);
        }
        for (int c = 0; c < classes; c++) {
            votes[c] += Math.exp(scores[c] - max) / sum;
        }
        votes[classes]++;
    }

    /** The winning class. */
    static int winner(double[] votes) {
        int best = 0;
        for (int c = 1; c < votes.length - 1; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The winner's share of the votes, in [0, 1]. */
    static float confidence(double[] votes) {
        return (float) (votes[winner(votes)] / votes[votes.length - 1]);
    }

    /** Packets voted. */
    static int packets(double[] votes) {
        return (int) votes[votes.length - 1];
    }
}
