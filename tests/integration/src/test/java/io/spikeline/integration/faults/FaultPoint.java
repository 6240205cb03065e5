package io.spikeline.integration.faults;

import io.spikeline.models.record.Decoding;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Passes decodings on unchanged; once armed with {@link #failAfter}, fails its task after passing that many more
 * decodings (which the restart must neither lose nor duplicate), once per arming. Its state is static: the
 * MiniCluster runs in the test's JVM, the test arms it while the job runs, and the failure must not repeat after the
 * restart.
 */
final class FaultPoint implements MapFunction<Decoding, Decoding> {
    private static final long serialVersionUID = 1L;
    private static final int DISARMED = -1;
    private static final AtomicInteger REMAINING = new AtomicInteger(DISARMED);
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    /** Arms the fault point: it fails after passing {@code decodings} more. */
    static void failAfter(int decodings) {
        FAILED.set(false);
        REMAINING.set(decodings);
    }

    /** Whether the armed fault point has failed. */
    static boolean failed() {
        return FAILED.get();
    }

    @Override
    public Decoding map(Decoding decoding) {
        if (REMAINING.get() != DISARMED && REMAINING.getAndDecrement() == 0) {
            REMAINING.set(DISARMED);
            FAILED.set(true);
            throw new IllegalStateException("injected failure at decoding " + decoding);
        }
        return decoding;
    }
}
