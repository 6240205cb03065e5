package io.spikeline.runtime.cli;

import io.spikeline.runtime.bmi.BmiReport;
import io.spikeline.runtime.config.BmiConfig;
import io.spikeline.runtime.bmi.BmiRun;
import io.spikeline.runtime.bmi.BmiScore;
import io.spikeline.runtime.bmi.BmiSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spikeline run <app>}: an application on an embedded Flink MiniCluster, with a progress line and a report. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an application on an embedded Flink MiniCluster for a bounded time, print a progress line "
                + "while it runs and a report at the end, and write the report (report.txt, report.html) into a folder.",
            "bmi: a simulated 96-channel implant during centre-out reaches, its 30 kHz broadband Bessel band-passed, "
                + "threshold-crossed and binned to 1 ms (or its own 1 ms spike counts), decoded into hand velocity by "
                + "a spiking network learning online from the true velocity; the report scores it with R² (uniform "
                + "average over vx, vy; each batch is decoded before the network learns from it).",
            "Without options: 60 s of simulated broadband, as fast as the job runs, report into ./spikeline-report."})
final class RunCommand implements Callable<Integer> {

    /** Lag behind the signal (wall time decoding minus signal time decoded) that the progress line reports, s. */
    private static final double BEHIND_NOTICE_SECONDS = 1;

    /** The applications. */
    enum App { bmi, gesture, packets, eeg }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "APP", description = "The application: ${COMPLETION-CANDIDATES}.")
    App app;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML pipeline configuration (see edge-runtime/examples/); options given on the command "
                    + "line override it.")
    Path config;

    @Option(names = "--input", defaultValue = "broadband", paramLabel = "KIND",
            description = "bmi: the probe stream, broadband (30 kHz voltage, band-passed 300-3000 Hz and threshold-"
                    + "crossed at -4.5 sigma in the job) or spike-counts (1 ms bins from the implant) "
                    + "(default: ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "S",
            description = "Seconds of signal to process (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the simulated session (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--channels", defaultValue = "96", paramLabel = "N",
            description = "Channels (units) of the simulated array (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--realtime",
            description = "Pace the simulated source at the sensor's own rate instead of as fast as the job runs.")
    boolean realTime;

    @Option(names = "--learn-seconds", defaultValue = "Infinity", paramLabel = "S",
            description = "Stop learning after this much signal and decode with the frozen network from then on "
                    + "(default: learn throughout).")
    double learnSeconds;

    @Option(names = "--report-dir", defaultValue = BmiConfig.DEFAULT_REPORT_DIR, paramLabel = "DIR",
            description = "Folder the report is written into, created if needed (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--progress-every", defaultValue = "2", paramLabel = "S",
            description = "Wall-clock seconds between two progress lines (default: ${DEFAULT-VALUE}).")
    double progressEvery;

    @Override
    public Integer call() throws Exception {
        if (app != App.bmi) {
            throw new IllegalArgumentException("the " + app + " application is not available yet; available: bmi");
        }
        if (!(progressEvery > 0)) {
            throw new IllegalArgumentException("--progress-every must be > 0, was " + progressEvery);
        }
        BmiConfig configured = config == null
                ? new BmiConfig(BmiSettings.defaults(), Path.of(BmiConfig.DEFAULT_REPORT_DIR))
                : BmiConfig.read(config);
        BmiSettings settings = overridden(configured.settings());
        Path reports = given("--report-dir") ? reportDir : configured.reportDir();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "spikeline run bmi: %.1f s of simulated %s from %d channels on an embedded "
                + "Flink MiniCluster%n", settings.batches() * settings.batchSeconds(),
                settings.input() == BmiSettings.Input.BROADBAND ? "broadband" : "spike counts", settings.channels());
        out.flush();
        BmiRun.Result result = BmiRun.run(settings, progressEvery, p -> {
            double r2 = p.score().currentR2();
            double behindSeconds = p.decodingSeconds() - p.score().signalSeconds();
            out.printf(Locale.ROOT, "  %6.1f s of signal | %6.1fx real time | R2 %s (last %.0f s) | latency p99 %.3f ms%s%n",
                    p.score().signalSeconds(), p.realTimeFactor(),
                    Double.isNaN(r2) ? "  -  " : String.format(Locale.ROOT, "%5.2f", r2), BmiScore.WINDOW_SECONDS,
                    p.score().latencyQuantileUs(0.99) / 1e3,
                    behindSeconds > BEHIND_NOTICE_SECONDS ? String.format(Locale.ROOT, " | BEHIND real time by %.1f s "
                            + "(nothing skipped: every batch is decoded)", behindSeconds) : "");
            out.flush();
        });
        BmiReport report = new BmiReport(result);
        Path html = report.write(reports);
        out.print(report.text());
        out.println("report written to " + reports.toAbsolutePath() + " (report.txt, " + html.getFileName() + ")");
        out.flush();
        return 0;
    }

    /** {@code settings} with the options given on the command line. */
    private BmiSettings overridden(BmiSettings settings) {
        BmiSettings s = settings;
        if (given("--input")) {
            s = s.withInput(input());
        }
        if (given("--seconds")) {
            s = s.withSeconds(seconds);
        }
        if (given("--seed")) {
            s = s.withSeed(seed);
        }
        if (given("--channels")) {
            s = s.withChannels(channels);
        }
        if (given("--realtime")) {
            s = s.withRealTime(realTime);
        }
        if (given("--learn-seconds")) {
            s = s.withLearnSeconds(learnSeconds);
        }
        return s;
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private BmiSettings.Input input() {
        return switch (input) {
            case "broadband" -> BmiSettings.Input.BROADBAND;
            case "spike-counts" -> BmiSettings.Input.SPIKE_COUNTS;
            default -> throw new IllegalArgumentException("--input must be broadband or spike-counts, was " + input);
        };
    }
}
