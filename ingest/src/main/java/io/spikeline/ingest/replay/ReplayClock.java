package io.spikeline.ingest.replay;

import java.io.InterruptedIOException;
import java.util.concurrent.locks.LockSupport;

/** The wall clock that paces a replay; {@link #SYSTEM} in production. */
public interface ReplayClock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached {@code deadline}. */
    void sleepUntil(long deadline) throws InterruptedIOException;

    ReplayClock SYSTEM = new ReplayClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedIOException {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("replay interrupted while waiting for the next record's time");
                }
            }
        }
    };
}
