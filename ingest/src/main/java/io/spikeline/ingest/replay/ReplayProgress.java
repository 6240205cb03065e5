package io.spikeline.ingest.replay;

/**
 * How far a replay has come.
 *
 * @param records records delivered
 * @param signalSeconds event time covered: from the first record's time to the latest one's
 * @param wallSeconds wall time since the first record
 * @param finished whether the source has ended
 */
public record ReplayProgress(long records, double signalSeconds, double wallSeconds, boolean finished) {

    /** Records per wall second (0 before any wall time has passed). */
    public double recordsPerSecond() {
        return wallSeconds > 0 ? records / wallSeconds : 0;
    }

    /** Seconds of signal per wall second: 1 is real time; 0 before any wall time has passed. */
    public double realTimeFactor() {
        return wallSeconds > 0 ? signalSeconds / wallSeconds : 0;
    }

    @Override
    public String toString() {
        return String.format("%d records, %.3f s of signal in %.3f s (%.0f records/s, %.2fx real time)%s", records,
                signalSeconds, wallSeconds, recordsPerSecond(), realTimeFactor(), finished ? ", finished" : "");
    }
}
