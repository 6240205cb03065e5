package io.spikeline.ingest.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

    @Test
    void aperiodicBackgroundFallsAsOneOverFToTheConfiguredExponent() {
        for (double beta : new double[] {0.5, 1.0, 1.5}) {
            EegParameters p = EegParameters.defaults(3).clean().withAlpha(0, 0).withAperiodicExponent(beta);
            double[] x = record(p, 400, 0)[0];
            // Least-squares slope of log power against log frequency over 2..40 Hz.
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int m = 0;
            for (int f = 2; f <= 40; f += 2) {
                double lx = Math.log(f);
                double ly = Math.log(Spectra.power(x, FS, f, 2 * FS));
                sx += lx;
                sy += ly;
                sxx += lx * lx;
                sxy += lx * ly;
                m++;
            }
            double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
            assertThat(-slope).as("exponent for beta %s", beta).isCloseTo(beta, within(0.25));
            double variance = 0;
            for (double v : x) {
                variance += v * v / x.length;
            }
            assertThat(Math.sqrt(variance)).isCloseTo(10.0, within(1.5));
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
