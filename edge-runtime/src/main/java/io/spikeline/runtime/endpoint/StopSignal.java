package io.spikeline.runtime.endpoint;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to stop a run early, from Ctrl-C (a JVM shutdown hook, registered by {@link #onShutdown}) or from
 * {@link #request}. The run installs what stopping means ({@link #whenRequested}); on Ctrl-C the hook performs it and
 * then keeps the JVM alive until the command has written its report ({@link #close}), at most {@value #GRACE_SECONDS}
 * s.
 */
public final class StopSignal implements AutoCloseable {
    static final int GRACE_SECONDS = 120;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicReference<Runnable> action = new AtomicReference<>(() -> { });
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal(boolean onShutdown) {
        hook = onShutdown ? new Thread(this::stopAndWait, "spikeline-stop") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** A signal raised by Ctrl-C (or any JVM shutdown) until {@link #close}d. */
    public static StopSignal onShutdown() {
        return new StopSignal(true);
    }

    /** A signal raised only by {@link #request}. */
    public static StopSignal manual() {
        return new StopSignal(false);
    }

    /** Asks the run to stop: performs the installed action (once). */
    public void request() {
        if (requested.compareAndSet(false, true)) {
            action.get().run();
        }
    }

    public boolean requested() {
        return requested.get();
    }

    /** What stopping means for the current run; performed at once when a stop was already requested. */
    public void whenRequested(Runnable stop) {
        action.set(stop);
        if (requested.get()) {
            stop.run();
        }
    }

    private void stopAndWait() {
        request();
        try {
            closed.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run and its report are done: lets a Ctrl-C shutdown proceed, or unregisters the hook. */
    @Override
    public void close() {
        closed.countDown();
        if (hook != null && !requested.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to; it returns now that the latch is open.
            }
        }
    }
}
