package io.spikeline.runtime.cli;

import io.spikeline.runtime.bench.EventsScenario;
import io.spikeline.runtime.bench.LoadSearch;
import io.spikeline.runtime.bench.PacketsScenario;
import io.spikeline.runtime.bench.PipelineTrial;
import io.spikeline.runtime.bench.ProbesScenario;
import io.spikeline.runtime.bench.Scenario;
import io.spikeline.runtime.bench.Soak;
import io.spikeline.runtime.bench.TrialResult;
import io.spikeline.runtime.bench.TrialSettings;
import io.spikeline.runtime.bench.Trend;
import io.spikeline.runtime.bench.Via;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spikeline bench}: the whole pipeline's sustained load and latency, per scenario; or a soak. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure how much load the whole pipeline sustains in real time on this machine, on an embedded "
                + "Flink MiniCluster. The sensor sends at its own rate (paced in wall time); a load is sustained when "
                + "every decoding comes out, the latency p99 stays within --p99-ms and the latency does not keep rising. "
                + "Latency of a decoding = the time it left the decoder minus the time its last input was complete at "
                + "the sensor. The search doubles the load until it is no longer sustained, then bisects.",
            "probes: broadband Neuropixels probes (384 channels at 30 kHz each, 1 ms frames), each its own key: Bessel "
                + "band-pass 300-3000 Hz, threshold crossing at -4.5 sigma, SNN decoder (160 LIF units, LMS velocity "
                + "readout) every 20 ms. Load: probes.",
            "events: a 128x128 event camera at a given events/s (10 ms batches): binning into 1 ms bins of 4x4 cells "
                + "by polarity, SNN classifier every 10 ms. Load: events/s.",
            "packets: simulated gateway traffic at a given packets/s through the packets application (bytes as "
                + "spike patterns, STDP feature layer, online classifier per packet, vote per flow). Load: packets/s.",
            "One line per trial (the first of each search primes the JVM and is not judged), then one line per "
                + "scenario. With --soak: the probes pipeline at --probes for "
                + "--minutes, a line per --interval (heap after GC, checkpointed state, latency p99) and a verdict."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:measured (soak: flat)", "1:soak: heap, state or latency growing",
            "2:bad arguments or a failed run"})
final class BenchCommand implements Callable<Integer> {

    /** The scenarios. */
    enum Name { probes, events, packets }

