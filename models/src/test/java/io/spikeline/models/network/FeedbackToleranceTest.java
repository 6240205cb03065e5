package io.spikeline.models.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Feedback;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackToleranceTest {
    private static final int INPUTS = 12;
    private static final long BIN_US = 1000;
    /** 10 bins per decode: windows of 10 ms, so tolerances up to 4.999 ms. */
    private static final long WINDOW_US = 10 * BIN_US;

    private static SpikingNetwork network() {
        LayerSpec layer = LayerSpec.of(new NeuronModel.Lif(LifParameters.defaults()), 20,
                ConnectionSpec.of(new Connectivity.Dense(), 0.0, 0.8, 3));
        return new SpikingNetwork(NetworkSpec.of(INPUTS, BIN_US, List.of(layer), 30,
                new ReadoutSpec.Lms(1, new StepSize.Normalised(0.3, 1e-3)), 10, 6));
    }

    private static int[] bin(SeededRandom random) {
        int[] spikes = new int[INPUTS];
        int count = 0;
        for (int c = 0; c < INPUTS; c++) {
            if (random.nextDouble() < 0.15) {
                spikes[count++] = c;
            }
        }
        return Arrays.copyOf(spikes, count);
    }

    private static Feedback target(long timeUs, int decode) {
        return Feedback.ofVector("k", timeUs, new float[] {(float) Math.sin(decode * 0.3)});
    }

    @Test
    void feedbackWithinTheToleranceLearnsAsFeedbackAtTheWindowStart() {
        long tolerance = 3000;
        SpikingNetwork shifted = network();
        SpikingNetwork exact = network();
        SeededRandom random = new SeededRandom(1);
        int decode = 0;
        for (int t = 0; t < 600; t++) {
            int[] spikes = bin(random);
            boolean decoded = shifted.step(t * BIN_US, spikes, spikes.length);
            exact.step(t * BIN_US, spikes, spikes.length);
            if (decoded) {
                assertThat(shifted.output()).containsExactly(exact.output());
                long start = exact.windowStartUs();
                // A clock running ahead or behind by up to the tolerance, answering the decode before the latest.
                long offset = (decode % 3 - 1) * tolerance;
                if (decode > 0) {
                    assertThat(shifted.learn(target(start - WINDOW_US + offset, decode), tolerance))
                            .isEqualTo(FeedbackOutcome.APPLIED);
                    exact.learn(target(start - WINDOW_US, decode));
                }
                decode++;
            }
        }
        assertThat(shifted.readoutUpdates()).isEqualTo(decode - 1).isEqualTo(exact.readoutUpdates());
        assertThat(shifted.weights(0).weight(0, 0)).isEqualTo(exact.weights(0).weight(0, 0));
    }

    @Test
    void feedbackBeyondTheToleranceIsReportedAsDriftedOrPendingOrExpired() {
        SpikingNetwork network = network();
        SeededRandom random = new SeededRandom(2);
        for (int t = 0; t < 100; t++) {
            int[] spikes = bin(random);
            network.step(t * BIN_US, spikes, spikes.length);
        }
        // Six windows remembered: starts 40 000 .. 90 000, the newest ends at 100 000.
        long tolerance = 2000;
        assertThat(network.learn(target(62_001, 0), tolerance)).isEqualTo(FeedbackOutcome.DRIFTED);
        assertThat(network.learn(target(67_999, 0), tolerance)).isEqualTo(FeedbackOutcome.DRIFTED);
        assertThat(network.nearestWindowStartUs(67_999)).isEqualTo(70_000);
        assertThat(network.readoutUpdates()).isZero();
        assertThat(network.learn(target(98_000, 0), tolerance)).isEqualTo(FeedbackOutcome.NOT_YET_DECODED);
        assertThat(network.learn(target(37_999, 0), tolerance)).isEqualTo(FeedbackOutcome.EXPIRED);
        assertThat(network.learn(target(38_000, 0), tolerance)).isEqualTo(FeedbackOutcome.APPLIED);
        assertThat(network.learn(target(68_000, 0), tolerance)).isEqualTo(FeedbackOutcome.APPLIED);
        assertThat(network.learn(target(92_000, 0), tolerance)).isEqualTo(FeedbackOutcome.APPLIED);
        assertThat(network.readoutUpdates()).isEqualTo(3);
        // Without a tolerance the same drifted time is simply inside a window.
        assertThat(network.learn(target(62_001, 0))).isEqualTo(FeedbackOutcome.APPLIED);
    }

    @Test
    void aToleranceOfHalfAWindowOrMoreIsRefused() {
        SpikingNetwork network = network();
        assertThatThrownBy(() -> network.learn(target(0, 0), WINDOW_US / 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5000");
        assertThatThrownBy(() -> network.learn(target(0, 0), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(network.nearestWindowStartUs(0)).isEqualTo(Long.MIN_VALUE);
    }
}
