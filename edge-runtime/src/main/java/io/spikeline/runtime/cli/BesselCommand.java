package io.spikeline.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselDesign;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.filter.design.Complex;
import io.spikeline.models.filter.design.DigitalFilter;
import io.spikeline.models.filter.design.Zpk;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spikeline design bessel}: a Bessel design with SciPy's argument meanings
 * ({@code scipy.signal.bessel(N, Wn, btype, analog, output, norm, fs)}).
 */
@Command(name = "bessel", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print a Bessel filter design: second-order sections, zeros/poles/gain, group delay and the "
            + "response at chosen frequencies. Arguments mean what they mean to scipy.signal.bessel.",
            "Example: spikeline design bessel -N 4 --Wn 300 3000 --btype bandpass --fs 30000"})
final class BesselCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-N", "--order"}, required = true, description = "Filter order, 1..10 (band filters get 2N poles).")
    int order;

    @Option(names = "--Wn", arity = "1..2", required = true, description = "Critical frequency, or low and high edges for "
            + "band filters: Hz with --fs, rad/s with --analog.")
    double[] wn;

    @Option(names = "--btype", defaultValue = "lowpass", description = "lowpass, highpass, bandpass or bandstop "
            + "(default: ${DEFAULT-VALUE}).")
    String btype;

    @Option(names = "--norm", defaultValue = "phase", description = "phase, delay or mag (default: ${DEFAULT-VALUE}): "
            + "phase matches Butterworth's asymptotes, delay gives 1/Wn s of delay at DC, mag puts -3 dB at Wn.")
    String norm;

    @Option(names = "--fs", description = "Sample rate in Hz of a digital design (required unless --analog).")
    Double fs;

    @Option(names = "--analog", description = "Design the analog filter (zeros, poles, gain; Wn in rad/s).")
    boolean analog;

    @Option(names = "--at", split = ",", description = "Frequencies at which to print the response (Hz, rad/s with "
            + "--analog); default: ten log-spaced points up to Nyquist.")
    double[] at;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BandType band = parse(BandType.class, btype, "--btype");
        BesselNorm normalisation = parse(BesselNorm.class, norm, "--norm");
        if (wn.length != band.edgeCount()) {
            throw new IllegalArgumentException("--btype " + btype + " takes " + band.edgeCount() + " value(s) of --Wn, got "
                    + wn.length);
        }
        if (!analog && fs == null) {
            throw new IllegalArgumentException("a digital design needs --fs (the sample rate in Hz); use --analog for "
                    + "an analog one");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("btype", btype);
        out.put("order", order);
        out.put("norm", norm);
        out.put("Wn", wn);
        PrintWriter w = spec.commandLine().getOut();
        if (analog) {
            Zpk zpk = BesselDesign.analog(band, order, wn, normalisation);
            double[] frequencies = at != null ? at : logGrid(wn[0] / 100, wn[wn.length - 1] * 100);
            out.put("analog", true);
            putZpk(out, zpk);
            List<Map<String, Object>> response = new ArrayList<>();
            for (double f : frequencies) {
                response.add(point(f, zpk.analogResponse(f), Double.NaN));
            }
            out.put("response", response);
        } else {
            DigitalFilter filter = BesselDesign.digital(band, order, wn, fs, normalisation);
            double[] frequencies = at != null ? at : logGrid(Math.min(1, fs / 1000), fs / 2 * 0.999);
            out.put("fs", fs);
            out.put("sos", filter.sos().toArray());
            putZpk(out, filter.zpk());
            double centre = band == BandType.BANDPASS ? Math.sqrt(wn[0] * wn[1]) : band == BandType.HIGHPASS
                    ? Math.min(fs / 2 * 0.9, 2 * wn[0]) : 0;
            out.put("groupDelayFrequencyHz", centre);
            out.put("groupDelaySeconds", filter.groupDelaySeconds(centre));
            List<Map<String, Object>> response = new ArrayList<>();
            for (double f : frequencies) {
                response.add(point(f, filter.response(f), filter.groupDelaySeconds(f)));
            }
            out.put("response", response);
        }
        if (json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } else {
            printText(w, out, analog);
        }
        w.flush();
        return 0;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(option + " must be one of " + names + ", was '" + value + "'");
    }

    private static double[] logGrid(double from, double to) {
        double[] grid = new double[10];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = from * Math.pow(to / from, i / (grid.length - 1.0));
        }
        return grid;
    }

    private static void putZpk(Map<String, Object> out, Zpk zpk) {
        out.put("zeros", pairs(zpk.zeros()));
        out.put("poles", pairs(zpk.poles()));
        out.put("gain", zpk.gain());
    }

    private static List<double[]> pairs(List<Complex> values) {
        List<double[]> out = new ArrayList<>();
        for (Complex c : values) {
            out.add(new double[] {c.re(), c.im()});
        }
        return out;
    }

    private static Map<String, Object> point(double f, Complex h, double groupDelaySeconds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("frequency", f);
        p.put("magnitudeDb", 20 * Math.log10(h.abs()));
        p.put("phaseDegrees", Math.toDegrees(h.arg()));
        if (!Double.isNaN(groupDelaySeconds)) {
            p.put("groupDelaySeconds", groupDelaySeconds);
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter w, Map<String, Object> out, boolean analog) {
        w.printf(Locale.ROOT, "Bessel %s, order %d, norm %s, Wn %s %s%s%n", out.get("btype"), out.get("order"),
                out.get("norm"), Arrays.toString((double[]) out.get("Wn")), analog ? "rad/s" : "Hz",
                analog ? " (analog)" : String.format(Locale.ROOT, ", fs %s Hz", out.get("fs")));
        if (!analog) {
            w.println("second-order sections [b0 b1 b2 a0 a1 a2]:");
            double[][] sos = (double[][]) out.get("sos");
            for (int s = 0; s < sos.length; s++) {
                w.printf(Locale.ROOT, "  %d: %s%n", s, joined(sos[s]));
            }
        }
        w.println("zeros:");
        for (double[] z : (List<double[]>) out.get("zeros")) {
            w.printf(Locale.ROOT, "  %.17g %+.17gj%n", z[0], z[1]);
        }
        w.println("poles:");
        for (double[] p : (List<double[]>) out.get("poles")) {
            w.printf(Locale.ROOT, "  %.17g %+.17gj%n", p[0], p[1]);
        }
        w.printf(Locale.ROOT, "gain: %.17g%n", (Double) out.get("gain"));
        if (!analog) {
            w.printf(Locale.ROOT, "group delay at %.4g Hz: %.6g ms%n", (Double) out.get("groupDelayFrequencyHz"),
                    1000 * (Double) out.get("groupDelaySeconds"));
        }
        w.printf(Locale.ROOT, "%14s %12s %12s%s%n", analog ? "omega (rad/s)" : "f (Hz)", "|H| (dB)", "phase (deg)",
                analog ? "" : String.format(Locale.ROOT, " %14s", "delay (ms)"));
        for (Map<String, Object> p : (List<Map<String, Object>>) out.get("response")) {
            w.printf(Locale.ROOT, "%14.6g %12.4f %12.4f%s%n", (Double) p.get("frequency"), (Double) p.get("magnitudeDb"),
                    (Double) p.get("phaseDegrees"), analog ? "" : String.format(Locale.ROOT, " %14.6g",
                            1000 * (Double) p.get("groupDelaySeconds")));
        }
    }

    private static String joined(double[] row) {
        StringBuilder sb = new StringBuilder();
        for (double v : row) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.17g", v));
        }
        return sb.toString();
    }
}
