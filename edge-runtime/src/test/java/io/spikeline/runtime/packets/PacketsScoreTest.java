package io.spikeline.runtime.packets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacketsScoreTest {
    private static final List<String> CLASSES = List.of("A", "B", "C");

    private static PacketVerdict verdict(long i, String flow, int truth, int packetClass, int flowClass, int flowPackets) {
        return new PacketVerdict(i, i * 1000, flow, truth, packetClass, 0.9f, new float[3], 100 + i, 0, flowClass, 0.8f,
                flowPackets, 500 + i);
    }

    @Test
    void scoresPacketsFlowVotesAndFlowsAgainstTheirLabels() {
        PacketsScore score = new PacketsScore(CLASSES, 20, 0.02);
        assertThat(score.windowPackets()).isEqualTo(2);
        // Flow f (class A): packets wrong, wrong, right, right; the vote turns right at its second packet.
        // Flow g (class B): every packet right. Flow h (class C): its one packet decoded B.
        int[][] plan = {
            {0, 1, 1}, {0, 2, 0}, {0, 0, 0}, {0, 0, 0}, {1, 1, 1}, {1, 1, 1}, {2, 1, 1}};
        String[] flows = {"f", "f", "f", "f", "g", "g", "h"};
        int[] flowPackets = {1, 2, 3, 4, 1, 2, 1};
        for (int i = 0; i < plan.length; i++) {
            score.add(verdict(i, flows[i], plan[i][0], plan[i][1], plan[i][2], flowPackets[i]));
        }
        for (int i = plan.length; i < 20; i++) {
            score.add(verdict(i, "g", 1, 1, 1, i - 4));
        }
        assertThat(score.complete()).isTrue();
        assertThat(score.accuracy(0, 7)).isEqualTo(4 / 7.0);
        assertThat(score.flowVoteAccuracy(0, 7)).isEqualTo(5 / 7.0);
        assertThat(score.majorityAccuracy(0, 7)).isEqualTo(4 / 7.0);
        // Labels A A A A B B C: packets 1, 2, 3 and 5 repeat the label before them.
        assertThat(score.previousLabelAccuracy(0, 7)).isEqualTo(4 / 7.0);
        assertThat(score.previousLabelAccuracy(4, 7)).isEqualTo(1 / 3.0);
        assertThat(score.flowCount()).isEqualTo(3);
        // Each flow once, with its latest vote: f right (A), g right (B), h wrong (C decoded B).
        assertThat(score.flowConfusion().total()).isEqualTo(3);
        assertThat(score.flowConfusion().count(0, 0)).isEqualTo(1);
        assertThat(score.flowConfusion().count(2, 1)).isEqualTo(1);
        double[][] curves = score.accuracyCurves();
        assertThat(curves[0]).hasSize(10).startsWith(0.0, 1.0, 1.0, 0.5);
        assertThat(curves[1]).startsWith(0.5, 1.0, 1.0, 0.5);
        assertThat(curves[2]).startsWith(1.0, 1.0, 1.0, 0.5);
        assertThat(score.windowEndSeconds()).startsWith(0.001, 0.003);
        assertThat(score.currentAccuracy()).isEqualTo(1.0);
        assertThat(score.signalSeconds()).isEqualTo(0.02);
        assertThat(score.classifierLatencyQuantileUs(1)).isEqualTo(119);
        assertThat(score.pipelineLatencyQuantileUs(0.5)).isEqualTo(509);
    }

    @Test
    void aSecondVerdictForAPacketOrALabelOfNoClassFails() {
        PacketsScore score = new PacketsScore(CLASSES, 4, 1);
        score.add(verdict(0, "f", 0, 0, 0, 1));
        assertThatThrownBy(() -> score.add(verdict(0, "f", 0, 0, 0, 1))).hasMessageContaining("two verdicts");
        assertThatThrownBy(() -> score.add(verdict(1, "f", 3, 0, 0, 2))).hasMessageContaining("labelled 3");
        assertThatThrownBy(() -> score.add(verdict(4, "f", 0, 0, 0, 2))).hasMessageContaining("packet 4");
    }

    @Test
    void anOpenInputScoresItsLabelledPacketsInArrivalOrderAndIsCompleteOnceItSpansItsSeconds() {
        // Capture times from 10 s on, as a broker's packets carry theirs; every third packet unlabelled.
        PacketsScore score = PacketsScore.open(CLASSES, 5.0);
        int labelled = 0;
        int right = 0;
        long lastUs = 0;
        for (int i = 0; i < 6000; i++) {
            int truth = i % 3 == 2 ? -1 : i % 2;
            PacketVerdict v = new PacketVerdict(i, 10_000_000L + i * 1000L, "f" + i % 7, truth, i % 4 == 0 ? 1 : 0,
                    0.9f, new float[3], 100, 0, 0, 0.8f, i + 1, 500);
            assertThat(score.scores(v)).isEqualTo(truth >= 0);
            if (score.scores(v)) {
                assertThat(score.complete()).isEqualTo(labelled > 0 && lastUs - 10_000_000L >= 5_000_000L);
                score.add(v);
                lastUs = v.captureTimeUs();
                labelled++;
                right += v.packetClass() == truth ? 1 : 0;
            }
        }
        assertThat(score.count()).isEqualTo(labelled).isEqualTo(4000);
        assertThat(score.accuracy(0, labelled)).isEqualTo(right / (double) labelled);
        // Last labelled packet 5998 at 10 s + 5.998 s, first at 10 s.
        assertThat(score.signalSeconds()).isEqualTo(5.998);
        assertThat(score.complete()).isTrue();
        assertThat(score.windowPackets()).isEqualTo(PacketsScore.MAX_WINDOW_PACKETS);
        assertThat(score.accuracyCurves()[0]).hasSize(4);
        assertThat(score.currentAccuracy()).isEqualTo(score.accuracy(3000, 4000));
        assertThatThrownBy(() -> PacketsScore.open(CLASSES, 0)).hasMessageContaining("seconds must be > 0, was 0.0");
    }
}
