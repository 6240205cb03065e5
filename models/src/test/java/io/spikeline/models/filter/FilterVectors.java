package io.spikeline.models.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeline.models.testing.SharedFiles;
import java.util.ArrayList;
import java.util.List;

/** The SciPy filtering vectors of {@code bessel_filtering.json} and helpers to compare against them. */
final class FilterVectors {
    private static final JsonNode ROOT = SharedFiles.readTestVectors("bessel_filtering.json");

    private FilterVectors() {}

    /** One design of the file with its input and SciPy's outputs. */
    record Case(String name, SosCoefficients sos, double[] input, double[] otherInput, JsonNode node) {
        double[] expected(String... path) {
            JsonNode n = node;
            for (String field : path) {
                n = n.get(field);
            }
            return SharedFiles.doubles(n);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : ROOT.get("cases")) {
            String input = c.get("input").asText();
            String other = input.equals("x30k") ? "x1k" : "x30k";
            cases.add(new Case(c.get("name").asText(), SosCoefficients.of(rows(c.get("sos"))),
                    SharedFiles.doubles(ROOT.get("inputs").get(input)),
                    SharedFiles.doubles(ROOT.get("inputs").get(other)), c));
        }
        return cases;
    }

    static Case bandPass30k() {
        return cases().get(0);
    }

    static double[][] rows(JsonNode sos) {
        double[][] rows = new double[sos.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = SharedFiles.doubles(sos.get(i));
        }
        return rows;
    }

    /** Each value within {@code relative} × max |expected| of the expected one. */
    static void assertClose(double[] actual, double[] expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        double tolerance = relative * maxAbs(expected);
        for (int i = 0; i < actual.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                throw new AssertionError("sample " + i + ": " + actual[i] + " differs from " + expected[i]
                        + " by more than " + tolerance);
            }
        }
    }

    /**
     * Float results of exact float inputs: the double-state computation is within 1e-9 × max|y| of SciPy's
     * float64 result, so rounding it once to float leaves at most one float ulp of the reference (half an
     * ulp from rounding, the rest covering references that sit near a rounding boundary).
     */
    static void assertWithinFloatRounding(float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        double slack = 1e-9 * maxAbs(expected);
        for (int i = 0; i < actual.length; i++) {
            double tolerance = Math.ulp((float) expected[i]) + slack;
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                throw new AssertionError("sample " + i + ": " + actual[i] + " differs from " + expected[i]
                        + " by more than " + tolerance);
            }
        }
    }

    static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    static double[] scaled(double[] values, double scale) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * scale;
        }
        return out;
    }

    static double[] interleave(double[]... channels) {
        int samples = channels[0].length;
        double[] out = new double[samples * channels.length];
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels.length; c++) {
                out[s * channels.length + c] = channels[c][s];
            }
        }
        return out;
    }

    static double[] channel(double[] interleaved, int channel, int channelCount) {
        double[] out = new double[interleaved.length / channelCount];
        for (int s = 0; s < out.length; s++) {
            out[s] = interleaved[s * channelCount + channel];
        }
        return out;
    }

    static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
