package io.spikeline.runtime.bench;

import io.spikeline.operators.snn.WallClock;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * This JVM's CPU time per wall second over a span of wall-clock time: how many processors were kept busy. Samples
 * the process's CPU time every {@value #PERIOD_MS} ms on a thread of its own from {@link #start} to {@link #close},
 * so that the span can be chosen afterwards (a trial's measured decodes, which may reach the benchmark in bursts
 * long after they were made). Thread-safe.
 */
final class CpuMeter implements AutoCloseable {
    static final long PERIOD_MS = 50;

    private final LongSupplier wallUs;
    private final LongSupplier cpuNs;
    private ScheduledExecutorService sampler;
    private long[] sampleWallUs = new long[256];
    private long[] sampleCpuNs = new long[256];
    private int samples;

    /** A meter sampling {@code cpuNs} (CPU time, ns) against {@code wallUs} (wall clock, µs) when asked to. */
    CpuMeter(LongSupplier wallUs, LongSupplier cpuNs) {
        this.wallUs = wallUs;
        this.cpuNs = cpuNs;
    }

    /** A meter of this process on the system clock, sampling from now on until closed. */
    static CpuMeter start() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CpuMeter meter = new CpuMeter(WallClock.SYSTEM::nowUs, os::getProcessCpuTime);
        meter.sample();
        meter.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spikeline bench cpu meter");
            t.setDaemon(true);
            return t;
        });
        meter.sampler.scheduleAtFixedRate(meter::sample, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        return meter;
    }

    /** Takes a sample now. */
    synchronized void sample() {
        if (samples == sampleWallUs.length) {
            sampleWallUs = Arrays.copyOf(sampleWallUs, 2 * samples);
            sampleCpuNs = Arrays.copyOf(sampleCpuNs, 2 * samples);
        }
        sampleWallUs[samples] = wallUs.getAsLong();
        sampleCpuNs[samples] = cpuNs.getAsLong();
        samples++;
    }

    /**
     * CPU seconds per wall second from the latest sample at or before {@code fromUs} (the first, if none is) to the
     * earliest at or after {@code toUs} (the last, if none is); 0 when that spans no time.
     */
    synchronized double coresBusy(long fromUs, long toUs) {
        if (samples == 0) {
            return 0;
        }
        int first = 0;
        while (first + 1 < samples && sampleWallUs[first + 1] <= fromUs) {
            first++;
        }
        int last = samples - 1;
        while (last - 1 >= first && sampleWallUs[last - 1] >= toUs) {
            last--;
        }
        long wallNs = (sampleWallUs[last] - sampleWallUs[first]) * 1000;
        return wallNs <= 0 ? 0 : (double) (sampleCpuNs[last] - sampleCpuNs[first]) / wallNs;
    }

    /** Stops sampling, after a last sample; closing again does nothing. */
    @Override
    public void close() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
            sample();
        }
    }
}
