package io.spikeline.models.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.synapse.DenseWeights;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TripletStdpTest {
    /** Pfister &amp; Gerstner 2006, visual cortex, minimal all-to-all model (A3− = 0); dt = 1 ms. */
    private static final TripletStdpParameters VISUAL_CORTEX = new TripletStdpParameters(5e-10, 6.2e-3, 7e-3, 0,
            16.8, 101, 33.7, 125, 1, WeightBounds.none());
    private static final int PAIRINGS = 60;
    private static final int LAG_MS = 10;
    private static final int[] ZERO = {0};

    /** Spike times (ms) of a pairing protocol: {@code PAIRINGS} pairs at {@code frequencyHz}, post − pre = lag. */
    private static int[][] protocol(int frequencyHz, int lagMs) {
        int period = 1000 / frequencyHz;
        int[] pre = new int[PAIRINGS];
        int[] post = new int[PAIRINGS];
        int start = 100;
        for (int k = 0; k < PAIRINGS; k++) {
            pre[k] = start + k * period + Math.max(0, -lagMs);
            post[k] = start + k * period + Math.max(0, lagMs);
        }
        return new int[][] {pre, post};
    }

    private static double ruleChange(TripletStdpParameters parameters, int[] pre, int[] post) {
        TripletStdp rule = new TripletStdp(parameters, 1, 1);
        DoubleWeights w = new DoubleWeights(1, 1, 0);
        int end = Math.max(pre[pre.length - 1], post[post.length - 1]) + 1;
        for (int t = 0, a = 0, b = 0; t < end; t++) {
            boolean preSpike = a < pre.length && pre[a] == t;
            boolean postSpike = b < post.length && post[b] == t;
            a += preSpike ? 1 : 0;
            b += postSpike ? 1 : 0;
            rule.step(ZERO, preSpike ? 1 : 0, ZERO, postSpike ? 1 : 0, w);
        }
        return w.weight(0, 0);
    }

    /** Eq. (3)–(4) of Pfister &amp; Gerstner summed directly over all spike pairs and triplets. */
    private static double summedChange(TripletStdpParameters p, int[] pre, int[] post) {
        double dw = 0;
        for (int tPost : post) {
            double r1 = 0;
            for (int tPre : pre) {
                r1 += tPre < tPost ? Math.exp(-(tPost - tPre) / p.tauPlusMs()) : 0;
            }
            double o2 = 0;
            for (int earlier : post) {
                o2 += earlier < tPost ? Math.exp(-(tPost - earlier) / p.tauYMs()) : 0;
            }
            dw += r1 * (p.a2Plus() + p.a3Plus() * o2);
        }
        for (int tPre : pre) {
            double o1 = 0;
            for (int tPost : post) {
                o1 += tPost < tPre ? Math.exp(-(tPre - tPost) / p.tauMinusMs()) : 0;
            }
            double r2 = 0;
            for (int earlier : pre) {
                r2 += earlier < tPre ? Math.exp(-(tPre - earlier) / p.tauXMs()) : 0;
            }
            dw -= o1 * (p.a2Minus() + p.a3Minus() * r2);
        }
        return dw;
    }

    @Test
    void pairingProtocolsEqualDirectSummationOverSpikeTriplets() {
        TripletStdpParameters full = new TripletStdpParameters(5e-10, 6.2e-3, 7e-3, 2.3e-4, 16.8, 101, 33.7, 125, 1,
                WeightBounds.none());
        for (int frequency : new int[] {1, 10, 20, 40, 50}) {
            for (int lag : new int[] {LAG_MS, -LAG_MS}) {
                int[][] spikes = protocol(frequency, lag);
                double expected = summedChange(full, spikes[0], spikes[1]);
                assertThat(ruleChange(full, spikes[0], spikes[1])).as("%d Hz, lag %d ms", frequency, lag)
                        .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void potentiationGrowsWithPairingFrequency() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int frequency : new int[] {1, 10, 20, 40, 50}) {
            int[][] spikes = protocol(frequency, LAG_MS);
            double change = ruleChange(VISUAL_CORTEX, spikes[0], spikes[1]);
            assertThat(change).as("pre-post pairing at %d Hz", frequency).isGreaterThan(previous);
            previous = change;
        }
        assertThat(previous).as("pre-post pairing at 50 Hz").isGreaterThan(0.1);
    }

    @Test
    void postPreAtLowFrequencyDepressesAsThePairTermPredictsAndPotentiatesAtHighFrequency() {
        int[][] slow = protocol(1, -LAG_MS);
        // at 1 Hz the traces have decayed between pairings, so each pair contributes −A2− e^{−10/τ−}
        double isolatedPairs = -PAIRINGS * VISUAL_CORTEX.a2Minus() * Math.exp(-LAG_MS / VISUAL_CORTEX.tauMinusMs());
        assertThat(ruleChange(VISUAL_CORTEX, slow[0], slow[1])).isNegative()
                .isCloseTo(isolatedPairs, within(1e-3 * Math.abs(isolatedPairs)));

        int[][] fast = protocol(50, -LAG_MS);
        assertThat(ruleChange(VISUAL_CORTEX, fast[0], fast[1])).isPositive();
        int[][] slowPrePost = protocol(1, LAG_MS);
        assertThat(ruleChange(VISUAL_CORTEX, slowPrePost[0], slowPrePost[1]))
                .isPositive().isLessThan(Math.abs(isolatedPairs) / 100);
    }

    @Test
    void withoutTripletTermsTheRuleIsPairStdp() {
        TripletStdpParameters pairOnly = new TripletStdpParameters(0.01, 0, 0.012, 0, 20, 101, 30, 125, 1,
                WeightBounds.hard(0, 1));
        PairStdpParameters pair = new PairStdpParameters(0.01, 0.012, 20, 30, 1,
                PairStdpParameters.Pairing.ALL_TO_ALL, PairStdpParameters.Window.CAUSAL, WeightBounds.hard(0, 1));
        DenseWeights a = new DenseWeights(8, 6);
        DenseWeights b = new DenseWeights(8, 6);
        Arrays.fill(a.weights(), 0.5f);
        Arrays.fill(b.weights(), 0.5f);
        PairStdpTest.runRandom(new TripletStdp(pairOnly, 8, 6), PlasticWeights.of(a), new SeededRandom(4), 300);
        PairStdpTest.runRandom(new PairStdp(pair, 8, 6), PlasticWeights.of(b), new SeededRandom(4), 300);
        assertThat(a.weights()).containsExactly(b.weights());
    }

    @Test
    void snapshotRestoreAndContinueEqualsAnUninterruptedRun() throws Exception {
        DoubleWeights reference = new DoubleWeights(10, 7, 0.3);
        TripletStdp referenceRule = new TripletStdp(VISUAL_CORTEX, 10, 7);
        PairStdpTest.runRandom(referenceRule, reference, new SeededRandom(6), 700);

        DoubleWeights first = new DoubleWeights(10, 7, 0.3);
        TripletStdp firstRule = new TripletStdp(VISUAL_CORTEX, 10, 7);
        SeededRandom spikes = new SeededRandom(6);
        PairStdpTest.runRandom(firstRule, first, spikes, 300);

        DoubleWeights restored = new DoubleWeights(10, 7, 0);
        TripletStdp restoredRule = new TripletStdp(VISUAL_CORTEX, 10, 7);
        SeededRandom restoredSpikes = new SeededRandom(1);
        Snapshots.restore(restored, Snapshots.toBytes(first));
        Snapshots.restore(restoredRule, Snapshots.toBytes(firstRule));
        Snapshots.restore(restoredSpikes, Snapshots.toBytes(spikes));
        PairStdpTest.runRandom(restoredRule, restored, restoredSpikes, 400);

        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(reference));
        assertThat(Snapshots.toBytes(restoredRule)).isEqualTo(Snapshots.toBytes(referenceRule));
    }

    @Test
    void invalidParametersAreRejectedByName() {
        assertThatThrownBy(() -> new TripletStdpParameters(5e-10, 6.2e-3, 7e-3, 0, 16.8, 101, 33.7, -125, 1,
                WeightBounds.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tauYMs")
                .hasMessageContaining("-125");
    }
}
