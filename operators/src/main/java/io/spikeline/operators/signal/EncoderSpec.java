package io.spikeline.operators.signal;

import io.spikeline.models.encode.DeltaEncoder;
import io.spikeline.models.encode.DeltaParams;
import io.spikeline.models.encode.LatencyEncoder;
import io.spikeline.models.encode.LatencyMapping;
import io.spikeline.models.encode.LatencyParams;
import io.spikeline.models.encode.RateEncoder;
import io.spikeline.models.encode.RateParams;
import io.spikeline.models.encode.SampleEncoder;
import io.spikeline.models.encode.SigmaDeltaEncoder;
import io.spikeline.models.encode.SigmaDeltaParams;
import io.spikeline.models.encode.ThresholdCrossingEncoder;
import io.spikeline.models.encode.ThresholdCrossingParams;
import java.io.Serializable;

/**
 * Which {@code models} sample encoder {@link SampleEncodeFunction} runs per key, with its parameters as
 * serializable values (validated at construction by the models parameter record they build).
 */
public sealed interface EncoderSpec extends Serializable {

    /** A fresh encoder for a key's stream of {@code channelCount} channels. */
    SampleEncoder create(int channelCount, String sourceKey);

    /**
     * Whether a key's encoder starts afresh after a break in its stream (a gap, a dropped frame), because its state
     * describes the signal's recent past (a reference level, an integrator, a noise estimate, an open window).
     */
    default boolean restartsAfterBreak() {
        return true;
    }

    /**
     * {@link ThresholdCrossingEncoder}: the broadband probe path. The noise estimate observes every
     * {@code noiseStrideSamples}-th sample of its window (1: every sample; see {@link ThresholdCrossingParams}).
     */
    record ThresholdCrossing(double thresholdMultiple, int noiseWindowSamples, int refractorySamples,
                             int noiseStrideSamples) implements EncoderSpec {
        public ThresholdCrossing {
            params(thresholdMultiple, noiseWindowSamples, refractorySamples, noiseStrideSamples);
        }

        /** The noise estimate observing every sample. */
        public ThresholdCrossing(double thresholdMultiple, int noiseWindowSamples, int refractorySamples) {
            this(thresholdMultiple, noiseWindowSamples, refractorySamples, 1);
        }

        private static ThresholdCrossingParams params(double multiple, int window, int refractory, int stride) {
            return new ThresholdCrossingParams(multiple, window, refractory).withNoiseStride(stride);
        }

        @Override
        public SampleEncoder create(int channelCount, String sourceKey) {
            return new ThresholdCrossingEncoder(params(thresholdMultiple, noiseWindowSamples, refractorySamples,
                    noiseStrideSamples), channelCount);
        }
    }

    /** {@link DeltaEncoder} (send-on-delta). */
    record Delta(double delta) implements EncoderSpec {
        public Delta {
            new DeltaParams(delta);
        }

        @Override
        public SampleEncoder create(int channelCount, String sourceKey) {
            return new DeltaEncoder(new DeltaParams(delta), channelCount);
        }
    }

    /** {@link SigmaDeltaEncoder}. */
    record SigmaDelta(double threshold) implements EncoderSpec {
        public SigmaDelta {
            new SigmaDeltaParams(threshold);
        }

        @Override
        public SampleEncoder create(int channelCount, String sourceKey) {
            return new SigmaDeltaEncoder(new SigmaDeltaParams(threshold), channelCount);
        }
    }

    /**
     * {@link RateEncoder} (Poisson). Each key draws from its own generator, seeded by {@link #seedFor}; the
     * generator's state is part of the key's state, so a restored job continues the same draws.
     */
    record Rate(double gainHzPerUnit, long seed) implements EncoderSpec {
        public Rate {
            new RateParams(gainHzPerUnit);
        }

        /** {@code seed} mixed with the key's (stable) string hash by a golden-ratio multiply. */
        public long seedFor(String sourceKey) {
            return seed ^ (sourceKey.hashCode() * 0x9E3779B97F4A7C15L);
        }

        @Override
        public SampleEncoder create(int channelCount, String sourceKey) {
            return new RateEncoder(new RateParams(gainHzPerUnit), channelCount, seedFor(sourceKey));
        }

        /** Memoryless in the signal: its state is the generator, which goes on drawing (a restart would replay it). */
        @Override
        public boolean restartsAfterBreak() {
            return false;
        }
    }

    /** {@link LatencyEncoder} (time to first spike). */
    record Latency(int windowBins, LatencyMapping mapping, double threshold, double saturation)
            implements EncoderSpec {
        public Latency {
            new LatencyParams(windowBins, mapping, threshold, saturation);
        }

        @Override
        public SampleEncoder create(int channelCount, String sourceKey) {
            return new LatencyEncoder(new LatencyParams(windowBins, mapping, threshold, saturation), channelCount);
        }
    }
}
