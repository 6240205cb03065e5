package io.spikeline.models.filter;

/**
 * Offline zero-phase filtering of a whole recording, reproducing SciPy's
 * {@code sosfiltfilt(sos, x, padtype='odd')} per channel of interleaved data ({@code data[s * channels + c]}).
 *
 * <p>With N samples and {@code padlen} = {@link #padLength}, each channel is extended by odd reflection at
 * both ends, {@code [2x[0] − x[padlen..1], x, 2x[N−1] − x[N−2..N−1−padlen]]}, filtered forward from the
 * steady state of its first value ({@code zi · ext[0]}), then backward from the steady state of the last
 * forward output, and the padding is dropped. The magnitude response is |H|², the phase zero.
 *
 * <p>This reads the whole signal and allocates its result; for streams use {@link BlockBidirectionalFilter}.
 * NaN input spreads to the whole of its channel's output.
 */
public final class ZeroPhaseFilter {
    private ZeroPhaseFilter() {}

    /**
     * SciPy's default padding: {@code 3 · ntaps} with {@code ntaps = 2·sections + 1 − min(#sections with
     * b2 = 0, #sections with a2 = 0)}.
     */
    public static int padLength(SosCoefficients coefficients) {
        int sections = coefficients.sectionCount();
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (int k = 0; k < sections; k++) {
            zeroB2 += coefficients.b2(k) == 0 ? 1 : 0;
            zeroA2 += coefficients.a2(k) == 0 ? 1 : 0;
        }
        return 3 * (2 * sections + 1 - Math.min(zeroB2, zeroA2));
    }

    /**
     * Zero-phase filtered copy of interleaved {@code data}.
     *
     * @throws IllegalArgumentException when a channel has no more samples than {@link #padLength}, or the
     *         length is not a multiple of {@code channelCount}
     */
    public static double[] filtfilt(SosCoefficients coefficients, double[] data, int channelCount) {
        if (channelCount <= 0) {
            throw new IllegalArgumentException("channelCount must be > 0, was " + channelCount);
        }
        int samples = SosFilter.samplesIn(data.length, channelCount);
        int pad = padLength(coefficients);
        if (samples <= pad) {
            throw new IllegalArgumentException("zero-phase filtering with " + coefficients.sectionCount()
                    + " sections pads " + pad + " samples at each end by odd reflection and needs more than "
                    + pad + " samples per channel, got " + samples);
        }
        int channels = channelCount;
        int extended = samples + 2 * pad;
        double[][] ext = new double[extended][channels];
        for (int c = 0; c < channels; c++) {
            double first = data[c];
            double last = data[(samples - 1) * channels + c];
            for (int i = 0; i < pad; i++) {
                ext[i][c] = 2 * first - data[(pad - i) * channels + c];
                ext[pad + samples + i][c] = 2 * last - data[(samples - 2 - i) * channels + c];
            }
        }
        for (int s = 0; s < samples; s++) {
            System.arraycopy(data, s * channels, ext[pad + s], 0, channels);
        }
        new SosFilter(coefficients, channels).filtfiltRows(ext, extended);
        double[] result = new double[data.length];
        for (int s = 0; s < samples; s++) {
            System.arraycopy(ext[pad + s], 0, result, s * channels, channels);
        }
        return result;
    }

    /**
     * Zero-phase filtered copy of interleaved float {@code data}, computed in double and rounded once.
     *
     * @see #filtfilt(SosCoefficients, double[], int)
     */
    public static float[] filtfilt(SosCoefficients coefficients, float[] data, int channelCount) {
        double[] wide = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            wide[i] = data[i];
        }
        double[] filtered = filtfilt(coefficients, wide, channelCount);
        float[] result = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            result[i] = (float) filtered[i];
        }
        return result;
    }
}
