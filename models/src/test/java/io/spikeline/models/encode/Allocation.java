package io.spikeline.models.encode;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread, to show that hot loops allocate nothing but their output. */
final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {}

    static long bytesSoFar() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
