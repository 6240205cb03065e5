package io.spikeline.runtime.cli;

import io.spikeline.runtime.bmi.BmiReport;
import io.spikeline.runtime.bmi.BmiRun;
import io.spikeline.runtime.bmi.BmiScore;
import io.spikeline.runtime.bmi.BmiSettings;
import io.spikeline.runtime.config.BmiConfig;
import io.spikeline.runtime.config.EegConfig;
import io.spikeline.runtime.config.GestureConfig;
import io.spikeline.runtime.config.PacketsConfig;
import io.spikeline.runtime.eeg.EegReport;
import io.spikeline.runtime.eeg.EegRun;
import io.spikeline.runtime.eeg.EegScore;
import io.spikeline.runtime.eeg.EegSettings;
import io.spikeline.runtime.endpoint.EndpointSummary;
import io.spikeline.runtime.endpoint.JobEndpoints;
import io.spikeline.runtime.endpoint.StopSignal;
import io.spikeline.runtime.gesture.GestureReport;
import io.spikeline.runtime.gesture.GestureRun;
import io.spikeline.runtime.gesture.GestureScore;
import io.spikeline.runtime.gesture.GestureSettings;
import io.spikeline.runtime.packets.PacketSources;
import io.spikeline.runtime.packets.PacketsReport;
import io.spikeline.runtime.packets.PacketsRun;
import io.spikeline.runtime.packets.PacketsSettings;
import io.spikeline.runtime.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
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
            "eeg: a simulated 19-channel scalp EEG at 250 Hz, eyes open and closed alternating every 10 s, Bessel "
                + "band-passed 7-14 Hz and notched 45-55 Hz, delta-encoded into spikes (8 uV steps) and classified "
                + "eyes open/closed every 256 ms by a spiking network learning online from the true state; the report "
                + "scores it with accuracy (each frame is classified before the network learns from it) and a "
                + "confusion matrix.",
            "gesture: a simulated 128x128 event camera watching a hand perform 12 gestures, its events binned, cut "
                + "into one 1 s sample per gesture onset and classified by a spiking network learning online from the "
                + "gesture labels, deciding early once its confidence reaches --confidence; the report scores it with "
                + "accuracy (each gesture is classified before the network learns from it), a confusion matrix and "
                + "decision times.",
            "packets: simulated gateway traffic (DNS, HTTP, TLS, SSH, NTP, QUIC; about 1000 packets/s), or with "
                + "--input FILE the IP packets of a pcap/pcapng capture (or of every capture in a folder) labelled by "
                + "port; the first 48 bytes of each packet from its IP header, as one-hot nibbles over 2 bins, feed a "
                + "spiking feature layer learning by STDP with synaptic scaling and a classifier learning online from "
                + "each label; the report scores the class per packet and per flow (running vote of the flow's "
                + "packets) with accuracy (each packet is classified before the network learns from it) and "
                + "confusion matrices.",
            "Without options: bmi 60 s of simulated broadband, eeg 120 s of simulated EEG, gesture 600 s of simulated "
                + "events, packets 20 s of simulated traffic, as fast as the job runs, "
                + "report into ./spikeline-report."})
final class RunCommand implements Callable<Integer> {

