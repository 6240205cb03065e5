package io.spikeline.runtime.report;

import java.io.IOException;
import java.nio.file.Path;

/** The report of an application's run: a text summary and the files it is written to. */
public interface RunReport {
    /** The text summary, one figure per line. */
    String text();

    /**
     * Writes {@code report.txt} and {@code report.html} into {@code folder} (created if needed); returns the HTML
     * path.
     */
    Path write(Path folder) throws IOException;
}
