package io.spikeline.models.network;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, validated description of a feed-forward spiking network (semantics in the package
 * documentation): {@code inputSize} input channels binned every {@code binWidthUs}; {@code layers}, each fed by the
 * one before it; a {@code readout} of the last layer's spike traces of time constant {@code traceTauMs}, evaluated
 * every {@code decodeIntervalBins} bins; the features of the last {@code historyLength} decodes kept so that
 * feedback arriving after its decode can still be learned; an optional Bessel low-pass of the decoded output
 * ({@code outputFilter}, or {@code null}); and, for classifiers, an optional early decision ({@code null} for none).
 * Every learning rule's {@code dtMs} and every Izhikevich layer's integration step must equal the bin width.
 */
public record NetworkSpec(int inputSize, long binWidthUs, List<LayerSpec> layers, double traceTauMs,
                          ReadoutSpec readout, int decodeIntervalBins, int historyLength,
                          OutputFilterSpec outputFilter, EarlyDecision earlyDecision) {

    public NetworkSpec {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("network inputSize must be > 0, was " + inputSize);
        }
        if (binWidthUs <= 0) {
            throw new IllegalArgumentException("network binWidthUs must be > 0, was " + binWidthUs);
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        if (!(traceTauMs > 0) || !Double.isFinite(traceTauMs)) {
            throw new IllegalArgumentException("network traceTauMs must be finite and > 0, was " + traceTauMs);
        }
        Objects.requireNonNull(readout, "readout");
        if (decodeIntervalBins <= 0) {
            throw new IllegalArgumentException("network decodeIntervalBins must be > 0, was " + decodeIntervalBins);
        }
        if (historyLength <= 0) {
            throw new IllegalArgumentException("network historyLength must be > 0, was " + historyLength);
        }
        double dtMs = binWidthUs / 1000.0;
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).neuron() instanceof NeuronModel.Izhikevich izhikevich) {
                double stepMs = izhikevich.parameters().integration().stepMs();
                if (Math.abs(stepMs - dtMs) > 1e-9 * dtMs) {
                    throw new IllegalArgumentException("layer " + l + " Izhikevich integration steps " + stepMs
                            + " ms but the network steps every " + dtMs + " ms");
                }
            }
            for (LearningRule rule : layers.get(l).rules()) {
                if (Math.abs(rule.dtMs() - dtMs) > 1e-9 * dtMs) {
                    throw new IllegalArgumentException("layer " + l + " rule " + rule.getClass().getSimpleName()
                            + " has dtMs " + rule.dtMs() + " but the network steps every " + dtMs + " ms");
                }
            }
        }
        double decodeRateHz = 1e6 / ((double) binWidthUs * decodeIntervalBins);
        if (outputFilter != null && !(outputFilter.cutoffHz() < decodeRateHz / 2)) {
            throw new IllegalArgumentException("output filter cutoffHz " + outputFilter.cutoffHz()
                    + " must lie below " + decodeRateHz / 2 + " Hz, half the decode rate " + decodeRateHz + " Hz");
        }
        if (earlyDecision != null) {
            if (!(readout instanceof ReadoutSpec.Classifier)) {
                throw new IllegalArgumentException("an early decision needs a classifier readout, was " + readout);
            }
            if (earlyDecision.sampleBins() % decodeIntervalBins != 0) {
                throw new IllegalArgumentException("early-decision sampleBins " + earlyDecision.sampleBins()
                        + " must be a multiple of decodeIntervalBins " + decodeIntervalBins);
            }
        }
    }

    /** A network without output filter or early decision. */
    public static NetworkSpec of(int inputSize, long binWidthUs, List<LayerSpec> layers, double traceTauMs,
                                 ReadoutSpec readout, int decodeIntervalBins, int historyLength) {
        return new NetworkSpec(inputSize, binWidthUs, layers, traceTauMs, readout, decodeIntervalBins, historyLength,
                null, null);
    }

    public NetworkSpec withOutputFilter(OutputFilterSpec filter) {
        return new NetworkSpec(inputSize, binWidthUs, layers, traceTauMs, readout, decodeIntervalBins, historyLength,
                filter, earlyDecision);
    }

    public NetworkSpec withEarlyDecision(EarlyDecision decision) {
        return new NetworkSpec(inputSize, binWidthUs, layers, traceTauMs, readout, decodeIntervalBins, historyLength,
                outputFilter, decision);
    }

    /** The length of a step, ms. */
    public double dtMs() {
        return binWidthUs / 1000.0;
    }

    /** How often the readout is evaluated, Hz. */
    public double decodeRateHz() {
        return 1e6 / ((double) binWidthUs * decodeIntervalBins);
    }

    /** The neurons of the last layer, which the readout reads. */
    public int featureCount() {
        return layers.get(layers.size() - 1).size();
    }

    /**
     * A 64-bit fingerprint of this specification (FNV-1a of its canonical text), equal across JVMs and runs, so
     * that a snapshot is only loaded into a network of the same specification.
     */
    public long fingerprint() {
        long hash = 0xcbf29ce484222325L;
        for (byte b : toString().getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }
}
