package io.spikeline.models.filter.design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A rational transfer function in zero-pole-gain form, {@code H(x) = k · Π(x − zᵢ) / Π(x − pᵢ)}, where x is the
 * Laplace variable s of an analog filter or the z of a digital one. Immutable; the frequency transforms and the
 * bilinear transform return new instances, by the formulas of SciPy 1.10.1's {@code lp2lp_zpk}, {@code lp2hp_zpk},
 * {@code lp2bp_zpk}, {@code lp2bs_zpk} and {@code bilinear_zpk}, roots in the same order (see the package
 * documentation).
 *
 * @param zeros the finite zeros
 * @param poles the poles; never fewer than the zeros (a proper transfer function)
 * @param gain the real gain k
 */
public record Zpk(List<Complex> zeros, List<Complex> poles, double gain) {

    public Zpk {
        zeros = List.copyOf(zeros);
        poles = List.copyOf(poles);
        if (zeros.size() > poles.size()) {
            throw new IllegalArgumentException("a proper transfer function needs no more zeros than poles, had "
                    + zeros.size() + " zeros and " + poles.size() + " poles");
        }
        if (!Double.isFinite(gain)) {
            throw new IllegalArgumentException("gain is " + gain);
        }
    }

    /** Poles minus zeros: the number of zeros at infinity. */
    public int relativeDegree() {
        return poles.size() - zeros.size();
    }

    /** {@code H(x)} at a point of the complex plane. */
    public Complex valueAt(Complex x) {
        return productOfDifferences(x, zeros).times(gain).dividedBy(productOfDifferences(x, poles));
    }

    /** Frequency response of an analog filter, {@code H(jω)}. */
    public Complex analogResponse(double omegaRadS) {
        return valueAt(new Complex(0.0, omegaRadS));
    }

    /** Frequency response of a digital filter, {@code H(e^{jθ})} at θ radians per sample. */
    public Complex digitalResponse(double thetaRadPerSample) {
        return valueAt(Complex.unit(thetaRadPerSample));
    }

    /**
     * Group delay of a digital filter at θ radians per sample, in samples: {@code τ(θ) = −dφ/dθ}. With
     * {@code H(e^{jθ}) = k·Π(e^{jθ} − z)/Π(e^{jθ} − p)} each root contributes
     * {@code d/dθ arg(e^{jθ} − r) = Re(e^{jθ} / (e^{jθ} − r))}, so
     * {@code τ = Σ_p Re(e^{jθ}/(e^{jθ} − p)) − Σ_z Re(e^{jθ}/(e^{jθ} − z))}. A zero on the unit circle at θ
     * itself contributes its limit, a constant 1/2 sample, as its phase jumps by π there.
     */
    public double digitalGroupDelaySamples(double thetaRadPerSample) {
        Complex e = Complex.unit(thetaRadPerSample);
        double delay = 0;
        for (Complex p : poles) {
            delay += e.dividedBy(e.minus(p)).re();
        }
        for (Complex z : zeros) {
            Complex d = e.minus(z);
            delay -= d.abs() < 1e-12 ? 0.5 : e.dividedBy(d).re();
        }
        return delay;
    }

    /** Low-pass to low-pass with cutoff ω: {@code s → s/ω}; zeros and poles times ω, gain times {@code ω^d}. */
    public Zpk lowpassToLowpass(double cutoffRadS) {
        return new Zpk(scaled(zeros, cutoffRadS), scaled(poles, cutoffRadS),
                gain * Math.pow(cutoffRadS, relativeDegree()));
    }

    /**
     * Low-pass to high-pass with cutoff ω: {@code s → ω/s}; each root r becomes ω/r, the d zeros at infinity
     * move to the origin and the gain becomes {@code k · Re(Π(−z)/Π(−p))}, keeping the high-frequency gain of
     * the result equal to the DC gain of the original.
     */
    public Zpk lowpassToHighpass(double cutoffRadS) {
        List<Complex> z = inverted(zeros, cutoffRadS);
        z.addAll(Collections.nCopies(relativeDegree(), Complex.ZERO));
        return new Zpk(z, inverted(poles, cutoffRadS), gain * inversionGain());
    }

