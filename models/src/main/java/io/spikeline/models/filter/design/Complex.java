package io.spikeline.models.filter.design;

/**
 * An immutable complex number {@code re + j·im} in double precision, with the few operations filter design
 * needs. Division uses Smith's scaling so that quotients of large or small magnitudes do not overflow;
 * {@link #sqrt()} is the principal root (branch cut on the negative real axis, sign of a zero imaginary part
 * respected, as C99 {@code csqrt}).
 */
public record Complex(double re, double im) {
    public static final Complex ZERO = new Complex(0.0, 0.0);
    public static final Complex ONE = new Complex(1.0, 0.0);

    public static Complex real(double re) {
        return new Complex(re, 0.0);
    }

    /** {@code e^{jθ}}, the point of the unit circle at angle θ radians. */
    public static Complex unit(double thetaRad) {
        return new Complex(Math.cos(thetaRad), Math.sin(thetaRad));
    }

    /** True when the imaginary part is exactly zero (either sign). */
    public boolean isReal() {
        return im == 0.0;
    }

    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex plus(double x) {
        return new Complex(re + x, im);
    }

    public Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex minus(double x) {
        return new Complex(re - x, im);
    }

    public Complex negate() {
        return new Complex(-re, -im);
    }

    public Complex conjugate() {
        return new Complex(re, -im);
    }

    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex times(double x) {
        return new Complex(re * x, im * x);
    }

    public Complex dividedBy(double x) {
        return new Complex(re / x, im / x);
    }

    public Complex dividedBy(Complex o) {
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            double ratio = o.im / o.re;
            double denominator = o.re + o.im * ratio;
            return new Complex((re + im * ratio) / denominator, (im - re * ratio) / denominator);
        }
        double ratio = o.re / o.im;
        double denominator = o.re * ratio + o.im;
        return new Complex((re * ratio + im) / denominator, (im * ratio - re) / denominator);
    }

    /** {@code 1 / this}. */
    public Complex reciprocal() {
        return ONE.dividedBy(this);
    }

    /** {@code x / this} for a real x. */
    public Complex dividing(double x) {
        return real(x).dividedBy(this);
    }

    public Complex squared() {
        return times(this);
    }

    /** Modulus {@code |z|}, without intermediate overflow. */
    public double abs() {
        return Math.hypot(re, im);
    }

    /** The argument (phase angle) in (−π, π]. */
    public double arg() {
        return Math.atan2(im, re);
    }

    /** The principal square root: non-negative real part, imaginary part with the sign of {@code im}. */
    public Complex sqrt() {
        if (re == 0.0 && im == 0.0) {
            return new Complex(0.0, im);
        }
        double t = Math.sqrt((Math.abs(re) + abs()) / 2.0);
        if (re >= 0.0) {
            return new Complex(t, im / (2.0 * t));
        }
        return new Complex(Math.abs(im) / (2.0 * t), Math.copySign(t, im));
    }

    /**
     * Numeric equality of both parts: {@code 0.0} and {@code −0.0} are equal (the conjugate of a real number is
     * that number), and NaN equals NaN so that equality stays reflexive.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Complex c && sameNumber(re, c.re) && sameNumber(im, c.im);
    }

    @Override
    public int hashCode() {
        // + 0.0 turns −0.0 into 0.0, so that equal values hash alike
        return 31 * Double.hashCode(re + 0.0) + Double.hashCode(im + 0.0);
    }

    private static boolean sameNumber(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }

    @Override
    public String toString() {
        return Math.copySign(1.0, im) < 0 ? re + " - " + (-im) + "j" : re + " + " + im + "j";
    }
}
