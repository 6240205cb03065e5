package io.spikeline.runtime.bench;

import java.util.function.Consumer;

/** Trials of a scenario at a load, and the search for the highest load it sustains. */
public final class PipelineTrial {
    /** Due time per point of the latency series whose trend says whether lag grows. */
    static final long TREND_BUCKET_US = 100_000;

    private PipelineTrial() {}

    /**
     * Runs one trial: the sensor sends {@link Scenario#records} for the settings' seconds at {@code load}; every
     * decoding is counted, those after the warm-up measured; the trial stops early once a measured latency passes
     * {@link TrialSettings#abortLatencyUs}.
     */
    public static <I> TrialResult run(Scenario<I> scenario, long load, TrialSettings settings) throws Exception {
        long records = scenario.records(load, settings.seconds());
        long expected = scenario.decodings(load, records);
        long warmup = settings.warmupSeconds() == 0 ? 0
                : scenario.decodings(load, scenario.records(load, settings.warmupSeconds()));
        LatencyTally tally = new LatencyTally(warmup, TREND_BUCKET_US);
        long abortUs = settings.abortLatencyUs();
        BenchJob.Outcome outcome;
        CpuMeter cpu = CpuMeter.start();
        try {
            outcome = BenchJob.run(scenario, load, records, expected, settings, env -> { }, d -> {
                long dueUs = scenario.dueUs(d);
                tally.add(dueUs, d.emitWallTimeUs());
                return tally.measured() == 0 || d.emitWallTimeUs() - dueUs <= abortUs;
            });
        } finally {
            cpu.close();
        }
        // The decodes may reach this loop in bursts (the collecting sink hands them over at checkpoints): the CPU
        // time is taken over the span in which the measured ones were made.
        double coresBusy = cpu.coresBusy(tally.firstEmitUs(), tally.lastEmitUs());
        return new TrialResult(load, records, expected, outcome.decodings(), outcome.end() != BenchJob.End.FINISHED,
                tally.decodingsPerSecond() * scenario.unitsPerDecoding(load), tally.latencyMs(50), tally.latencyMs(99),
                tally.latencyMs(99.9), tally.maxLatencyMs(), tally.latencyTrend().growth(), tally.measuredSeconds(),
                coresBusy);
    }

    /**
     * Searches {@code range} for the highest load {@code scenario} sustains ({@link TrialResult#sustained}), handing
     * each trial's result to {@code each} as it completes.
     */
    public static <I> LoadSearch.Outcome<TrialResult> search(Scenario<I> scenario, LoadSearch.Range range,
                                                             TrialSettings settings, Consumer<TrialResult> each) {
        return LoadSearch.highest(range, load -> {
            TrialResult result;
            try {
                result = run(scenario, load, settings);
            } catch (Exception e) {
                throw new IllegalStateException(scenario.name() + " at " + load + " " + scenario.loadUnit() + ": "
                        + e.getMessage(), e);
            }
            each.accept(result);
            return result;
        }, result -> result.sustained(settings.p99BoundMs()));
    }
}
