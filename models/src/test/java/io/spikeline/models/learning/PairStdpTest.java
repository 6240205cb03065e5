package io.spikeline.models.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeline.models.learning.PairStdpParameters.Pairing;
import io.spikeline.models.learning.PairStdpParameters.Window;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.synapse.CsrWeights;
import io.spikeline.models.synapse.DenseWeights;
import io.spikeline.models.testing.SharedFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PairStdpTest {
    private static final JsonNode VECTORS = SharedFiles.readTestVectors("stdp.json");
    private static final int[] NONE = new int[0];
    private static final int[] ZERO = {0};

    private static PairStdpParameters vectorParameters(Pairing pairing, double aPlus, double aMinus) {
        return new PairStdpParameters(aPlus, aMinus, VECTORS.get("tau_plus_ms").asDouble(),
                VECTORS.get("tau_minus_ms").asDouble(), VECTORS.get("dt_ms").asDouble(), pairing, Window.CAUSAL,
                WeightBounds.none());
    }

    /** Runs the single-synapse spike trains of the vectors; returns the weight after every step. */
    private static double[] runSingleSynapse(PairStdpParameters parameters, double w0) {
        boolean[] pre = mask(SharedFiles.ints(VECTORS.get("pre")));
        boolean[] post = mask(SharedFiles.ints(VECTORS.get("post")));
        PairStdp rule = new PairStdp(parameters, 1, 1);
        DoubleWeights w = new DoubleWeights(1, 1, w0);
        double[] trajectory = new double[pre.length];
        for (int t = 0; t < pre.length; t++) {
            rule.step(ZERO, pre[t] ? 1 : 0, ZERO, post[t] ? 1 : 0, w);
            trajectory[t] = w.weight(0, 0);
        }
        return trajectory;
    }

    private static boolean[] mask(int[] times) {
        boolean[] mask = new boolean[VECTORS.get("T_ms").asInt()];
        for (int t : times) {
            mask[t] = true;
        }
        return mask;
    }

    @ParameterizedTest
    @CsvSource({"ALL_TO_ALL, all_to_all", "NEAREST, nearest"})
    void singleSynapseWeightFollowsTheSciPyTrajectory(Pairing pairing, String run) {
        double aPlus = VECTORS.get("A_plus").asDouble();
        double aMinus = VECTORS.get("A_minus").asDouble();
        double[] expected = SharedFiles.doubles(VECTORS.get("runs").get(run).get("w"));
        double[] actual = runSingleSynapse(vectorParameters(pairing, aPlus, aMinus), VECTORS.get("w0").asDouble());
        assertThat(actual).hasSameSizeAs(expected);
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as("w[%d]", t).isCloseTo(expected[t], within(1e-12));
        }
    }

    @ParameterizedTest
    @CsvSource({"ALL_TO_ALL, all_to_all", "NEAREST, nearest"})
    void potentiationAndDepressionEventsMatchTheSciPyEventList(Pairing pairing, String run) {
        // With additive, unbounded weights the LTP and LTD parts are independent, so running each part alone
        // from w = 0 exposes the change each kind of event made at each step.
        double aPlus = VECTORS.get("A_plus").asDouble();
        double aMinus = VECTORS.get("A_minus").asDouble();
        double[] ltp = runSingleSynapse(vectorParameters(pairing, aPlus, 0), 0);
        double[] ltd = runSingleSynapse(vectorParameters(pairing, 0, aMinus), 0);
        List<Object[]> events = new ArrayList<>();
        for (int t = 0; t < ltp.length; t++) {
            double ltpChange = ltp[t] - (t == 0 ? 0 : ltp[t - 1]);
            double ltdChange = ltd[t] - (t == 0 ? 0 : ltd[t - 1]);
            if (ltpChange != 0) {
                events.add(new Object[] {t, "post", ltpChange});
            }
            if (ltdChange != 0) {
                events.add(new Object[] {t, "pre", ltdChange});
            }
        }
        JsonNode expected = VECTORS.get("runs").get(run).get("events");
        assertThat(events).hasSize(expected.size());
        for (int e = 0; e < expected.size(); e++) {
            JsonNode event = expected.get(e);
            assertThat(events.get(e)[0]).as("time of event %d", e).isEqualTo(event.get(0).asInt());
            assertThat(events.get(e)[1]).as("kind of event %d", e).isEqualTo(event.get(1).asText());
            assertThat((double) events.get(e)[2]).as("change of event %d", e)
                    .isCloseTo(event.get(2).asDouble(), within(1e-12));
        }
    }

    @Test
    void coincidentPairsContributeNothing() {
        PairStdp rule = new PairStdp(vectorParameters(Pairing.ALL_TO_ALL, 0.01, 0.012), 1, 1);
        DoubleWeights w = new DoubleWeights(1, 1, 0.5);
        for (int t = 0; t < 3; t++) {
            rule.step(ZERO, 1, ZERO, 1, w);
            rule.step(NONE, 0, NONE, 0, w);
        }
        // spikes at 0, 2, 4 on both sides: pairs at |Δt| = 2 (twice) and 4 count in each order, Δt = 0 adds nothing
        double e2 = Math.exp(-2 / 20.0);
        double e4 = Math.exp(-4 / 20.0);
        double expected = 0.5 + (0.01 - 0.012) * (2 * e2 + e4);
        assertThat(w.weight(0, 0)).isCloseTo(expected, within(1e-15));
    }

    @ParameterizedTest
    @EnumSource(WeightBounds.Kind.class)
    void matrixUpdatesEqualIndependentSingleSynapseRunsAndRespectBounds(WeightBounds.Kind kind) {
        WeightBounds bounds = new WeightBounds(kind, 0.0, 1.0);
        PairStdpParameters parameters = new PairStdpParameters(0.05, 0.06, 15, 25, 1, Pairing.ALL_TO_ALL,
                Window.CAUSAL, bounds);
        int preN = 12;
        int postN = 9;
        CsrWeights sparse = CsrWeights.random(preN, postN, 0.4, 0.1f, 0.9f, new SeededRandom(5));
        DenseWeights dense = new DenseWeights(preN, postN);
        DoubleWeights[][] single = new DoubleWeights[preN][postN];
        PairStdp[][] singleRules = new PairStdp[preN][postN];
        for (int i = 0; i < preN; i++) {
            for (int j = 0; j < postN; j++) {
                dense.set(i, j, sparse.get(i, j));
                single[i][j] = new DoubleWeights(1, 1, sparse.get(i, j));
                singleRules[i][j] = new PairStdp(parameters, 1, 1);
            }
        }
        PlasticWeights sparseView = PlasticWeights.of(sparse);
        PlasticWeights denseView = PlasticWeights.of(dense);
        PairStdp sparseRule = new PairStdp(parameters, preN, postN);
        PairStdp denseRule = new PairStdp(parameters, preN, postN);
        SeededRandom random = new SeededRandom(17);
        int[] pre = new int[preN];
        int[] post = new int[postN];
        long expectedTouches = 0;
        long sparseTouches = 0;
        for (int t = 0; t < 400; t++) {
            int preCount = draw(random, 0.15, pre);
            int postCount = draw(random, 0.15, post);
            sparseTouches += sparseRule.step(pre, preCount, post, postCount, sparseView);
            denseRule.step(pre, preCount, post, postCount, denseView);
            for (int i = 0; i < preN; i++) {
                for (int j = 0; j < postN; j++) {
                    boolean preSpike = contains(pre, preCount, i);
                    boolean postSpike = contains(post, postCount, j);
                    singleRules[i][j].step(ZERO, preSpike ? 1 : 0, ZERO, postSpike ? 1 : 0, single[i][j]);
                    if (hasSynapse(sparse, i, j)) {
                        expectedTouches += (preSpike ? 1 : 0) + (postSpike ? 1 : 0);
                    }
                }
            }
        }
        assertThat(sparseTouches).isEqualTo(expectedTouches);
        for (int i = 0; i < preN; i++) {
            for (int j = 0; j < postN; j++) {
                double reference = single[i][j].weight(0, 0);
                assertThat(dense.get(i, j)).isCloseTo((float) reference, within(1e-5f));
                if (hasSynapse(sparse, i, j)) {
                    assertThat(sparse.get(i, j)).isCloseTo((float) reference, within(1e-5f));
                }
                if (kind != WeightBounds.Kind.NONE) {
                    assertThat(reference).isBetween(0.0, 1.0);
                }
            }
        }
    }

    @Test
    void hardBoundsClampAndUnboundedWeightsLeaveTheRange() {
        PairStdpParameters strongLtp = new PairStdpParameters(0.5, 0, 20, 20, 1, Pairing.ALL_TO_ALL, Window.CAUSAL,
                WeightBounds.hard(0, 1));
        PairStdp rule = new PairStdp(strongLtp, 1, 1);
        DoubleWeights w = new DoubleWeights(1, 1, 0.9);
        rule.step(ZERO, 1, NONE, 0, w);
        rule.step(NONE, 0, ZERO, 1, w);
        assertThat(w.weight(0, 0)).isEqualTo(1.0);

        PairStdp unbounded = new PairStdp(new PairStdpParameters(0.5, 0, 20, 20, 1, Pairing.ALL_TO_ALL,
                Window.CAUSAL, WeightBounds.none()), 1, 1);
        DoubleWeights free = new DoubleWeights(1, 1, 0.9);
        unbounded.step(ZERO, 1, NONE, 0, free);
        unbounded.step(NONE, 0, ZERO, 1, free);
        assertThat(free.weight(0, 0)).isCloseTo(0.9 + 0.5 * Math.exp(-1 / 20.0), within(1e-15));
    }

    @Test
    void softBoundsScaleChangesByTheRemainingRange() {
        PairStdpParameters parameters = new PairStdpParameters(0.2, 0.3, 10, 10, 1, Pairing.ALL_TO_ALL,
                Window.CAUSAL, WeightBounds.soft(0, 2));
        PairStdp rule = new PairStdp(parameters, 1, 1);
        DoubleWeights w = new DoubleWeights(1, 1, 1.5);
        rule.step(ZERO, 1, NONE, 0, w);
        rule.step(NONE, 0, ZERO, 1, w);
        double x = Math.exp(-1 / 10.0);
        double afterLtp = 1.5 + 0.2 * x * (2 - 1.5);
        assertThat(w.weight(0, 0)).isCloseTo(afterLtp, within(1e-15));
        rule.step(ZERO, 1, NONE, 0, w);
        double afterLtd = afterLtp - 0.3 * x * afterLtp;
        assertThat(w.weight(0, 0)).isCloseTo(afterLtd, within(1e-15));
    }

    @Test
    void symmetricWindowGivesTheSameChangeForEitherOrder() {
        PairStdpParameters parameters = PairStdpParameters.symmetric(0.01, 20, 1, WeightBounds.none());
        for (int lag = 1; lag <= 40; lag += 3) {
            double preFirst = pairChange(parameters, lag);
            double postFirst = pairChange(parameters, -lag);
            assertThat(preFirst).as("Δt = %d", lag).isCloseTo(0.01 * Math.exp(-lag / 20.0), within(1e-15));
            assertThat(postFirst).as("Δt = -%d", lag).isCloseTo(preFirst, within(1e-15));
        }
        assertThat(pairChange(parameters, 0)).isZero();
    }

    @Test
    void causalWindowPotentiatesPreBeforePostAndDepressesTheReverse() {
        PairStdpParameters parameters = vectorParameters(Pairing.ALL_TO_ALL, 0.01, 0.012);
        assertThat(pairChange(parameters, 7)).isCloseTo(0.01 * Math.exp(-7 / 20.0), within(1e-15));
        assertThat(pairChange(parameters, -7)).isCloseTo(-0.012 * Math.exp(-7 / 20.0), within(1e-15));
    }

    /** The weight change of one pre spike at step 50 and one post spike at step 50 + lag. */
    private static double pairChange(PairStdpParameters parameters, int lag) {
        PairStdp rule = new PairStdp(parameters, 1, 1);
        DoubleWeights w = new DoubleWeights(1, 1, 0);
        for (int t = 0; t < 150; t++) {
            rule.step(ZERO, t == 50 ? 1 : 0, ZERO, t == 50 + lag ? 1 : 0, w);
        }
        return w.weight(0, 0);
    }

    @Test
    void snapshotRestoreAndContinueEqualsAnUninterruptedRun() throws Exception {
        PairStdpParameters parameters = new PairStdpParameters(0.01, 0.012, 20, 30, 1, Pairing.NEAREST,
                Window.CAUSAL, WeightBounds.hard(0, 1));
        CsrWeights reference = CsrWeights.random(30, 20, 0.3, 0f, 1f, new SeededRandom(2));
        PairStdp referenceRule = new PairStdp(parameters, 30, 20);
        runRandom(referenceRule, PlasticWeights.of(reference), new SeededRandom(8), 500);

        CsrWeights first = CsrWeights.random(30, 20, 0.3, 0f, 1f, new SeededRandom(2));
        PairStdp firstRule = new PairStdp(parameters, 30, 20);
        SeededRandom spikes = new SeededRandom(8);
        runRandom(firstRule, PlasticWeights.of(first), spikes, 200);
        byte[] ruleState = Snapshots.toBytes(firstRule);
        byte[] weightState = Snapshots.toBytes(first);
        byte[] randomState = Snapshots.toBytes(spikes);

        CsrWeights restored = CsrWeights.random(30, 20, 0.3, 0f, 1f, new SeededRandom(2));
        Arrays.fill(restored.weights(), 0.25f);
        PairStdp restoredRule = new PairStdp(parameters, 30, 20);
        SeededRandom restoredSpikes = new SeededRandom(0);
        Snapshots.restore(restoredRule, ruleState);
        Snapshots.restore(restored, weightState);
        Snapshots.restore(restoredSpikes, randomState);
        runRandom(restoredRule, PlasticWeights.of(restored), restoredSpikes, 300);

        assertThat(restored.weights()).containsExactly(reference.weights());
        assertThat(restoredRule.preTrace()).containsExactly(referenceRule.preTrace());
        assertThat(restoredRule.postTrace()).containsExactly(referenceRule.postTrace());
    }

    @Test
    void snapshotOfAnotherShapeOrTypeIsRejected() {
        PairStdpParameters parameters = vectorParameters(Pairing.ALL_TO_ALL, 0.01, 0.01);
        byte[] state = Snapshots.toBytes(new PairStdp(parameters, 3, 4));
        assertThatThrownBy(() -> Snapshots.restore(new PairStdp(parameters, 3, 5), state))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("postsynaptic trace");
        assertThatThrownBy(() -> Snapshots.restore(new DoubleWeights(3, 4, 0), state))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("LPS1");
    }

    @Test
    void invalidParametersAndMismatchedWeightsFailClearly() {
        assertThatThrownBy(() -> new PairStdpParameters(0.01, -0.1, 20, 20, 1, Pairing.ALL_TO_ALL, Window.CAUSAL,
                WeightBounds.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aMinus")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new PairStdpParameters(0.01, 0.1, 0, 20, 1, Pairing.ALL_TO_ALL, Window.CAUSAL,
                WeightBounds.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tauPlusMs");
        assertThatThrownBy(() -> WeightBounds.hard(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minWeight");
        PairStdp rule = new PairStdp(vectorParameters(Pairing.ALL_TO_ALL, 0.01, 0.01), 3, 4);
        assertThatThrownBy(() -> rule.step(NONE, 0, NONE, 0, new DoubleWeights(4, 3, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 x 4");
    }

    static void runRandom(SpikeTimingRule rule, PlasticWeights weights, SeededRandom random, int steps) {
        int[] pre = new int[weights.preCount()];
        int[] post = new int[weights.postCount()];
        for (int t = 0; t < steps; t++) {
            int preCount = draw(random, 0.1, pre);
            int postCount = draw(random, 0.1, post);
            rule.step(pre, preCount, post, postCount, weights);
        }
    }

    /** Fills {@code spikes} with the neurons that fire with probability {@code p}; returns their count. */
    static int draw(SeededRandom random, double p, int[] spikes) {
        int count = 0;
        for (int n = 0; n < spikes.length; n++) {
            if (random.nextDouble() < p) {
                spikes[count++] = n;
            }
        }
        return count;
    }

    private static boolean contains(int[] spikes, int count, int neuron) {
        for (int k = 0; k < count; k++) {
            if (spikes[k] == neuron) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSynapse(CsrWeights w, int pre, int post) {
        for (int s = w.rowOffsets()[pre]; s < w.rowOffsets()[pre + 1]; s++) {
            if (w.postIndex()[s] == post) {
                return true;
            }
        }
        return false;
    }
}