    /**
     * Low-pass to band-pass with centre ω₀ and bandwidth B: {@code s → (s² + ω₀²)/(s·B)}; each root r splits
     * into {@code r·B/2 ± √((r·B/2)² − ω₀²)} (all '+' roots, then all '−' roots), d zeros go to the origin and
     * the gain becomes {@code k·B^d}.
     */
    public Zpk lowpassToBandpass(double centreRadS, double bandwidthRadS) {
        List<Complex> z = shiftedToBand(scaled(zeros, bandwidthRadS / 2), centreRadS);
        z.addAll(Collections.nCopies(relativeDegree(), Complex.ZERO));
        return new Zpk(z, shiftedToBand(scaled(poles, bandwidthRadS / 2), centreRadS),
                gain * Math.pow(bandwidthRadS, relativeDegree()));
    }

    /**
     * Low-pass to band-stop with centre ω₀ and bandwidth B: {@code s → s·B/(s² + ω₀²)}; each root r becomes
     * {@code h = (B/2)/r}, which splits into {@code h ± √(h² − ω₀²)}; d zeros go to +jω₀ and d to −jω₀, and the
     * gain becomes {@code k · Re(Π(−z)/Π(−p))}.
     */
    public Zpk lowpassToBandstop(double centreRadS, double bandwidthRadS) {
        List<Complex> z = shiftedToBand(inverted(zeros, bandwidthRadS / 2), centreRadS);
        z.addAll(Collections.nCopies(relativeDegree(), new Complex(0.0, centreRadS)));
        z.addAll(Collections.nCopies(relativeDegree(), new Complex(0.0, -centreRadS)));
        return new Zpk(z, shiftedToBand(inverted(poles, bandwidthRadS / 2), centreRadS), gain * inversionGain());
    }

    /**
     * Analog to digital by the bilinear transform at sample rate fs, {@code s = 2·fs·(z − 1)/(z + 1)}: each
     * root r maps to {@code (2fs + r)/(2fs − r)}, the d zeros at infinity map to z = −1 (Nyquist) and the
     * gain becomes {@code k · Re(Π(2fs − z)/Π(2fs − p))}, keeping the gain at DC.
     */
    public Zpk bilinear(double sampleRateHz) {
        double c = 2.0 * sampleRateHz;
        List<Complex> z = bilinearRoots(zeros, c);
        z.addAll(Collections.nCopies(relativeDegree(), Complex.real(-1.0)));
        Complex gainRatio = productOfDifferences(Complex.real(c), zeros)
                .dividedBy(productOfDifferences(Complex.real(c), poles));
        return new Zpk(z, bilinearRoots(poles, c), gain * gainRatio.re());
    }

    /** {@code Π(x − rᵢ)}, in list order. */
    private static Complex productOfDifferences(Complex x, List<Complex> roots) {
        Complex product = Complex.ONE;
        for (Complex r : roots) {
            product = product.times(x.minus(r));
        }
        return product;
    }

    /** {@code Re(Π(−z)/Π(−p))}: the gain factor that an inversion s → ω/s introduces. */
    private double inversionGain() {
        return productOfDifferences(Complex.ZERO, zeros).dividedBy(productOfDifferences(Complex.ZERO, poles)).re();
    }

    private static List<Complex> scaled(List<Complex> roots, double factor) {
        List<Complex> out = new ArrayList<>(roots.size());
        for (Complex r : roots) {
            out.add(r.times(factor));
        }
        return out;
    }

    private static List<Complex> inverted(List<Complex> roots, double numerator) {
        List<Complex> out = new ArrayList<>(roots.size());
        for (Complex r : roots) {
            out.add(r.dividing(numerator));
        }
        return out;
    }

    private static List<Complex> shiftedToBand(List<Complex> roots, double centreRadS) {
        double centreSquared = centreRadS * centreRadS;
        List<Complex> plus = new ArrayList<>(2 * roots.size());
        List<Complex> minus = new ArrayList<>(roots.size());
        for (Complex r : roots) {
            Complex offset = r.squared().minus(centreSquared).sqrt();
            plus.add(r.plus(offset));
            minus.add(r.minus(offset));
        }
        plus.addAll(minus);
        return plus;
    }

    private static List<Complex> bilinearRoots(List<Complex> roots, double c) {
        List<Complex> out = new ArrayList<>(roots.size());
        for (Complex r : roots) {
            out.add(r.plus(c).dividedBy(r.negate().plus(c)));
        }
        return out;
    }
}
