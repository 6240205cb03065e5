package io.spikeline.models.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.synapse.CsrWeights;
import io.spikeline.models.synapse.DenseWeights;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The step functions allocate nothing: 2000 steps of every rule allocate less than one small object per step. */
class StepAllocationTest {
    private static final int STEPS = 2000;

    @Test
    void stepsDoNotAllocate() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        CsrWeights sparse = CsrWeights.random(40, 30, 0.2, 0f, 1f, new SeededRandom(1));
        PlasticWeights sparseView = PlasticWeights.of(sparse);
        PlasticWeights denseView = PlasticWeights.of(new DenseWeights(40, 30));
        PairStdp pair = new PairStdp(new PairStdpParameters(0.01, 0.012, 20, 20, 1,
                PairStdpParameters.Pairing.NEAREST, PairStdpParameters.Window.CAUSAL, WeightBounds.soft(0, 1)), 40, 30);
        TripletStdp triplet = new TripletStdp(new TripletStdpParameters(5e-10, 6.2e-3, 7e-3, 2.3e-4, 16.8, 101,
                33.7, 125, 1, WeightBounds.hard(0, 1)), 40, 30);
        ThreeFactorRule threeFactor = new ThreeFactorRule(new ThreeFactorParameters(0.01, 5, 20, 500, 1,
                WeightBounds.none()), sparseView);
        AdaptiveThresholds thresholds = new AdaptiveThresholds(new AdaptiveThresholdParameters(0.01, 20, 1, 1), 30);
        SynapticScaling scaling = new SynapticScaling(new SynapticScalingParameters(0.001, 20, 100, 1), 30);
        Feast feast = new Feast(new FeastParameters(8, 16, 0.01, 0.01, 0.001), new SeededRandom(2));
        SeededRandom random = new SeededRandom(3);
        int[][] pre = new int[STEPS][40];
        int[][] post = new int[STEPS][30];
        int[] preCounts = new int[STEPS];
        int[] postCounts = new int[STEPS];
        float[][] contexts = new float[STEPS][16];
        for (int t = 0; t < STEPS; t++) {
            preCounts[t] = PairStdpTest.draw(random, 0.1, pre[t]);
            postCounts[t] = PairStdpTest.draw(random, 0.1, post[t]);
            for (int c = 0; c < 16; c++) {
                contexts[t][c] = random.nextFloat();
            }
        }
        double[] error = new double[30];
        float[] pseudoDerivative = new float[30];
        for (int round = 0; round < 2; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int t = 0; t < STEPS; t++) {
                pair.step(pre[t], preCounts[t], post[t], postCounts[t], sparseView);
                triplet.step(pre[t], preCounts[t], post[t], postCounts[t], denseView);
                threeFactor.step(pre[t], preCounts[t], post[t], postCounts[t], t % 7 == 0 ? 1.0 : 0.0, sparseView);
                error[t % 30] = 0.1;
                threeFactor.step(pre[t], preCounts[t], post[t], postCounts[t], error, sparseView);
                pseudoDerivative[t % 30] = 0.5f;
                threeFactor.step(pre[t], preCounts[t], pseudoDerivative, error, sparseView);
                thresholds.step(post[t], postCounts[t]);
                scaling.step(post[t], postCounts[t], sparseView);
                feast.learn(contexts[t]);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 1) {
                assertThat(allocated).as("bytes allocated by %d steps", STEPS).isLessThan(STEPS * 16L);
            }
        }
    }
}
