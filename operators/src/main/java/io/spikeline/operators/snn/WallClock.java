package io.spikeline.operators.snn;

import java.io.Serializable;
import java.time.Instant;

/** Wall-clock time in microseconds since the epoch, the processing-time stamp of decodings and lag. */
@FunctionalInterface
public interface WallClock extends Serializable {

    /** The system clock. */
    WallClock SYSTEM = () -> {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    };

    long nowUs();
}
