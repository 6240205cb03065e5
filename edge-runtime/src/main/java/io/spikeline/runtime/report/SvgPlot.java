package io.spikeline.runtime.report;

import java.util.Locale;

/** Small self-contained SVG charts for the run reports. */
public final class SvgPlot {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final int TOP = 20;
    private static final int RIGHT = 110;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c"};

    private SvgPlot() {}

    /** Line chart of each {@code series[k]} against {@code x}, with a legend of {@code names}. */
    public static String lines(String xLabel, String yLabel, double[] x, double[][] series, String[] names) {
        double xMin = min(x);
        double xMax = max(x);
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double[] s : series) {
            yMin = Math.min(yMin, min(s));
            yMax = Math.max(yMax, max(s));
        }
        StringBuilder svg = frame(xLabel, yLabel, xMin, xMax, yMin, yMax);
        for (int k = 0; k < series.length; k++) {
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(COLOURS[k % COLOURS.length])
                    .append("\" points=\"");
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(series[k][i])) {
                    svg.append(f("%.1f,%.1f ", px(x[i], xMin, xMax), py(series[k][i], yMin, yMax)));
                }
            }
            svg.append("\"/>\n");
            svg.append(f("<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", WIDTH - RIGHT + 10, TOP + 15 + 18 * k,
                    COLOURS[k % COLOURS.length], names[k]));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Histogram of {@code values} in 40 bins over [0, upTo]; larger values are counted in the last bin. */
    public static String histogram(String xLabel, String yLabel, long[] values, long upTo) {
        int bins = 40;
        double width = Math.max(1, upTo) / (double) bins;
        long[] counts = new long[bins];
        for (long v : values) {
            counts[(int) Math.min(bins - 1, Math.max(0, v / width))]++;
        }
        long top = 1;
        for (long c : counts) {
            top = Math.max(top, c);
        }
        StringBuilder svg = frame(xLabel, yLabel, 0, bins * width, 0, top);
        for (int b = 0; b < bins; b++) {
            double x0 = px(b * width, 0, bins * width);
            double x1 = px((b + 1) * width, 0, bins * width);
            double y = py(counts[b], 0, top);
            svg.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", x0, y,
                    Math.max(0.5, x1 - x0 - 1), HEIGHT - BOTTOM - y, COLOURS[0]));
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder frame(String xLabel, String yLabel, double xMin, double xMax, double yMin,
                                       double yMax) {
        StringBuilder svg = new StringBuilder(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-size=\"12\">\n", WIDTH, HEIGHT));
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = HEIGHT - BOTTOM;
        svg.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", x0, y0, x1, y0));
        svg.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", x0, TOP, x0, y0));
        svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", (x0 + x1) / 2, HEIGHT - 5, xLabel));
        svg.append(f("<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>\n",
                (TOP + y0) / 2, (TOP + y0) / 2, yLabel));
        svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x0, y0 + 15, tick(xMin)));
        svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x1, y0 + 15, tick(xMax)));
        svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", x0 - 4, y0, tick(yMin)));
        svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", x0 - 4, TOP + 10, tick(yMax)));
        if (yMin < 0 && yMax > 0) {
            double zero = py(0, yMin, yMax);
            svg.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#aaa\" stroke-dasharray=\"4\"/>\n",
                    x0, zero, x1, zero));
        }
        return svg;
    }

    private static double px(double x, double min, double max) {
        return LEFT + (max > min ? (x - min) / (max - min) : 0.5) * (WIDTH - LEFT - RIGHT);
    }

    private static double py(double y, double min, double max) {
        return HEIGHT - BOTTOM - (max > min ? (y - min) / (max - min) : 0.5) * (HEIGHT - BOTTOM - TOP);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                m = Math.min(m, d);
            }
        }
        return Double.isInfinite(m) ? 0 : m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                m = Math.max(m, d);
            }
        }
        return Double.isInfinite(m) ? 1 : m;
    }

    private static String tick(double v) {
        return Math.abs(v) >= 1000 ? f("%.0f", v) : f("%.3g", v);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
