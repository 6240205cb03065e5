package io.spikeline.runtime.cli;

import picocli.CommandLine.Command;

/** {@code spikeline design …}: filter designs as Spikeline computes them. */
@Command(name = "design", mixinStandardHelpOptions = true, description = "Print filter designs.",
        subcommands = {BesselCommand.class})
final class DesignCommand {
}
