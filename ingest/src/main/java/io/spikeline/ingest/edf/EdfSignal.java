package io.spikeline.ingest.edf;

/**
 * One signal of an EDF/BDF file as its header describes it. Digital values map linearly to physical
 * values: {@code physical = physicalMin + (digital − digitalMin) · (physicalMax − physicalMin) / (digitalMax − digitalMin)}.
 *
 * @param index position of the signal in the header (0-based)
 * @param label signal label with surrounding blanks removed (EDF+ keeps inner blanks, e.g. {@code "EEG Fp1"})
 * @param samplesPerRecord samples of this signal in each data record
 */
public record EdfSignal(int index, String label, String transducer, String physicalDimension,
                        double physicalMin, double physicalMax, int digitalMin, int digitalMax,
                        String prefiltering, int samplesPerRecord) {

    /** True for the EDF+ / BDF+ annotation signal, which carries text, not samples. */
    public boolean isAnnotation() {
        return label.equals("EDF Annotations") || label.equals("BDF Annotations");
    }

    public double scale() {
        return (physicalMax - physicalMin) / ((double) digitalMax - digitalMin);
    }

    public double offset() {
        return physicalMin - digitalMin * scale();
    }

    public double sampleRateHz(double recordDurationS) {
        return samplesPerRecord / recordDurationS;
    }
}
