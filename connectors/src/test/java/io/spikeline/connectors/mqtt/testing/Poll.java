package io.spikeline.connectors.mqtt.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling it, failing with a description when the deadline passes. */
public final class Poll {
    private static final long INTERVAL_MS = 20;

    private Poll() {
    }

    public static void until(Duration deadline, BooleanSupplier condition, Supplier<String> waitingFor) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline + " waiting for " + waitingFor.get());
            }
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + waitingFor.get(), e);
            }
        }
    }
}
