package io.spikeline.ingest.probe;

/**
 * Where a sampled array lies in a generic HDF5 file (for example a MATLAB v7.3 {@code .mat} file) and how to
 * read it, since such a file says nothing about rates or units.
 *
 * @param datasetPath absolute path of the dataset, e.g. {@code /data} or {@code /rec/lfp}
 * @param orientation which dataset dimension is time
 * @param sampleRateHz samples per second per channel
 * @param microvoltsPerUnit microvolts of one stored unit (1 when the array already holds µV)
 * @param startTimeUs event time of the first sample
 */
public record Hdf5ArrayOptions(String datasetPath, Orientation orientation, double sampleRateHz,
                               double microvoltsPerUnit, long startTimeUs) {

    /** How a two-dimensional dataset holds samples and channels. A one-dimensional dataset is one channel. */
    public enum Orientation {
        /** {@code [time × channels]}: row-major writers (NumPy, h5py, NWB). */
        SAMPLES_BY_CHANNELS,
        /**
         * {@code [channels × time]}: also how a MATLAB v7.3 file shows a MATLAB {@code samples × channels}
         * matrix, since MATLAB stores column-major and HDF5 lists dimensions row-major.
         */
        CHANNELS_BY_SAMPLES
    }

    public Hdf5ArrayOptions {
        if (datasetPath == null || !datasetPath.startsWith("/")) {
            throw new IllegalArgumentException("dataset path must be absolute (start with /), was '" + datasetPath + "'");
        }
        if (orientation == null) {
            throw new IllegalArgumentException("orientation must be given for " + datasetPath);
        }
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate must be finite and > 0 Hz, was " + sampleRateHz);
        }
        if (!(microvoltsPerUnit != 0) || !Double.isFinite(microvoltsPerUnit)) {
            throw new IllegalArgumentException("microvolts per unit must be finite and non-zero, was " + microvoltsPerUnit);
        }
    }
}
