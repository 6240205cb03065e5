package io.spikeline.models.encode;

import static io.spikeline.models.encode.EncoderTesting.encode;
import static io.spikeline.models.encode.EncoderTesting.spikeTimes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.filter.SosFilter;
import io.spikeline.models.filter.design.BesselDesign;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.random.SeededRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCrossingEncoderTest {
    /** P(Z <= -4.5) for a standard normal Z, from standard tables. */
    private static final double NORMAL_TAIL_4_5 = 3.3976731247300535e-6;
    private static final int CHANNELS = 4;
    private static final int WINDOW = 20_000;
    /** Injected spike waveform in units of the channel's noise sigma; it first reaches -4.5 sigma at offset 0 or 1. */
    private static final double[] WAVEFORM = {-3, -8, -4};

    private static double sigmaOf(int channel) {
        return 1 + 0.5 * channel;
    }

    /** Gaussian noise of sigma {@link #sigmaOf} per channel, with spikes added at {@code spikeTimes[c]}. */
    private static float[] noiseWithSpikes(int samples, List<List<Integer>> spikeTimes, long seed) {
        SeededRandom random = new SeededRandom(seed);
        float[] data = new float[samples * CHANNELS];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (sigmaOf(i % CHANNELS) * random.nextGaussian());
        }
        for (int c = 0; c < CHANNELS; c++) {
            for (int t : spikeTimes.get(c)) {
                for (int k = 0; k < WAVEFORM.length; k++) {
                    data[(t + k) * CHANNELS + c] += (float) (WAVEFORM[k] * sigmaOf(c));
                }
            }
        }
        return data;
    }

    /** Spike times from {@code first}, one every {@code spacing} samples plus a jitter below {@code jitter}. */
    private static List<List<Integer>> injectionTimes(int samples, int first, int spacing, int jitter, long seed) {
        SeededRandom random = new SeededRandom(seed);
        List<List<Integer>> times = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            List<Integer> channel = new ArrayList<>();
            for (int t = first; t + spacing < samples; t += spacing) {
                channel.add(t + random.nextInt(jitter));
            }
            times.add(channel);
        }
        return times;
    }

    @Test
    void recoversInjectedSpikesWithTheGaussianFalsePositiveRateAndEstimatesSigma() {
        int samples = 1_000_000;
        List<List<Integer>> injected = injectionTimes(samples, WINDOW, 2000, 500, 17);
        float[] data = noiseWithSpikes(samples, injected, 18);
        ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(
                new ThresholdCrossingParams(ThresholdCrossingParams.TYPICAL_MULTIPLE, WINDOW, 40), CHANNELS);

        List<int[]> bins = new ArrayList<>();
        for (int start = 0; start < samples; start += WINDOW) {
            bins.addAll(encode(encoder, data, start, start + WINDOW, 4096));
            for (int c = 0; c < CHANNELS; c++) {
                assertThat(encoder.noiseSigma(c)).as("sigma of channel %d after %d samples", c, start + WINDOW)
                        .isCloseTo((float) sigmaOf(c), within((float) (0.03 * sigmaOf(c))));
            }
        }

        Score score = score(injected, spikeTimes(bins, CHANNELS));
        assertThat(score.recovered()).isGreaterThanOrEqualTo(score.injected() - 2);
        // Pure noise crosses -4.5 sigma downwards with probability P(x[n-1] > T) P(x[n] <= T) per sample.
        double expected = CHANNELS * (samples - WINDOW) * NORMAL_TAIL_4_5 * (1 - NORMAL_TAIL_4_5);
        assertThat(expected).isBetween(10.0, 20.0);
        assertThat((double) score.falsePositives()).isBetween(expected - 4 * Math.sqrt(expected),
                expected + 5 * Math.sqrt(expected));
    }

    /** Injected spikes, those detected at their first or second sample, and detections matching none. */
    private record Score(int injected, int recovered, int falsePositives) {}

    private static Score score(List<List<Integer>> injected, List<List<Integer>> detected) {
        int injectedCount = 0;
        int recovered = 0;
        int falsePositives = 0;
        for (int c = 0; c < CHANNELS; c++) {
            List<Integer> truth = injected.get(c);
            injectedCount += truth.size();
            int next = 0;
            for (int t : detected.get(c)) {
                while (next < truth.size() && truth.get(next) + 1 < t) {
                    next++;
                }
                if (next < truth.size() && t >= truth.get(next)) {
                    recovered++;
                    next++;
                } else {
                    falsePositives++;
                }
            }
        }
        return new Score(injectedCount, recovered, falsePositives);
    }

    /**
     * Standard error of σ = median|x| / 0.6745 from m independent samples of a zero-mean Gaussian, relative
     * to σ: the sample p-quantile has asymptotic variance p(1-p) / (m f(ξ)²), here p = 1/2 and f the
     * half-normal density 2φ(ξ/σ)/σ at the median ξ = 0.6745 σ of |x|, which gives 1.1664 / √m.
     */
    private static double relativeStandardError(int m) {
        double xi = 0.6744897501960817; // the 3/4 quantile of the standard normal
        double density = 2 * Math.exp(-xi * xi / 2) / Math.sqrt(2 * Math.PI);
        return Math.sqrt(0.25 / m) / density / xi;
    }

    @Test
    void withANoiseStrideSigmaHasTheStandardErrorOfTheObservedSamplesMedian() {
        int window = 30_000;
        int stride = 16;
        int windows = 20;
        float[] data = noiseWithSpikes(window * windows, Collections.nCopies(CHANNELS, List.of()), 21);
        ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(
                new ThresholdCrossingParams(-4.5, window, 40).withNoiseStride(stride), CHANNELS);
        double standardError = relativeStandardError(window / stride);
        assertThat(standardError).isCloseTo(0.0269, within(0.0001));

        double sumOfSquares = 0;
        for (int w = 0; w < windows; w++) {
            encode(encoder, data, w * window, (w + 1) * window, 3000);
            for (int c = 0; c < CHANNELS; c++) {
                double error = encoder.noiseSigma(c) / sigmaOf(c) - 1;
                assertThat(Math.abs(error)).as("relative error of sigma, channel %d window %d", c, w)
                        .isLessThan(4.5 * standardError);
                sumOfSquares += error * error;
            }
        }
        // Observing every sample would shrink the spread four-fold, so this also shows the stride applies.
        double rms = Math.sqrt(sumOfSquares / (windows * CHANNELS));
        assertThat(rms / standardError).isBetween(0.7, 1.4);
    }

    /** Root mean square of σ's relative error over the windows after the first, with the given stride. */
    private static double relativeSpread(float[] data, int channels, int window, double trueSigma, int stride) {
        ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(
                new ThresholdCrossingParams(-4.5, window, 40).withNoiseStride(stride), channels);
        int windows = data.length / channels / window;
        double sumOfSquares = 0;
        for (int w = 0; w < windows; w++) {
            encode(encoder, data, w * window, (w + 1) * window, 3000);
            for (int c = 0; c < channels && w > 0; c++) {
                double error = encoder.noiseSigma(c) / trueSigma - 1;
                sumOfSquares += error * error;
            }
        }
        return Math.sqrt(sumOfSquares / ((windows - 1) * channels));
    }

    @Test
    void onBandPassedNoiseAStrideWithinTheCorrelationLengthCostsLittlePrecision() {
        // 300-3000 Hz noise at 30 kHz is correlated over about 30000 / (2 * 2700) = 5.6 samples, so every
        // fourth sample carries nearly all the information of the window, where on white noise a stride of 4
        // would double the standard error (1 / sqrt(m)).
        int channels = 16;
        int window = 30_000;
        SeededRandom random = new SeededRandom(23);
        float[] data = new float[channels * window * 11];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        new SosFilter(BesselDesign.bandpass(4, 300, 3000, 30_000, BesselNorm.PHASE).sos(), channels).filter(data);
        double sumOfSquares = 0;
        for (int i = channels * window; i < data.length; i++) {
            sumOfSquares += data[i] * (double) data[i];
        }
        double sigma = Math.sqrt(sumOfSquares / (data.length - channels * window));

        double everySample = relativeSpread(data, channels, window, sigma, 1);
        assertThat(everySample).as("stride 1").isGreaterThan(1.5 * relativeStandardError(window));
        assertThat(relativeSpread(data, channels, window, sigma, 4) / everySample).as("stride 4").isLessThan(1.35);
        assertThat(relativeSpread(data, channels, window, sigma, 16) / everySample).as("stride 16").isGreaterThan(1.6);
    }

    @Test
    void withANoiseStrideInjectedSpikesAreStillRecovered() {
        int samples = 600_000;
        List<List<Integer>> injected = injectionTimes(samples, WINDOW, 2000, 500, 17);
        float[] data = noiseWithSpikes(samples, injected, 18);
        ThresholdCrossingParams everySample = new ThresholdCrossingParams(-4.5, WINDOW, 40);
        Score full = score(injected, spikeTimes(encode(new ThresholdCrossingEncoder(everySample, CHANNELS),
                data, 0, samples, 4096), CHANNELS));
        for (int stride : new int[] {4, 8, 16}) {
            ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(everySample.withNoiseStride(stride),
                    CHANNELS);
            Score strided = score(injected, spikeTimes(encode(encoder, data, 0, samples, 4096), CHANNELS));
            assertThat(strided.recovered()).as("stride %d", stride)
                    .isEqualTo(full.recovered()).isGreaterThanOrEqualTo(full.injected() - 2);
            // The false positives follow the Gaussian tail at a threshold that is off by a few percent at most.
            assertThat(strided.falsePositives()).as("stride %d", stride).isBetween(0, 3 * full.falsePositives() + 10);
        }
    }

    @Test
    void aNoiseStrideOfOneIsTheDefault() {
        ThresholdCrossingParams params = new ThresholdCrossingParams(-4.5, 3000, 30);
        assertThat(params.noiseStrideSamples()).isEqualTo(1);
        assertThat(params.withNoiseStride(1)).isEqualTo(params)
                .isEqualTo(new ThresholdCrossingParams(-4.5, 3000, 30, 1));
        assertThat(params.withNoiseStride(600)).isEqualTo(new ThresholdCrossingParams(-4.5, 3000, 30, 600));
    }

    @Test
    void refractoryPeriodSuppressesTheSecondOfTwoCloseSpikes() {
        int samples = 200_000;
        List<List<Integer>> firsts = injectionTimes(samples, WINDOW, 1000, 200, 5);
        List<List<Integer>> pairs = new ArrayList<>();
        for (List<Integer> channel : firsts) {
            List<Integer> both = new ArrayList<>();
            for (int t : channel) {
                both.add(t);
                both.add(t + 12);
            }
            pairs.add(both);
        }
        float[] data = noiseWithSpikes(samples, pairs, 6);
        int pairCount = firsts.stream().mapToInt(List::size).sum();

        for (int refractory : new int[] {5, 30}) {
            ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(
                    new ThresholdCrossingParams(-4.5, WINDOW, refractory), CHANNELS);
            List<List<Integer>> detected = spikeTimes(encode(encoder, data), CHANNELS);
            int spikes = 0;
            for (List<Integer> channel : detected) {
                spikes += channel.size();
                for (int i = 1; i < channel.size(); i++) {
                    assertThat(channel.get(i) - channel.get(i - 1)).isGreaterThan(refractory);
                }
            }
            int expectedPerPair = refractory < 12 ? 2 : 1;
            assertThat(spikes).as("refractory %d", refractory)
                    .isBetween(expectedPerPair * pairCount - 2, expectedPerPair * pairCount + 3);
        }
    }

    @Test
    void positiveMultipleDetectsTheMirroredSignalIdentically() {
        int samples = 120_000;
        float[] data = noiseWithSpikes(samples, injectionTimes(samples, WINDOW, 1500, 300, 8), 9);
        float[] mirrored = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            mirrored[i] = -data[i];
        }
        List<int[]> negative = encode(new ThresholdCrossingEncoder(new ThresholdCrossingParams(-4.5, WINDOW, 40),
                CHANNELS), data);
        List<int[]> positive = encode(new ThresholdCrossingEncoder(new ThresholdCrossingParams(4.5, WINDOW, 40),
                CHANNELS), mirrored);
        assertThat(EncoderTesting.render(positive)).isEqualTo(EncoderTesting.render(negative));
        assertThat(EncoderTesting.spikeCount(negative, 0)).isGreaterThan(50);
    }

    @Test
    void detectsNothingBeforeTheFirstNoiseWindowCompletesNorOnAFlatChannel() {
        int window = 1000;
        int samples = 3000;
        float[] data = new float[samples * 2];
        SeededRandom random = new SeededRandom(1);
        for (int s = 0; s < samples; s++) {
            data[2 * s] = (float) random.nextGaussian();
        }
        for (int t = 100; t < samples; t += 200) {
            data[2 * t] = -20;
        }
        ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(new ThresholdCrossingParams(-4.5, window, 10), 2);
        List<int[]> first = encode(encoder, data, 0, window - 1, window);
        assertThat(encoder.primed()).isFalse();
        assertThat(encoder.noiseSigma(0)).isZero();
        List<int[]> rest = encode(encoder, data, window - 1, samples, 64);
        assertThat(encoder.primed()).isTrue();
        assertThat(encoder.noiseSigma(1)).as("flat channel").isZero();

        assertThat(first.stream().mapToInt(bin -> bin.length).sum()).isZero();
        List<List<Integer>> detected = spikeTimes(rest, 2);
        List<Integer> expected = new ArrayList<>();
        for (int t = 1100; t < samples; t += 200) {
            expected.add(t - (window - 1));
        }
        assertThat(detected.get(0)).isEqualTo(expected);
        assertThat(detected.get(1)).isEmpty();
    }

    @Test
    void invalidParametersNameTheFieldAndValue() {
        assertThatThrownBy(() -> new ThresholdCrossingParams(0, 100, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thresholdMultiple");
        assertThatThrownBy(() -> new ThresholdCrossingParams(Double.NaN, 100, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thresholdMultiple").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new ThresholdCrossingParams(-4.5, 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noiseWindowSamples").hasMessageContaining("4");
        assertThatThrownBy(() -> new ThresholdCrossingParams(-4.5, 100, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refractorySamples").hasMessageContaining("-1");
        assertThatThrownBy(() -> new ThresholdCrossingParams(-4.5, 100, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noiseStrideSamples").hasMessageContaining("was 0");
        assertThatThrownBy(() -> new ThresholdCrossingParams(-4.5, 100, 1).withNoiseStride(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noiseStrideSamples").hasMessageContaining("-3");
        assertThatThrownBy(() -> new ThresholdCrossingParams(-4.5, 100, 1).withNoiseStride(21))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noiseStrideSamples")
                .hasMessageContaining("<= noiseWindowSamples / 5 = 20").hasMessageContaining("was 21");
        assertThat(new ThresholdCrossingParams(-4.5, 100, 1).withNoiseStride(20).noiseStrideSamples()).isEqualTo(20);
        assertThatThrownBy(() -> new ThresholdCrossingEncoder(new ThresholdCrossingParams(-4.5, 100, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channelCount");
    }
}
