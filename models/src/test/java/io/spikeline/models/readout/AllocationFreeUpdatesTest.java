package io.spikeline.models.readout;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.models.metrics.ConfusionMatrix;
import io.spikeline.models.metrics.R2Accumulator;
import io.spikeline.models.metrics.SpikeSparsity;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.Feedback;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Per-sample updates of readouts and metrics must not allocate: 20 000 calls may allocate less than one
 * byte per call in total (any per-call allocation takes at least 16 bytes).
 */
class AllocationFreeUpdatesTest {
    private static final int CALLS = 20_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBytes(Runnable call) {
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }

    private static float[] sink;

    @Test
    void theProbeSeesAnAllocationPerCall() {
        assertThat(THREADS.isThreadAllocatedMemorySupported()).isTrue();
        assertThat(allocatedBytes(() -> sink = new float[4])).isGreaterThanOrEqualTo(16L * CALLS);
    }

    @Test
    void readoutUpdatesAndPredictionsAllocateNothing() {
        SeededRandom random = new SeededRandom(1);
        float[] x = new float[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] y = {0.5f, -1f};
        float[] out = new float[2];
        Feedback feedback = Feedback.ofVector("k", 0, y);
        LmsReadout lms = new LmsReadout(new LmsParameters(16, 2, new StepSize.Normalised(0.1, 1e-6)));
        RlsReadout rls = new RlsReadout(new RlsParameters(16, 2, 0.999, 1.0));
        ClassifierReadout classifier = new ClassifierReadout(
                new ClassifierParameters(16, 4, ClassifierRule.PERCEPTRON, new StepSize.Constant(0.1)));
        float[] scores = new float[4];
        ExponentialSmoother smoother = new ExponentialSmoother(new SmoothingParameters(2, 50, 1));

        assertThat(allocatedBytes(() -> lms.learn(x, y))).isLessThan(CALLS);
        assertThat(allocatedBytes(() -> lms.learn(x, feedback))).isLessThan(CALLS);
        assertThat(allocatedBytes(() -> lms.predict(x, out))).isLessThan(CALLS);
        assertThat(allocatedBytes(() -> rls.learn(x, y))).isLessThan(CALLS);
        assertThat(allocatedBytes(() -> classifier.learn(x, 3))).isLessThan(CALLS);
        assertThat(allocatedBytes(() -> ClassifierReadout.confidence(scores, classifier.classify(x, scores))))
                .isLessThan(CALLS);
        assertThat(allocatedBytes(() -> smoother.smooth(y, out))).isLessThan(CALLS);
    }

    @Test
    void metricUpdatesAllocateNothing() {
        float[] truth = {1f, 2f, 3f, 4f};
        float[] predicted = {1.5f, 2f, 2.5f, 4f};
        R2Accumulator r2 = new R2Accumulator(2);
        ConfusionMatrix confusion = new ConfusionMatrix(3);
        SpikeSparsity sparsity = new SpikeSparsity(8);
        int[] spiking = {1, 4, 6};
        assertThat(allocatedBytes(() -> r2.add(truth, predicted))).isLessThan(CALLS);
        assertThat(allocatedBytes(() -> r2.addBlock(truth, predicted, 2))).isLessThan(CALLS);
        assertThat(allocatedBytes(() -> confusion.add(2, 1))).isLessThan(CALLS);
        assertThat(allocatedBytes(() -> sparsity.addStep(spiking, 3))).isLessThan(CALLS);
    }
}
