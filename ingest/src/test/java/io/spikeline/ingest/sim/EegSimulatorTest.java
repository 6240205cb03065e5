package io.spikeline.ingest.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.metrics.AperiodicSlope;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EegSimulatorTest {
    private static final int FS = 250;

    /** Simulates {@code seconds} and returns channel {@code channel}, split by eyes state when asked. */
    private static double[][] record(EegParameters p, int seconds, int channel) {
        EegSimulator sim = new EegSimulator("headset", p);
        int total = seconds * FS;
        double[] all = new double[total];
        double[] open = new double[total];
        double[] closed = new double[total];
        int at = 0;
        int o = 0;
        int c = 0;
        while (at < total) {
            EegFrame f = sim.read();
            SampleFrame frame = f.frame();
            for (int s = 0; s < frame.sampleCount() && at < total; s++, at++) {
                double v = frame.sample(s, channel);
                all[at] = v;
                if (sim.stateAt(at) == EegParameters.EYES_OPEN) {
                    open[o++] = v;
                } else {
                    closed[c++] = v;
                }
            }
        }
        return new double[][] {all, java.util.Arrays.copyOf(open, o), java.util.Arrays.copyOf(closed, c)};
    }

    /** Simulates {@code seconds} of every channel, sample-major. */
    private static double[] interleaved(EegParameters p, int seconds) {
        EegSimulator sim = new EegSimulator("headset", p);
        int n = p.channels();
        double[] x = new double[seconds * FS * n];
        for (int at = 0; at < x.length; ) {
            float[] data = sim.read().frame().data();
            for (int i = 0; i < data.length && at < x.length; i++, at++) {
                x[at] = data[i];
            }
        }
        return x;
    }

    @Test
    void aperiodicBackgroundFallsAsOneOverFToTheConfiguredExponent() {
        AperiodicSlope estimator = new AperiodicSlope(AperiodicSlope.Parameters.defaults(FS));
        for (double beta : new double[] {0, 0.5, 1.0, 1.5, 1.9}) {
            EegParameters p = EegParameters.defaults(3).clean().withAlpha(0, 0).withAperiodicExponent(beta);
            int n = p.channels();
            double[] x = interleaved(p, 200);
            // The Welch log-log fit over 2-40 Hz of each channel's 200 s, averaged over the channels.
            double exponent = 0;
            double variance = 0;
            for (int c = 0; c < n; c++) {
                exponent += -estimator.slope(x, c, n, x.length / n) / n;
            }
            for (double v : x) {
                variance += v * v / x.length;
            }
            assertThat(exponent).as("exponent for beta %s", beta).isCloseTo(beta, within(0.02));
            assertThat(Math.sqrt(variance)).isCloseTo(10.0, within(1.0));
        }
    }

    @Test
    void theBackgroundsSpectrumIsAPowerLawFromOneHertzToAFifthOfTheRate() {
        for (double rate : new double[] {32, 250, 1000, 30_000}) {
            for (double beta : new double[] {0, 0.3, 1.0, 1.5, 1.99}) {
                EegBackground background = new EegBackground(beta, 10, rate);
                double middle = Math.sqrt(rate / 5);
                double reference = background.powerSpectralDensity(middle) * Math.pow(middle, beta);
                for (double f = 1; f <= rate / 5; f *= 1.01) {
                    assertThat(background.powerSpectralDensity(f) * Math.pow(f, beta) / reference)
                            .as("%s Hz, beta %s, at %s Hz", rate, beta, f).isCloseTo(1, within(0.015));
                }
                // The density integrates to the variance: the RMS is what was asked for (a midpoint sum, fine enough
                // where the density bends, below the lowest corner).
                double variance = 0;
                int steps = 1_000_000;
                for (int i = 0; i < steps; i++) {
                    variance += background.powerSpectralDensity((i + 0.5) * rate / 2 / steps) * rate / 2 / steps;
                }
                if (rate <= 1000) {
                    assertThat(variance).as("%s Hz, beta %s", rate, beta).isCloseTo(100, within(0.5));
                }
            }
        }
    }

    @Test
    void theSimulatedBackgroundHasItsAnalyticSpectrum() {
        EegParameters p = EegParameters.defaults(4).clean().withAlpha(0, 0);
        EegBackground background = new EegBackground(p.aperiodicExponent(), p.aperiodicUv(), p.sampleRateHz());
        int n = p.channels();
        double[] x = interleaved(p, 200);
        int segment = 2 * FS;
        double taper = 0;
        for (int i = 0; i < segment; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / segment);
            taper += w * w;
        }
        for (double f : new double[] {2, 5, 10, 20, 40, 60}) {
            // Hann periodograms of every channel, as one-sided densities: |X|² · 2 / (fs Σ w²).
            double density = 0;
            for (int c = 0; c < n; c++) {
                double[] channel = new double[x.length / n];
                for (int i = 0; i < channel.length; i++) {
                    channel[i] = x[i * n + c];
                }
                density += Spectra.power(channel, FS, f, segment) * 2 / (FS * taper) / n;
            }
            // 1900 periodograms scatter their mean by 2.3 %; the taper's smoothing raises 2 Hz by 2 %.
            assertThat(density / background.powerSpectralDensity(f)).as("at %s Hz", f).isCloseTo(1, within(0.08));
        }
    }

    @Test
    void theBackgroundStartsStationary() {
        // The first sample of 200 recordings on 19 channels: its variance is the background's from the start, as the
        // slow processes (corners down to 0.2 Hz) start from their stationary distribution, not from zero.
        double squares = 0;
        int samples = 0;
        for (long seed = 1; seed <= 200; seed++) {
            SampleFrame first = new EegSimulator("headset", EegParameters.defaults(seed).clean().withAlpha(0, 0)).read()
                    .frame();
            for (int c = 0; c < first.channelCount(); c++) {
                squares += first.sample(0, c) * first.sample(0, c);
                samples++;
            }
        }
        assertThat(squares / samples).isCloseTo(100, within(10.0));
    }

    @Test
    void blinksSteepenTheFrontalSpectrumAlikeInBothEyesStates() {
        EegParameters p = EegParameters.defaults(6);
        int n = p.channels();
        int epoch = (int) (p.stateSeconds() * FS);
        double[] x = interleaved(p, 400);
        AperiodicSlope estimator = new AperiodicSlope(AperiodicSlope.Parameters.defaults(FS));
        // Each 10 s epoch fitted on its own, so that no segment straddles a change of state; epochs alternate open and
        // closed.
        double[][] front = new double[2][2];
        double[][] back = new double[2][2];
        for (int e = 0; e < x.length / n / epoch; e++) {
            int state = e % 2;
            front[state][0] += -estimator.slope(x, e * epoch * n, n, epoch);
            back[state][0] += -estimator.slope(x, e * epoch * n + n - 1, n, epoch);
            front[state][1]++;
            back[state][1]++;
        }
        for (int state : new int[] {EegParameters.EYES_OPEN, EegParameters.EYES_CLOSED}) {
            double frontal = front[state][0] / front[state][1];
            double occipital = back[state][0] / back[state][1];
            // The back has no blinks and the strongest alpha, which the fit leaves out: it reads the background's 1.
            // 20 epochs of 10 s scatter the mean of each by about 0.02.
            assertThat(occipital).as("occipital, state %s", state).isCloseTo(1.0, within(0.08));
            assertThat(frontal).as("frontal, state %s", state).isGreaterThan(occipital + 0.3);
        }
    }

    @Test
    void alphaPowerIsHigherWithEyesClosedAndStrongestAtTheBack() {
        EegParameters p = EegParameters.defaults(5).clean();
        double[][] occipital = record(p, 200, p.channels() - 1);
        double[][] frontal = record(p, 200, 0);
        double closedAlpha = Spectra.bandPower(occipital[2], FS, 9, 11, 2 * FS);
        double openAlpha = Spectra.bandPower(occipital[1], FS, 9, 11, 2 * FS);
        // Alpha amplitude 20 vs 5 uV: a power ratio near 16, diluted by the background.
        assertThat(closedAlpha / openAlpha).isGreaterThan(6);
        double closedFrontal = Spectra.bandPower(frontal[2], FS, 9, 11, 2 * FS);
        assertThat(closedAlpha / closedFrontal).isGreaterThan(4);
        // Outside the alpha band the states do not differ.
        double closedBeta = Spectra.bandPower(occipital[2], FS, 20, 25, 2 * FS);
        double openBeta = Spectra.bandPower(occipital[1], FS, 20, 25, 2 * FS);
        assertThat(closedBeta / openBeta).isBetween(0.8, 1.25);
    }

    @Test
    void lineNoiseStandsOutAtItsFrequency() {
        double[] x = record(EegParameters.defaults(9), 100, 5)[0];
        double at50 = Spectra.power(x, FS, 50, 2 * FS);
        double neighbours = (Spectra.power(x, FS, 46, 2 * FS) + Spectra.power(x, FS, 54, 2 * FS)) / 2;
        assertThat(at50 / neighbours).isGreaterThan(20);
    }

    @Test
    void blinksAppearFrontallyAtTheConfiguredRate() {
        EegParameters p = new EegParameters(13, 8, FS, 50, 1, 5, 10, 0, 0, 10, 50, 0, 12, 150, 0, 0);
        double[] front = record(p, 300, 0)[0];
        double[] back = record(p, 300, 7)[0];
        int blinks = 0;
        boolean inBlink = false;
        for (double v : front) {
            if (!inBlink && v > 75) {
                blinks++;
                inBlink = true;
            } else if (inBlink && v < 20) {
                inBlink = false;
            }
        }
        // 12 per minute over 5 minutes: 60 expected, Poisson sd about 8.
        assertThat(blinks).isBetween(35, 85);
        double maxBack = 0;
        for (double v : back) {
            maxBack = Math.max(maxBack, v);
        }
        assertThat(maxBack).isLessThan(75);
    }

    @Test
    void labelsFollowTheAlternatingStatesAndFramesAreContiguous() {
        EegSimulator sim = new EegSimulator("headset", EegParameters.defaults(1));
        List<Feedback> labels = new ArrayList<>();
        long expectedStart = 0;
        for (int i = 0; i < 200; i++) {
            EegFrame f = sim.read();
            assertThat(f.frame().firstSampleTimeUs()).isEqualTo(expectedStart);
            assertThat(f.frame().sequence()).isEqualTo(i);
            expectedStart = f.frame().endTimeUs();
            labels.add(f.state());
        }
        for (Feedback label : labels) {
            long epoch = label.eventTimeUs() / 10_000_000L;
            assertThat(label.classId()).isEqualTo(epoch % 2 == 0 ? EegParameters.EYES_OPEN : EegParameters.EYES_CLOSED);
        }
        assertThat(labels).extracting(Feedback::classId).contains(0, 1);
    }

    @Test
    void equalSeedsGiveEqualRecordings() {
        EegSimulator a = new EegSimulator("h", EegParameters.defaults(77));
        EegSimulator b = new EegSimulator("h", EegParameters.defaults(77));
        for (int i = 0; i < 50; i++) {
            assertThat(b.read()).isEqualTo(a.read());
        }
    }

    @Test
    void invalidParametersAreNamed() {
        assertThatThrownBy(() -> new EegParameters(1, 8, 100, 50, 1, 5, 10, 0, 0, 10, 60, 0, 0, 0, 0, 0))
                .hasMessageContaining("Nyquist");
        assertThatThrownBy(() -> EegParameters.defaults(1).withAperiodicExponent(2)).hasMessageContaining("exponent");
    }
}
