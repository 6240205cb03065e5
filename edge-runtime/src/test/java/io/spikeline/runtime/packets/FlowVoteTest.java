package io.spikeline.runtime.packets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.record.FlowKey;
import org.junit.jupiter.api.Test;

class FlowVoteTest {

    @Test
    void bothDirectionsOfAFlowAreOneFlowAndOtherFlowsAreNot() {
        FlowKey out = new FlowKey(new byte[] {10, 0, 0, 1}, new byte[] {(byte) 198, 51, 100, 7}, 40000, 443, 6);
        assertThat(FlowVote.flowOf(out)).isEqualTo(FlowVote.flowOf(out.reversed()));
        FlowKey udp = new FlowKey(new byte[] {10, 0, 0, 1}, new byte[] {(byte) 198, 51, 100, 7}, 40000, 443, 17);
        assertThat(FlowVote.flowOf(udp)).isNotEqualTo(FlowVote.flowOf(out));
    }

    @Test
    void eachPacketAddsItsSoftmaxProbabilitiesAndTheFlowTakesTheLargestSum() {
        double[] votes = FlowVote.empty(3);
        // Scores 0, ln 2, ln 5: probabilities 1/8, 2/8, 5/8.
        FlowVote.add(votes, new float[] {0, (float) Math.log(2), (float) Math.log(5)});
        assertThat(votes[0]).isCloseTo(1 / 8.0, within(1e-6));
        assertThat(votes[1]).isCloseTo(2 / 8.0, within(1e-6));
        assertThat(votes[2]).isCloseTo(5 / 8.0, within(1e-6));
        assertThat(FlowVote.winner(votes)).isEqualTo(2);
        // A shift of every score changes nothing; huge scores do not overflow.
        FlowVote.add(votes, new float[] {1000 + (float) Math.log(7), 1000, 1000});
        // Now class 0 holds 1/8 + 7/9, class 2 5/8 + 1/9: class 0 wins with (1/8 + 7/9) / 2 of the vote.
        assertThat(FlowVote.winner(votes)).isZero();
        assertThat(FlowVote.confidence(votes)).isCloseTo((float) ((1 / 8.0 + 7 / 9.0) / 2), within(1e-4f));
        assertThat(FlowVote.packets(votes)).isEqualTo(2);
    }

    @Test
    void tiesGoToTheLowestClassAndWrongLengthsFail() {
        double[] votes = FlowVote.empty(2);
        FlowVote.add(votes, new float[] {3, 3});
        assertThat(FlowVote.winner(votes)).isZero();
        assertThat(FlowVote.confidence(votes)).isCloseTo(0.5f, within(1e-6f));
        assertThatThrownBy(() -> FlowVote.add(votes, new float[] {1, 2, 3})).hasMessageContaining("3 class scores");
    }
}
