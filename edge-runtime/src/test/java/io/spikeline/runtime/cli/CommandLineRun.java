package io.spikeline.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs the spikeline command line in this JVM, as a user would from a shell, and reads figures from its output. */
final class CommandLineRun {
    private CommandLineRun() {}

    /** Runs the command line; returns exit code, standard output and standard error. */
    static String[] run(String... args) {
        CommandLine cli = Spikeline.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /** The number captured by the first group of {@code regex} (multi-line) in {@code text}; fails when absent. */
    static double figure(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("'%s' in%n%s", regex, text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
