package io.spikeline.runtime.bmi;

import io.spikeline.ingest.sim.ReachingParameters;
import java.io.Serializable;
import java.util.Objects;

/**
 * What an embedded {@code bmi} run decodes: a simulated reaching session of {@code seconds} of signal from an array
 * of {@code channels} units, drawn from {@code seed}, entering the pipeline as {@code input}.
 *
 * @param input which probe stream the simulated implant sends
 * @param seconds signal time to process, s
 * @param seed every draw of the simulated session follows from it
 * @param channels units on the simulated array
 * @param realTime whether the source is paced at the sensor's own rate instead of as fast as the job runs
 * @param learnSeconds signal time after which learning stops (the decoder then runs frozen), s; infinite to learn
 *     throughout
 */
public record BmiSettings(Input input, double seconds, long seed, int channels, boolean realTime,
                          double learnSeconds) implements Serializable {

    /** The probe stream. */
    public enum Input {
        /** 30 kHz voltage per channel, band-passed and threshold-crossed in the job. */
        BROADBAND,
        /** Spike counts per channel in 1 ms bins, as an implant with on-chip detection sends them. */
        SPIKE_COUNTS
    }

    /** The source key of the simulated implant. */
    public static final String SOURCE_KEY = "sim-reach";

    public BmiSettings {
        Objects.requireNonNull(input, "input");
        if (!(seconds > 0) || seconds > 86_400) {
            throw new IllegalArgumentException("seconds must lie in (0, 86400], was " + seconds);
        }
        if (!(learnSeconds > 0)) {
            throw new IllegalArgumentException("learn seconds must be > 0, was " + learnSeconds);
        }
        session(input, seed, channels);
    }

    /** The simulated session: {@link ReachingParameters#defaults} (1 ms bins, batches of 20) with these channels. */
    public ReachingParameters session() {
        return session(input, seed, channels);
    }

    private static ReachingParameters session(Input input, long seed, int channels) {
        return ReachingParameters.defaults(seed).withChannels(channels).withBroadband(input == Input.BROADBAND);
    }

    /** Simulator batches in the run: whole batches covering {@code seconds}, at least one. */
    public long batches() {
        return Math.max(1, Math.round(seconds / batchSeconds()));
    }

    /** Seconds of signal in one simulator batch. */
    public double batchSeconds() {
        ReachingParameters p = session();
        return p.binWidthUs() * p.binsPerBatch() / 1e6;
    }
}
