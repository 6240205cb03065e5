package io.spikeline.operators.signal;

import io.spikeline.models.filter.SosCoefficients;
import io.spikeline.models.filter.design.Complex;
import io.spikeline.models.filter.design.DigitalFilter;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The designs of one {@link FilterSpec} at every sample rate met so far. Designing is far costlier than
 * filtering a frame, and keys share rates, so each rate is designed once per operator instance; the cache is
 * transient (rebuilt after deserialisation) and concurrent, since state serializers built on it may restore
 * state outside the task thread.
 */
final class FilterDesigns implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FilterSpec spec;
    /** Per rate met, its design or why there is none. */
    private transient volatile Map<Double, Attempt> byRate;

    FilterDesigns(FilterSpec spec) {
        this.spec = spec;
    }

    FilterSpec spec() {
        return spec;
    }

    /**
     * Why the spec cannot be designed at {@code sampleRateHz} (an edge at or above its Nyquist frequency), or
     * null when it can; remembered per rate.
     */
    String rejection(double sampleRateHz) {
        return attempt(sampleRateHz).rejection();
    }

    /**
     * The design at {@code sampleRateHz}, made on first use.
     *
     * @throws IllegalArgumentException when the spec cannot be designed at that rate
     */
    RateDesign at(double sampleRateHz) {
        Attempt attempt = attempt(sampleRateHz);
        if (attempt.design() == null) {
            throw new IllegalArgumentException(attempt.rejection());
        }
        return attempt.design();
    }

    private Attempt attempt(double sampleRateHz) {
        Map<Double, Attempt> cache = byRate;
        if (cache == null) {
            synchronized (this) {
                if (byRate == null) {
                    byRate = new ConcurrentHashMap<>();
                }
                cache = byRate;
            }
        }
        return cache.computeIfAbsent(sampleRateHz, rate -> {
            try {
                return new Attempt(RateDesign.of(spec, rate), null);
            } catch (IllegalArgumentException e) {
                return new Attempt(null, e.getMessage());
            }
        });
    }

    /** A design, or why there is none. */
    private record Attempt(RateDesign design, String rejection) {
    }

    /**
     * One rate's coefficients and group delay.
     *
     * @param sos the cascade shared by every key at this rate
     * @param delayFrequencyHz where the group delay is measured: the geometric centre √(low·high) of a
     *     band-pass, the geometric centre √(cutoff·Nyquist) of a high-pass's band, 0 Hz for low-pass and band-stop
     * @param groupDelaySeconds {@code τ = −dφ/dω} of the design at that frequency (near-constant over a Bessel
     *     passband)
     * @param groupDelayUs what output event times are moved back by when aligned: τ in whole µs in causal
     *     mode, 0 in block-bidirectional mode (its backward pass cancels the phase of the forward one)
     */
    record RateDesign(SosCoefficients sos, double delayFrequencyHz, double groupDelaySeconds, long groupDelayUs) {

        static RateDesign of(FilterSpec spec, double sampleRateHz) {
            DigitalFilter design = spec.design(sampleRateHz);
            double frequencyHz = delayFrequencyHz(spec, sampleRateHz);
            double delayS = groupDelaySeconds(design, frequencyHz);
            long delayUs = spec.mode() == FilterMode.CAUSAL ? Math.round(delayS * 1e6) : 0;
            return new RateDesign(design.sos(), frequencyHz, delayS, delayUs);
        }

        private static double delayFrequencyHz(FilterSpec spec, double sampleRateHz) {
            double[] edges = spec.edgesHz();
            return switch (spec.band()) {
                case LOWPASS, BANDSTOP -> 0;
                case BANDPASS -> Math.sqrt(edges[0] * edges[1]);
                case HIGHPASS -> Math.sqrt(edges[0] * sampleRateHz / 2);
            };
        }

        /**
         * {@code τ(f) = −dφ/dω}, by the central difference of the phase over ±h with h a millionth of the
         * sample rate: the phase of {@code H(f + h) / H(f − h)} is the unwrapped phase difference.
         */
        static double groupDelaySeconds(DigitalFilter design, double frequencyHz) {
            double h = design.sampleRateHz() * 1e-6;
            Complex ratio = design.response(frequencyHz + h).dividedBy(design.response(frequencyHz - h));
            return -Math.atan2(ratio.im(), ratio.re()) / (2 * Math.PI * 2 * h);
        }
    }
}