    /** Signal time a run on a broker lasts at most when no --seconds are given: a day (the settings' bound), s. */
    private static final double UNTIL_STOPPED_SECONDS = 86_400;

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
            description = "Seconds of signal to process (default: ${DEFAULT-VALUE} for bmi, 120 for eeg, 600 for gesture, "
                    + "20 for packets; with a broker --source, until Ctrl-C; for packets from a --source, traffic "
                    + "time from the first packet's capture).")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the simulated session (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--channels", defaultValue = "96", paramLabel = "N",
            description = "bmi: channels (units) of the simulated array (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--realtime",
            description = "Pace the simulated source at the sensor's own rate instead of as fast as the job runs.")
    boolean realTime;

    @Option(names = "--learn-seconds", defaultValue = "Infinity", paramLabel = "S",
            description = "bmi: stop learning after this much signal and decode with the frozen network from then on "
                    + "(default: learn throughout).")
    double learnSeconds;

    @Option(names = "--feedback-wait", paramLabel = "S",
            description = "bmi: seconds for which the spikes wait, at most, for velocity feedback from its own "
                    + "--feedback source that lags them by more than a decode window (as when a queued session is "
                    + "replayed and one subscription drains first), so that the decoder learns as on the device "
                    + "(default: 5; 0 never waits, for the lowest latency).")
    double feedbackWait;

    @Option(names = "--source", paramLabel = "URL",
            description = {"Where the sensor stream comes from instead of the built-in simulator: "
                    + "kafka://host:port/topic, mqtt://host:port/topic/# (a topic filter), file:///path (a recording: "
                    + "EDF, SpikeGLX, Open Ephys, ...), or sim:reaching?channels=96&seed=1 / sim:eeg?seed=1 / "
                    + "sim:gesture?seed=1 / sim:packets?seed=1. Broker "
                    + "messages are Avro single-object records (as `spikeline replay` sends them): bmi SampleFrames "
                    + "(--input broadband) or SpikeBatches (--input spike-counts) of --channels channels; eeg "
                    + "SampleFrames of 19 channels at 250 Hz; gesture EventBatches of a 128x128 camera; packets "
                    + "PacketRecords, whose labels are the feedback (unlabelled ones are classified, not learnt from; "
                    + "--input labels captures by port). A broker source runs until Ctrl-C (which stops the job "
                    + "with a savepoint) or until --seconds of signal are decoded."})
    String source;

    @Option(names = "--feedback", paramLabel = "URL",
            description = "Where the feedback the decoder learns from comes from (Feedback records: bmi the hand "
                    + "velocity, eeg the eyes state, at the start time of the batch or frame they label; gesture the "
                    + "gesture at its onset); required with a --source that is not a simulator, except for packets, "
                    + "which carry their labels.")
    String feedback;

    @Option(names = "--sink", paramLabel = "URL",
            description = "Where the decodings go: kafka://host:port/topic (Avro, exactly-once unless "
                    + "?guarantee=at-least-once), mqtt://host:port/topic ({key} in the topic becomes the source key) "
                    + "or file:///path (JSON lines). Without it they are only scored and reported.")
    String sink;

    @Option(names = "--dead-letters", paramLabel = "URL",
            description = "Where messages that do not decode go, with their reason (kafka://, mqtt:// or file:); "
                    + "without it they are logged, counted and reported.")
    String deadLetters;

    @Option(names = "--control", paramLabel = "URL",
            description = "A kafka:// or mqtt:// topic of controls for the decoder, one JSON object per message: "
                    + "{\"sequence\": 1, \"effectiveTimeUs\": 10000000, \"action\": \"FREEZE\"} (actions FREEZE, "
                    + "UNFREEZE, EXPORT, LEARNING_RATE_SCALE and THRESHOLD_SCALE with \"scale\", optional "
                    + "\"targetKey\" and \"layer\"), applied in sequence order at their event time.")
    String control;

    @Option(names = "--report-dir", defaultValue = BmiConfig.DEFAULT_REPORT_DIR, paramLabel = "DIR",
            description = "Folder the report is written into, created if needed (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--progress-every", defaultValue = "2", paramLabel = "S",
            description = "Wall-clock seconds between two progress lines (default: ${DEFAULT-VALUE}).")
    double progressEvery;

    @Override
    public Integer call() throws Exception {
        if (!(progressEvery > 0)) {
            throw new IllegalArgumentException("--progress-every must be > 0, was " + progressEvery);
        }
        for (String bmiOnly : new String[] {"--channels", "--learn-seconds", "--feedback-wait"}) {
            if (app != App.bmi && given(bmiOnly)) {
                throw new IllegalArgumentException(bmiOnly + " applies to bmi only");
            }
        }
        if ((app == App.eeg || app == App.gesture) && given("--input")) {
            throw new IllegalArgumentException("--input applies to bmi and packets only");
        }
        for (String gestureOnly : new String[] {"--confidence", "--label-wait"}) {
            if (app != App.gesture && given(gestureOnly)) {
                throw new IllegalArgumentException(gestureOnly + " applies to gesture only");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        return switch (app) {
            case bmi -> runBmi(out);
            case eeg -> runEeg(out);
            case gesture -> runGesture(out);
            case packets -> runPackets(out);
        };
    }

    private int runBmi(PrintWriter out) throws Exception {
        BmiConfig configured = config == null
                ? new BmiConfig(BmiSettings.defaults(), Path.of(BmiConfig.DEFAULT_REPORT_DIR))
                : BmiConfig.read(config);
        JobEndpoints endpoints = configured.endpoints().overriddenBy(source, feedback, sink, deadLetters, control);
        BmiSettings settings = overridden(configured.settings());
        if (endpoints.simulator() != null) {
            settings = settings.withSimulator(endpoints.simulator());
        }
        if (!endpoints.bounded() && !given("--seconds")) {
            settings = settings.withSeconds(UNTIL_STOPPED_SECONDS);
        }
        Path reports = given("--report-dir") ? reportDir : configured.reportDir();
        String stream = settings.input() == BmiSettings.Input.BROADBAND ? "broadband" : "spike counts";
        if (endpoints.simulated()) {
            out.printf(Locale.ROOT, "spikeline run bmi: %.1f s of simulated %s from %d channels on an embedded "
                    + "Flink MiniCluster%s%n", settings.batches() * settings.batchSeconds(), stream, settings.channels(),
                    writes(endpoints));
        } else {
            out.printf(Locale.ROOT, "spikeline run bmi: %s from %d channels, %s%s, %s%n", stream, settings.channels(),
                    endpoints.describeInput(), writes(endpoints), lasting(endpoints, settings.batches()
                            * settings.batchSeconds()));
        }
        out.flush();
        Consumer<BmiRun.Progress> progress = p -> progress(out, p.score().signalSeconds(), p.decodingSeconds(), "R2",
                p.score().currentR2(), BmiScore.WINDOW_SECONDS, p.score().latencyQuantileUs(0.99));
        BmiSettings chosen = settings;
        return runAndReport(out, endpoints, stop -> BmiRun.run(chosen, endpoints, stop, progressEvery, progress),
                BmiRun.Result::endpoints, BmiReport::new, reports);
    }

    private int runEeg(PrintWriter out) throws Exception {
        EegConfig configured = config == null ? EegConfig.defaults() : EegConfig.read(config);
        JobEndpoints endpoints = configured.endpoints().overriddenBy(source, feedback, sink, deadLetters, control);
        EegSettings settings = configured.settings();
        if (given("--seconds")) {
            settings = settings.withSeconds(seconds);
        } else if (!endpoints.bounded()) {
            settings = settings.withSeconds(UNTIL_STOPPED_SECONDS);
        }
        if (given("--seed")) {
            settings = settings.withSeed(seed);
        }
        if (endpoints.simulator() != null) {
            settings = settings.withSimulator(endpoints.simulator());
        }
        if (given("--realtime")) {
            settings = settings.withRealTime(realTime);
        }
        if (endpoints.simulated()) {
            out.printf(Locale.ROOT, "spikeline run eeg: %.1f s of simulated EEG from %d channels on an embedded Flink "
                    + "MiniCluster%s%n", settings.frames() * settings.frameSeconds(), settings.recording().channels(),
                    writes(endpoints));
        } else {
            out.printf(Locale.ROOT, "spikeline run eeg: EEG from %d channels, %s%s, %s%n",
                    settings.recording().channels(), endpoints.describeInput(), writes(endpoints),
                    lasting(endpoints, settings.frames() * settings.frameSeconds()));
        }
        out.flush();
        Consumer<EegRun.Progress> progress = p -> progress(out, p.score().signalSeconds(), p.decodingSeconds(),
                "accuracy", p.score().currentAccuracy(), EegScore.WINDOW_SECONDS, p.score().latencyQuantileUs(0.99));
        EegSettings chosen = settings;
        return runAndReport(out, endpoints, stop -> EegRun.run(chosen, endpoints, stop, progressEvery, progress),
                EegRun.Result::endpoints, EegReport::new, given("--report-dir") ? reportDir : configured.reportDir());
    }

    /** Where the run writes, for its first line. */
    private static String writes(JobEndpoints endpoints) {
        return (endpoints.control() == null ? "" : ", controls from " + endpoints.control().url())
                + (endpoints.sink() == null ? "" : ", decodings to " + endpoints.sink().url())
                + (endpoints.deadLetters() == null ? "" : ", dead letters to " + endpoints.deadLetters().url());
    }

    /** How long a run on endpoints lasts, for its first line. */
    private String lasting(JobEndpoints endpoints, double signalSeconds) {
        return endpoints.bounded() ? "to the end of the input"
                : given("--seconds") ? String.format(Locale.ROOT, "for %.1f s of signal or until Ctrl-C", signalSeconds)
                : "until Ctrl-C";
    }

    /** A job handed to a cluster: where its output goes, and no report (nothing comes back to this client). */
    private static int submitted(PrintWriter out, EndpointSummary summary) {
        out.println("submitted job " + summary.run().submittedJobId() + " to the cluster; decodings go to "
                + summary.given().sink().url() + (summary.given().deadLetters() == null ? ", dead letters to the "
                + "task logs" : ", dead letters to " + summary.given().deadLetters().url()));
        out.flush();
        return 0;
    }

    @Option(names = "--confidence", paramLabel = "P",
            description = "gesture: softmax confidence at which a gesture is decided early (default: 0.95; 1 decides "
                    + "at the end of each sample).")
    double confidence;

    @Option(names = "--label-wait", paramLabel = "S",
            description = "gesture: seconds (of event time and of processing time) for which the next gesture waits, "
                    + "at most, for the label of the gesture before, so that the network learns as on the device when "
                    + "labels arrive behind the events (default: 5; 0 never waits).")
    double labelWait;

    private int runGesture(PrintWriter out) throws Exception {
        GestureConfig configured = config == null ? GestureConfig.defaults() : GestureConfig.read(config);
        if (given("--control")) {
            throw new IllegalArgumentException("--control does not apply to gesture: its network learns throughout");
        }
        JobEndpoints endpoints = configured.endpoints().overriddenBy(source, feedback, sink, deadLetters, null);
        if (!endpoints.simulated() && (given("--seed") || given("--realtime"))) {
            throw new IllegalArgumentException("--seed and --realtime apply to the simulated camera, not to --source "
                    + endpoints.source().url());
        }
        GestureSettings settings = configured.settings();
        if (given("--confidence")) {
            settings = settings.withConfidenceThreshold(confidence);
        }
        if (given("--label-wait")) {
            settings = settings.withLabelWaitSeconds(labelWait);
        }
        if (given("--seconds")) {
            settings = settings.withSeconds(seconds);
        } else if (!endpoints.bounded()) {
            settings = settings.withSeconds(UNTIL_STOPPED_SECONDS);
        }
        if (given("--seed")) {
            settings = settings.withSeed(seed);
        }
        if (given("--realtime")) {
            settings = settings.withRealTime(realTime);
        }
        if (endpoints.simulated()) {
            out.printf(Locale.ROOT, "spikeline run gesture: %.1f s of simulated events from a %dx%d camera on an "
                    + "embedded Flink MiniCluster%s%n", settings.batches() * settings.batchSeconds(),
                    settings.recording().width(), settings.recording().height(), writes(endpoints));
        } else {
            out.printf(Locale.ROOT, "spikeline run gesture: events from a %dx%d camera, %s%s, %s%n",
                    settings.recording().width(), settings.recording().height(), endpoints.describeInput(),
                    writes(endpoints), lasting(endpoints, settings.seconds()));
        }
        out.flush();
        Consumer<GestureRun.Progress> progress = p -> progress(out, p.score().signalSeconds(), p.decodingSeconds(),
                "accuracy", p.score().currentAccuracy(), GestureScore.WINDOW_SECONDS, p.score().latencyQuantileUs(0.99));
        GestureSettings chosen = settings;
        return runAndReport(out, endpoints, stop -> GestureRun.run(chosen, endpoints, stop, progressEvery, progress),
                GestureRun.Result::endpoints, GestureReport::new,
                given("--report-dir") ? reportDir : configured.reportDir());
    }

    private int runPackets(PrintWriter out) throws Exception {
        PacketsConfig configured = config == null ? PacketsConfig.defaults() : PacketsConfig.read(config);
        if (given("--feedback")) {
            throw new IllegalArgumentException("--feedback does not apply to packets: the packets carry their own "
                    + "labels, which the classifier learns from");
        }
        if (given("--control")) {
            throw new IllegalArgumentException("--control does not apply to packets: its network learns throughout");
        }
        // A source given on the command line replaces the configured one together with its labels.
        JobEndpoints given = JobEndpoints.selfLabelled(source, sink, deadLetters);
        JobEndpoints c = configured.endpoints();
        JobEndpoints endpoints = new JobEndpoints(source != null ? given.source() : c.source(),
                source != null ? given.feedback() : c.feedback(), sink != null ? given.sink() : c.sink(),
                deadLetters != null ? given.deadLetters() : c.deadLetters(), null);
        PacketsSettings settings = configured.settings();
        if (given("--input")) {
            if (given("--seconds") || given("--seed")) {
                throw new IllegalArgumentException("--seconds and --seed apply to the simulated traffic; with "
                        + "--input the whole capture is classified");
            }
            if (endpoints.source() != null) {
                throw new IllegalArgumentException("--input and --source are two sources of packets: give one");
            }
            settings = settings.withCaptures(PacketSources.captures(Path.of(input)));
        }
        if (!endpoints.simulated() && (given("--seed") || given("--realtime"))) {
            throw new IllegalArgumentException("--seed and --realtime apply to the simulated traffic, not to --source "
                    + endpoints.source().url());
        }
        if (given("--seconds")) {
            settings = settings.withSeconds(seconds);
        } else if (!endpoints.bounded()) {
            settings = settings.withSeconds(UNTIL_STOPPED_SECONDS);
        }
        if (given("--seed")) {
            settings = settings.withSeed(seed);
        }
        if (given("--realtime")) {
            settings = settings.withRealTime(realTime);
        }
        if (endpoints.simulated()) {
            out.printf(Locale.ROOT, "spikeline run packets: %s on an embedded Flink MiniCluster%s%n",
                    settings.simulated() ? String.format(Locale.ROOT, "%.1f s of simulated traffic", settings.seconds())
                            : settings.captures().size() + " capture file(s)", writes(endpoints));
        } else {
            out.printf(Locale.ROOT, "spikeline run packets: labelled packets from %s%s, %s%n",
                    endpoints.source().url(), writes(endpoints), lasting(endpoints, settings.seconds()));
        }
        out.flush();
        Consumer<PacketsRun.Progress> progress = p -> progress(out, p.score().signalSeconds(), p.decodingSeconds(),
                "accuracy", p.score().currentAccuracy(), p.score().windowSeconds(),
                p.score().classifierLatencyQuantileUs(0.99));
        PacketsSettings chosen = settings;
        return runAndReport(out, endpoints, stop -> PacketsRun.run(chosen, endpoints, stop, progressEvery, progress),
                PacketsRun.Result::endpoints, PacketsReport::new,
                given("--report-dir") ? reportDir : configured.reportDir());
    }

    /** Runs an application with {@link #runAndReport}'s stop signal. */
    @FunctionalInterface
    private interface Run<R> {
        R run(StopSignal stop) throws Exception;
    }

    /**
     * Runs {@code run} and writes its report into {@code reports}, or, when a cluster client only submitted the job,
     * says where it runs. Ctrl-C stops a run on endpoints with a savepoint; the plain embedded run keeps the JVM's
     * own handling.
     */
    private static <R> int runAndReport(PrintWriter out, JobEndpoints endpoints, Run<R> run,
                                        Function<R, Optional<EndpointSummary>> summary,
                                        Function<R, RunReport> report, Path reports) throws Exception {
        try (StopSignal stop = endpoints.any() ? StopSignal.onShutdown() : StopSignal.manual()) {
            R result = run.run(stop);
            Optional<EndpointSummary> onEndpoints = summary.apply(result);
            if (onEndpoints.isPresent() && onEndpoints.get().run().submitted()) {
                return submitted(out, onEndpoints.get());
            }
            RunReport written = report.apply(result);
            return reported(out, written.text(), written.write(reports), reports);
        }
    }

    /** The progress line: signal time, rate versus real time, the current score, latency, and lag if behind. */
    private static void progress(PrintWriter out, double signalSeconds, double decodingSeconds, String metric,
                                 double current, double windowSeconds, long p99Us) {
        double behindSeconds = decodingSeconds - signalSeconds;
        out.printf(Locale.ROOT, "  %6.1f s of signal | %6.1fx real time | %s %s (last %.0f s) | latency p99 %.3f ms%s%n",
                signalSeconds, signalSeconds / decodingSeconds, metric,
                Double.isNaN(current) ? "  -  " : String.format(Locale.ROOT, "%5.2f", current), windowSeconds,
                p99Us / 1e3, behindSeconds > BEHIND_NOTICE_SECONDS ? String.format(Locale.ROOT, " | BEHIND real time "
                        + "by %.1f s (nothing skipped: every batch is decoded)", behindSeconds) : "");
        out.flush();
    }

    private static int reported(PrintWriter out, String text, Path html, Path reports) {
        out.print(text);
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
        if (given("--feedback-wait")) {
            s = s.withFeedbackWaitSeconds(feedbackWait);
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
