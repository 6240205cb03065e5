package io.spikeline.models.filter.design;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Bessel filter design, digital (frequencies in Hz at a sample rate) and analog (angular frequencies in rad/s),
 * equal to SciPy 1.10.1's {@code scipy.signal.bessel}. The chain (see the package documentation): analog
 * prototype → frequency transform → (digital only) bilinear transform with pre-warped edges → second-order
 * sections.
 */
public final class BesselDesign {
    /** The highest order designed. */
    public static final int MAX_ORDER = BesselPrototype.MAX_ORDER;
    /**
     * The sample rate at which digital designs are carried out, as in SciPy: edges are normalised to the
     * Nyquist frequency first, so the analog intermediate keeps frequencies of order 1 at any sample rate.
     */
    private static final double NORMALISED_SAMPLE_RATE = 2.0;

    private BesselDesign() {}

    /** The analog low-pass prototype with cutoff 1 rad/s: no zeros, N poles, gain k. */
    public static Zpk analogPrototype(int order, BesselNorm norm) {
        return BesselPrototype.of(order, Objects.requireNonNull(norm, "norm"));
    }

    public static Zpk analogLowpass(int order, double cutoffRadS, BesselNorm norm) {
        return analog(BandType.LOWPASS, order, new double[] {cutoffRadS}, norm);
    }

    public static Zpk analogHighpass(int order, double cutoffRadS, BesselNorm norm) {
        return analog(BandType.HIGHPASS, order, new double[] {cutoffRadS}, norm);
    }

    /** Band-pass between lowRadS and highRadS: centre {@code √(low·high)}, bandwidth {@code high − low}. */
    public static Zpk analogBandpass(int order, double lowRadS, double highRadS, BesselNorm norm) {
        return analog(BandType.BANDPASS, order, new double[] {lowRadS, highRadS}, norm);
    }

    /** Band-stop between lowRadS and highRadS: centre {@code √(low·high)}, bandwidth {@code high − low}. */
    public static Zpk analogBandstop(int order, double lowRadS, double highRadS, BesselNorm norm) {
        return analog(BandType.BANDSTOP, order, new double[] {lowRadS, highRadS}, norm);
    }

    /**
     * An analog design of any band type.
     *
     * @param edgesRadS the cutoff (low- and high-pass) or the low and high band edges, in rad/s
     * @throws IllegalArgumentException for an order outside 1..{@value #MAX_ORDER}, a wrong number of edges, an
     *     edge that is not positive and finite, or band edges not in increasing order
     */
    public static Zpk analog(BandType band, int order, double[] edgesRadS, BesselNorm norm) {
        BesselPrototype.checkOrder(order);
        checkEdges(band, edgesRadS, "rad/s");
        return transform(BesselPrototype.of(order, Objects.requireNonNull(norm, "norm")), band, edgesRadS);
    }

    public static DigitalFilter lowpass(int order, double cutoffHz, double sampleRateHz, BesselNorm norm) {
        return digital(BandType.LOWPASS, order, new double[] {cutoffHz}, sampleRateHz, norm);
    }

    public static DigitalFilter highpass(int order, double cutoffHz, double sampleRateHz, BesselNorm norm) {
        return digital(BandType.HIGHPASS, order, new double[] {cutoffHz}, sampleRateHz, norm);
    }

    /** Band-pass of order 2·order (order poles per band edge). */
    public static DigitalFilter bandpass(int order, double lowHz, double highHz, double sampleRateHz,
            BesselNorm norm) {
        return digital(BandType.BANDPASS, order, new double[] {lowHz, highHz}, sampleRateHz, norm);
    }

    /** Band-stop of order 2·order (order poles per band edge). */
    public static DigitalFilter bandstop(int order, double lowHz, double highHz, double sampleRateHz,
            BesselNorm norm) {
        return digital(BandType.BANDSTOP, order, new double[] {lowHz, highHz}, sampleRateHz, norm);
    }

    /**
     * A digital design of any band type. Each edge f is pre-warped, {@code ω = 2·fs'·tan(π·f/fs)} with the
     * normalised rate fs' = 2, so that the bilinear transform at fs' puts it back exactly at f.
     *
     * @param edgesHz the cutoff (low- and high-pass) or the low and high band edges, in Hz
     * @throws IllegalArgumentException for an order outside 1..{@value #MAX_ORDER}, a sample rate that is not
     *     positive and finite, a wrong number of edges, an edge that is not positive, finite and below the
     *     Nyquist frequency, or band edges not in increasing order
     */
    public static DigitalFilter digital(BandType band, int order, double[] edgesHz, double sampleRateHz,
            BesselNorm norm) {
        BesselPrototype.checkOrder(order);
        Objects.requireNonNull(norm, "norm");
        if (!(sampleRateHz > 0) || !Double.isFinite(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate " + format(sampleRateHz)
                    + " Hz must be positive and finite");
        }
        checkEdges(band, edgesHz, "Hz");
        double nyquistHz = sampleRateHz / 2;
        double[] warped = new double[edgesHz.length];
        for (int i = 0; i < edgesHz.length; i++) {
            if (edgesHz[i] >= nyquistHz) {
                throw new IllegalArgumentException(edgeName(band, i) + " " + format(edgesHz[i])
                        + " Hz is at or above the Nyquist frequency " + format(nyquistHz) + " Hz");
            }
            double normalised = 2 * edgesHz[i] / sampleRateHz;
            warped[i] = 2 * NORMALISED_SAMPLE_RATE * Math.tan(Math.PI * normalised / NORMALISED_SAMPLE_RATE);
        }
        Zpk analog = transform(BesselPrototype.of(order, norm), band, warped);
        return new DigitalFilter(band, order, norm, edgesHz, sampleRateHz, analog.bilinear(NORMALISED_SAMPLE_RATE));
    }

    private static Zpk transform(Zpk prototype, BandType band, double[] edges) {
        return switch (band) {
            case LOWPASS -> prototype.lowpassToLowpass(edges[0]);
            case HIGHPASS -> prototype.lowpassToHighpass(edges[0]);
            case BANDPASS -> prototype.lowpassToBandpass(Math.sqrt(edges[0] * edges[1]), edges[1] - edges[0]);
            case BANDSTOP -> prototype.lowpassToBandstop(Math.sqrt(edges[0] * edges[1]), edges[1] - edges[0]);
        };
    }

    private static void checkEdges(BandType band, double[] edges, String unit) {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(edges, "edges");
        if (edges.length != band.edgeCount()) {
            throw new IllegalArgumentException("a " + band.name().toLowerCase() + " filter needs "
                    + band.edgeCount() + " edge frequencies, had " + edges.length);
        }
        for (int i = 0; i < edges.length; i++) {
            if (!(edges[i] > 0) || !Double.isFinite(edges[i])) {
                throw new IllegalArgumentException(edgeName(band, i) + " " + format(edges[i]) + " " + unit
                        + " must be positive and finite");
            }
        }
        if (edges.length == 2 && !(edges[0] < edges[1])) {
            throw new IllegalArgumentException("low edge " + format(edges[0]) + " " + unit
                    + " must be below the high edge " + format(edges[1]) + " " + unit);
        }
    }

    private static String edgeName(BandType band, int index) {
        return band.edgeCount() == 1 ? "cutoff" : index == 0 ? "low edge" : "high edge";
    }

    /** A frequency as people write it: 16000 rather than 16000.0. */
    private static String format(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }
}
