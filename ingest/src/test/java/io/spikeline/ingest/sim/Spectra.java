package io.spikeline.ingest.sim;

/** Averaged Hann-windowed periodograms by direct DFT at chosen frequencies: small, slow and obviously right. */
final class Spectra {
    private Spectra() {}

    /** Mean power of {@code x} at {@code frequencyHz}, over consecutive Hann-windowed segments of {@code n}. */
    static double power(double[] x, double sampleRateHz, double frequencyHz, int n) {
        double total = 0;
        int segments = 0;
        for (int start = 0; start + n <= x.length; start += n) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
                double angle = 2 * Math.PI * frequencyHz * i / sampleRateHz;
                re += w * x[start + i] * Math.cos(angle);
                im -= w * x[start + i] * Math.sin(angle);
            }
            total += re * re + im * im;
            segments++;
        }
        return total / segments;
    }

    /** Mean power over the integer-Hz frequencies from {@code lowHz} to {@code highHz} inclusive. */
    static double bandPower(double[] x, double sampleRateHz, int lowHz, int highHz, int n) {
        double sum = 0;
        for (int f = lowHz; f <= highHz; f++) {
            sum += power(x, sampleRateHz, f, n);
        }
        return sum / (highHz - lowHz + 1);
    }
}
