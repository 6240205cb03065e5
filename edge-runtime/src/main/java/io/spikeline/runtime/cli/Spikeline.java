package io.spikeline.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spikeline} command. */
@Command(name = "spikeline", mixinStandardHelpOptions = true, version = "spikeline 0.1.0",
        description = "Streaming edge processing for sensors and implants: Bessel filtering, spike encoding and "
                + "online-learning spiking networks per key, on Apache Flink.",
        subcommands = {RunCommand.class, ValidateCommand.class, DesignCommand.class, InspectCommand.class, ReplayCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Spikeline {

    /** Builds the command line, with errors in the user's terms rather than stack traces. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Spikeline());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("spikeline: " + e.getMessage()));
            return 2;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
