package io.spikeline.runtime.cli;

import io.spikeline.runtime.bmi.BmiSettings;
import io.spikeline.runtime.config.BmiConfig;
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
                + "what is wrong; a valid file is summarised. Examples in edge-runtime/examples/.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The configuration file (YAML).")
    Path file;

    @Override
    public Integer call() throws Exception {
        BmiConfig config = BmiConfig.read(file);
        BmiSettings s = config.settings();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: valid bmi configuration: %s from %d channels, %.1f s of signal, seed %d%s, "
                        + "%s, report into %s%n", file,
                s.input() == BmiSettings.Input.BROADBAND ? "broadband (" + s.bandPass() + ")" : "spike counts",
                s.channels(), s.seconds(), s.seed(), s.realTime() ? ", paced at real time" : "",
                Double.isInfinite(s.learnSeconds()) ? "learning throughout"
                        : String.format(Locale.ROOT, "learning for %.1f s", s.learnSeconds()),
                config.reportDir());
        out.flush();
        return 0;
    }
}