    /** The ways in. */
    enum Way { inprocess, kafka }

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", split = ",", paramLabel = "NAME",
            description = "Scenarios to run, ${COMPLETION-CANDIDATES}, comma-separated or repeated (default: all).")
    List<Name> scenarios;

    @Option(names = "--via", defaultValue = "inprocess", paramLabel = "WAY",
            description = "How records reach the pipeline: inprocess (from the source task) or kafka (written to and "
                    + "read back from a topic per trial on --bootstrap) (default: ${DEFAULT-VALUE}).")
    Way via;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka brokers for --via kafka.")
    String bootstrap;

    @Option(names = "--seconds", defaultValue = "8", paramLabel = "S",
            description = "Sensor time each trial sends, s (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "S",
            description = "Sensor time at the start of each trial not measured (counted only), s "
                    + "(default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--p99-ms", defaultValue = "50", paramLabel = "MS",
            description = "Latency p99 bound of a sustained load, ms (default: ${DEFAULT-VALUE}).")
    double p99Ms;

    @Option(names = "--start", paramLabel = "LOAD",
            description = "First load of the search, with one --scenario (default: probes 1, events 100000, "
                    + "packets 1000).")
    Long start;

    @Option(names = "--max", paramLabel = "LOAD",
            description = "Highest load of the search, with one --scenario (default: probes 1024, events 50000000, "
                    + "packets 1000000).")
    Long max;

    @Option(names = "--at", paramLabel = "LOAD", description = "Run one trial at this load instead of searching, "
            + "with one --scenario.")
    Long at;

    @Option(names = "--parallelism", defaultValue = "1", paramLabel = "P",
            description = "Parallelism of the pipeline's operators (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--channels", defaultValue = "" + ProbesScenario.NEUROPIXELS_CHANNELS, paramLabel = "N",
            description = "probes: channels per probe (default: ${DEFAULT-VALUE}, a Neuropixels probe).")
    int channels;

    @Option(names = "--soak", description = "Soak instead of search: the probes pipeline at --probes for --minutes.")
    boolean soak;

    @Option(names = "--minutes", defaultValue = "3", paramLabel = "M",
            description = "Soak: length of the run, min (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--probes", defaultValue = "1", paramLabel = "N",
            description = "Soak: probes sent, the nominal load (default: ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--interval", defaultValue = "15", paramLabel = "S",
            description = "Soak: wall seconds per sample line (default: ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--checkpoint-every", defaultValue = "5", paramLabel = "S",
            description = "Soak: checkpoint interval, s (default: ${DEFAULT-VALUE}).")
    double checkpointSeconds;

    @Option(names = "--tolerance", defaultValue = "0.2", paramLabel = "F",
            description = "Soak: a series grows when its fitted (Theil-Sen) line rises by more than this fraction of "
                    + "its median over the run (and by more than 16 MB heap, 16 KB state, 5 ms p99) (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    public Integer call() throws Exception {
        TrialSettings settings = new TrialSettings(seconds, warmup, p99Ms, parallelism, way());
        PrintWriter out = spec.commandLine().getOut();
        ProbesScenario probeScenario = new ProbesScenario(channels, 1);
        if (soak) {
            return soak(probeScenario, settings, out);
        }
        List<Scenario<?>> chosen = new ArrayList<>();
        for (Name name : scenarios == null ? EnumSet.allOf(Name.class) : EnumSet.copyOf(scenarios)) {
            chosen.add(switch (name) {
                case probes -> probeScenario;
                case events -> new EventsScenario(1);
                case packets -> new PacketsScenario(1);
            });
        }
        if ((start != null || max != null || at != null) && chosen.size() != 1) {
            throw new IllegalArgumentException("--start, --max and --at need exactly one --scenario (loads differ in "
                    + "unit between scenarios)");
        }
        out.printf(Locale.ROOT, "spikeline bench: %s, %s s trials (%s s warm-up), p99 bound %s ms, parallelism %d; %s%n",
                settings.via(), figure(seconds), figure(warmup), figure(p99Ms), parallelism, machine());
        out.flush();
        List<String> summaries = new ArrayList<>();
        for (Scenario<?> scenario : chosen) {
            summaries.add(at != null ? single(scenario, at, settings, out) : search(scenario, settings, out));
        }
        summaries.forEach(out::println);
        out.println("machine at the end: " + machine());
        out.flush();
        return 0;
    }

    /** What the figures depend on besides the pipeline: processors, and how busy the machine is with other work. */
    private static String machine() {
        return String.format(Locale.ROOT, "%d processors, load average %.1f", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private Via way() {
        if (via == Way.kafka) {
            if (bootstrap == null) {
                throw new IllegalArgumentException("--via kafka needs --bootstrap host:port");
            }
            return new Via.Kafka(bootstrap);
        }
        if (bootstrap != null) {
            throw new IllegalArgumentException("--bootstrap is for --via kafka");
        }
        return new Via.InProcess();
    }

    private String single(Scenario<?> scenario, long load, TrialSettings settings, PrintWriter out) throws Exception {
        TrialResult result = PipelineTrial.run(scenario, load, settings);
        printTrial(scenario, result, verdict(result, settings), out);
        return scenario.name() + " via " + settings.via() + ": " + load + " " + scenario.loadUnit() + " "
                + (result.sustained(settings.p99BoundMs()) ? "sustained" : "not sustained") + ", "
                + throughput(scenario, result) + ", " + result.latencyText();
    }

    /**
     * Searches the scenario's loads, after one trial at the start load that is printed but not judged: the first run
     * of a pipeline in this JVM also compiles it, and a search that judged it could stop at its first load.
     */
    private String search(Scenario<?> scenario, TrialSettings settings, PrintWriter out) throws Exception {
        LoadSearch.Range range = scenario.searchRange();
        if (start != null) {
            range = range.withStart(start);
        }
        if (max != null) {
            range = range.withMax(max);
        }
        TrialResult priming = PipelineTrial.run(scenario, range.start(), settings);
        printTrial(scenario, priming, "priming", out);
        LoadSearch.Outcome<TrialResult> found = PipelineTrial.search(scenario, range, settings,
                result -> printTrial(scenario, result, verdict(result, settings), out));
        String head = scenario.name() + " via " + settings.via() + ": ";
        if (found.best() == null) {
            TrialResult lowest = found.steps().get(found.steps().size() - 1).result();
            return head + "no load sustained; at the lowest, " + lowest.load() + " " + scenario.loadUnit() + ": "
                    + verdict(lowest, settings) + ", " + throughput(scenario, lowest) + ", " + lowest.latencyText()
                    + String.format(Locale.ROOT, ", %.2f cores busy", lowest.coresBusy());
        }
        TrialResult best = found.best();
        return head + (found.highest() == range.max() ? "at least " : "max ") + found.highest() + " "
                + scenario.loadUnit() + " in real time, " + throughput(scenario, best) + ", " + best.latencyText()
                + String.format(Locale.ROOT, ", %.2f cores busy", best.coresBusy());
    }

    private static void printTrial(Scenario<?> scenario, TrialResult r, String verdict, PrintWriter out) {
        out.printf(Locale.ROOT, "  %-8s %10d %-10s %-13s %s, %s, latency rise %+.1f ms, %.2f cores busy, "
                + "%d/%d decodings%n", scenario.name(), r.load(), scenario.loadUnit(), verdict, throughput(scenario, r),
                r.latencyText(), r.growthMs(), r.coresBusy(), r.decodings(), r.expectedDecodings());
        out.flush();
    }

    private static String verdict(TrialResult r, TrialSettings settings) {
        if (r.sustained(settings.p99BoundMs())) {
            return "sustained";
        }
        if (r.stoppedEarly()) {
            return "fell behind";
        }
        if (!r.complete()) {
            return "incomplete";
        }
        return r.p99Ms() > settings.p99BoundMs() ? "p99 too high" : "lag rising";
    }

    private static String throughput(Scenario<?> scenario, TrialResult r) {
        return si(r.throughput()) + " " + scenario.throughputUnit();
    }

    private int soak(ProbesScenario scenario, TrialSettings settings, PrintWriter out) throws Exception {
        Soak.Settings soakSettings = new Soak.Settings(probes, minutes, intervalSeconds, checkpointSeconds, tolerance);
        out.printf(Locale.ROOT, "spikeline bench --soak: %d probes of %d channels via %s for %s min, a sample every %s s,"
                + " checkpoints every %s s%n", probes, channels, settings.via(), figure(minutes),
                figure(intervalSeconds), figure(checkpointSeconds));
        out.flush();
        List<Soak.Sample> samples = Soak.run(scenario, soakSettings, settings, s -> {
            out.printf(Locale.ROOT, "  soak %6.0f s  heap %7.1f MB | state %8.1f KB | latency p99 %6.1f ms | %d decodings%n",
                    s.atSeconds(), s.heapBytes() / 1048576.0, s.stateBytes() / 1024.0, s.p99Ms(), s.decodings());
            out.flush();
        });
        Soak.Verdict verdict = Soak.judge(samples, tolerance);
        out.println("soak trend over the " + (samples.size() - 1) + " intervals after the first: heap "
                + trend(verdict.heap(), 1048576.0, "MB", verdict.heapGrowing()) + ", state "
                + trend(verdict.state(), 1024.0, "KB", verdict.stateGrowing()) + ", latency p99 "
                + trend(verdict.p99(), 1, "ms", verdict.p99Growing()));
        out.println("soak verdict: " + (verdict.growing() ? "GROWING" : "flat"));
        out.flush();
        return verdict.growing() ? 1 : 0;
    }

    private static String trend(Trend t, double scale, String unit, boolean growing) {
        return String.format(Locale.ROOT, "%+.2f %s over the run (median %.2f %s, %s)", t.growth() / scale, unit,
                t.level() / scale, unit, growing ? "growing" : "flat");
    }

    private static String figure(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A rate with an SI prefix: "57.60 M", "812.3". */
    private static String si(double v) {
        if (v >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.2f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
