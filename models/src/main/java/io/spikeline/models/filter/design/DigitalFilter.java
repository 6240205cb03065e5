package io.spikeline.models.filter.design;

import io.spikeline.models.filter.SosCoefficients;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable digital filter design: what was asked for (band, order, normalisation, edge frequencies, sample
 * rate) and its two equivalent forms, zero-pole-gain in z and the second-order-section cascade to run.
 */
public final class DigitalFilter {
    private final BandType band;
    private final int order;
    private final BesselNorm norm;
    private final double[] edgesHz;
    private final double sampleRateHz;
    private final Zpk zpk;
    private final SosCoefficients sos;

    DigitalFilter(BandType band, int order, BesselNorm norm, double[] edgesHz, double sampleRateHz, Zpk zpk) {
        this.band = band;
        this.order = order;
        this.norm = norm;
        this.edgesHz = edgesHz.clone();
        this.sampleRateHz = sampleRateHz;
        this.zpk = zpk;
        this.sos = SecondOrderSections.of(zpk);
    }

    public BandType band() {
        return band;
    }

    public int order() {
        return order;
    }

    public BesselNorm norm() {
        return norm;
    }

    /** The cutoff (low- and high-pass) or the low and high band edges, in Hz (a fresh copy). */
    public double[] edgesHz() {
        return edgesHz.clone();
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    /** The transfer function in z: {@code H(z) = k · Π(z − zᵢ) / Π(z − pᵢ)}. */
    public Zpk zpk() {
        return zpk;
    }

    public List<Complex> zeros() {
        return zpk.zeros();
    }

    public List<Complex> poles() {
        return zpk.poles();
    }

    public double gain() {
        return zpk.gain();
    }

    /** The same transfer function as a cascade of second-order sections, paired as SciPy pairs them. */
    public SosCoefficients sos() {
        return sos;
    }

    /**
     * The complex frequency response {@code H(e^{j·2π·f/fs})} of the zero-pole-gain form at f Hz.
     *
     * @throws IllegalArgumentException when the frequency is not finite
     */
    public Complex response(double frequencyHz) {
        if (!Double.isFinite(frequencyHz)) {
            throw new IllegalArgumentException("frequencyHz must be finite, was " + frequencyHz);
        }
        return zpk.digitalResponse(2 * Math.PI * frequencyHz / sampleRateHz);
    }

    /**
     * The group delay at f Hz in seconds: how long the envelope of a narrow-band signal at f is delayed. A
     * Bessel filter keeps it nearly constant across its passband, which is why its output can be realigned by
     * one number.
     */
    public double groupDelaySeconds(double frequencyHz) {
        if (!Double.isFinite(frequencyHz)) {
            throw new IllegalArgumentException("frequencyHz must be finite, was " + frequencyHz);
        }
        return zpk.digitalGroupDelaySamples(2 * Math.PI * frequencyHz / sampleRateHz) / sampleRateHz;
    }

    @Override
    public String toString() {
        return "Bessel " + band.name().toLowerCase() + " order " + order + " norm " + norm.name().toLowerCase()
                + " edges " + Arrays.toString(edgesHz) + " Hz at " + sampleRateHz + " Hz";
    }
}
