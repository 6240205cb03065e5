package io.spikeline.runtime.bench;

import java.lang.management.ManagementFactory;

/**
 * This JVM's CPU time per wall second between its first and its latest sample: how many processors were kept busy.
 * Samples closer than {@value #MIN_SPACING_NS} ns to the previous one are skipped, so that sampling on every record of
 * a fast stream costs a clock read, not a system call. Not thread-safe.
 */
final class CpuMeter {
    private static final long MIN_SPACING_NS = 50_000_000;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long firstWallNs;
    private long firstCpuNs = -1;
    private long lastWallNs;
    private long lastCpuNs;

    void sample() {
        long now = System.nanoTime();
        if (firstCpuNs >= 0 && now - lastWallNs < MIN_SPACING_NS) {
            return;
        }
        long cpu = os.getProcessCpuTime();
        if (firstCpuNs < 0) {
            firstWallNs = now;
            firstCpuNs = cpu;
        }
        lastWallNs = now;
        lastCpuNs = cpu;
    }

    /** CPU seconds per wall second between the first and latest samples; 0 before two samples. */
    double coresBusy() {
        long wall = lastWallNs - firstWallNs;
        return wall <= 0 ? 0 : (double) (lastCpuNs - firstCpuNs) / wall;
    }
}
