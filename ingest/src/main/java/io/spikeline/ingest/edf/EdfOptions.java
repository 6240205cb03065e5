package io.spikeline.ingest.edf;

import java.util.List;

/**
 * How to read an EDF/BDF file.
 *
 * @param sourceKey key of the produced frames; {@code null} takes the file name without its extension
 * @param samplesPerFrame samples per channel in each frame; 0 takes one data record per frame
 * @param signalLabels labels of the signals to read, in this order; empty reads every signal that is not an
 *     annotation signal. All selected signals must share one sample rate (frames have one rate): a file that
 *     mixes rates is read one rate group at a time, by naming that group's labels.
 */
public record EdfOptions(String sourceKey, int samplesPerFrame, List<String> signalLabels) {

    public EdfOptions {
        if (samplesPerFrame < 0) {
            throw new IllegalArgumentException("samples per frame must be >= 0 (0 = one data record), was "
                    + samplesPerFrame);
        }
        signalLabels = List.copyOf(signalLabels);
    }

    public static EdfOptions defaults() {
        return new EdfOptions(null, 0, List.of());
    }

    public EdfOptions withSourceKey(String key) {
        return new EdfOptions(key, samplesPerFrame, signalLabels);
    }

    public EdfOptions withSamplesPerFrame(int samples) {
        return new EdfOptions(sourceKey, samples, signalLabels);
    }

    public EdfOptions withSignals(List<String> labels) {
        return new EdfOptions(sourceKey, samplesPerFrame, labels);
    }
}
