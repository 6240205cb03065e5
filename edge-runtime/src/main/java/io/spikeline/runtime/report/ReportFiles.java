package io.spikeline.runtime.report;

import io.spikeline.models.metrics.ConfusionMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the applications' reports share: the two files, the HTML page's head, tables and number formatting. */
public final class ReportFiles {
    private ReportFiles() {}

    /**
     * Writes {@code report.txt} and {@code report.html} into {@code folder} (created if needed); returns the HTML path.
     */
    public static Path write(Path folder, String text, String html) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("report.txt"), text, StandardCharsets.UTF_8);
        Path page = folder.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    /** The start of a report page titled {@code title}, with the text summary; the caller appends and closes it. */
    public static StringBuilder htmlHead(String title, String text) {
        return new StringBuilder()
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append(" report</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}pre{background:#f4f4f4;")
                .append("padding:1em}svg{border:1px solid #ccc;margin:0.5em 0}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:0.3em 0.8em;text-align:right}</style></head><body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n<pre>").append(escape(text)).append("</pre>\n");
    }

    /** A confusion matrix as an HTML table: rows the true class, columns the predicted one, named by {@code names}. */
    public static String confusionTable(ConfusionMatrix m, String[] names) {
        StringBuilder t = new StringBuilder("<table>\n<tr><th>true \\ decoded</th>");
        for (int c = 0; c < m.classCount(); c++) {
            t.append("<th>").append(escape(names[c])).append("</th>");
        }
        t.append("<th>recall</th></tr>\n");
        for (int r = 0; r < m.classCount(); r++) {
            t.append("<tr><th>").append(escape(names[r])).append("</th>");
            for (int c = 0; c < m.classCount(); c++) {
                t.append("<td>").append(m.count(r, c)).append("</td>");
            }
            t.append("<td>").append(f("%.3f", m.recall(r))).append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@link String#format} in the root locale, so reports read the same everywhere. */
    public static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
