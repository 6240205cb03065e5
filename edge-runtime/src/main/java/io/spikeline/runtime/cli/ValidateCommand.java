package io.spikeline.runtime.cli;

import io.spikeline.runtime.bmi.BmiSettings;
import io.spikeline.runtime.config.BmiConfig;
import io.spikeline.runtime.config.ConfigFile;
import io.spikeline.runtime.config.EegConfig;
import io.spikeline.runtime.config.GestureConfig;
import io.spikeline.runtime.config.PacketsConfig;
import io.spikeline.runtime.eeg.EegSettings;
import io.spikeline.runtime.endpoint.JobEndpoints;
import io.spikeline.runtime.gesture.GestureSettings;
import io.spikeline.runtime.packets.PacketsSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spikeline validate <config>}: checks a pipeline configuration without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a YAML pipeline configuration: every problem is reported with the file, the line and "
                + "what is wrong; a valid file is summarised. The file's app: key (bmi, eeg, gesture or packets) says which application it "
                + "configures. Examples in edge-runtime/examples/.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The configuration file (YAML).")
    Path file;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String summary = switch (ConfigFile.read(file).app()) {
            case "bmi" -> bmi(BmiConfig.read(file));
            case "eeg" -> eeg(EegConfig.read(file));
            case "gesture" -> gesture(GestureConfig.read(file));
            case "packets" -> packets(PacketsConfig.read(file));
            default -> throw new IllegalStateException("no validation for " + file);
        };
        out.println(file + ": " + summary);
        out.flush();
        return 0;
    }

    private static String bmi(BmiConfig config) {
        BmiSettings s = config.settings();
        return String.format(Locale.ROOT, "valid bmi configuration: %s from %d channels, %.1f s of signal, seed %d%s, "
                        + "%s, waiting up to %.1f s for feedback behind the spikes, report into %s",
                s.input() == BmiSettings.Input.BROADBAND ? "broadband (" + s.bandPass() + ")" : "spike counts",
                s.channels(), s.seconds(), s.seed(), paced(s.realTime()),
                Double.isInfinite(s.learnSeconds()) ? "learning throughout"
                        : String.format(Locale.ROOT, "learning for %.1f s", s.learnSeconds()),
                s.feedbackWaitSeconds(), config.reportDir());
    }

    private static String eeg(EegConfig config) {
        EegSettings s = config.settings();
        return String.format(Locale.ROOT, "valid eeg configuration: %s, %.1f s of signal, seed %d%s, band-pass %s, "
                        + "notch %s, encoder %s, report into %s", input(config.endpoints()), s.seconds(), s.seed(),
                paced(s.realTime()), s.bandPass(), s.notch(), s.encoder(), config.reportDir());
    }

    private static String gesture(GestureConfig config) {
        GestureSettings s = config.settings();
        return String.format(Locale.ROOT, "valid gesture configuration: %s, %.1f s of signal, seed %d%s, deciding at "
                        + "confidence %.2f, waiting up to %.1f s for labels, report into %s", input(config.endpoints()),
                s.seconds(), s.seed(), paced(s.realTime()), s.confidenceThreshold(), s.labelWaitSeconds(),
                config.reportDir());
    }

    private static String packets(PacketsConfig config) {
        PacketsSettings s = config.settings();
        String traffic = !s.simulated() ? s.captures().size() + " capture file(s)"
                : String.format(Locale.ROOT, "%s, %.1f s of traffic, seed %d", input(config.endpoints()), s.seconds(),
                        s.seed());
        return String.format(Locale.ROOT, "valid packets configuration: %s%s, %d bytes as %s over %d bins, %d hidden "
                        + "units, report into %s", traffic, paced(s.realTime()), s.byteCount(), s.code(), s.steps(),
                s.hidden(), config.reportDir());
    }

    private static String input(JobEndpoints endpoints) {
        return endpoints.simulated() ? "the simulator" : endpoints.describeInput();
    }

    private static String paced(boolean realTime) {
        return realTime ? ", paced at real time" : "";
    }
}
