package io.spikeline.models.network;

import io.spikeline.models.learning.PairStdp;
import io.spikeline.models.learning.PlasticWeights;
import io.spikeline.models.learning.SynapticScaling;
import io.spikeline.models.learning.ThreeFactorRule;
import io.spikeline.models.metrics.OperationCounter;
import io.spikeline.models.neuron.SpikingPopulation;
import io.spikeline.models.readout.ClassifierParameters;
import io.spikeline.models.readout.ClassifierReadout;
import io.spikeline.models.readout.LmsParameters;
import io.spikeline.models.readout.LmsReadout;
import io.spikeline.models.readout.RlsParameters;
import io.spikeline.models.readout.RlsReadout;
import io.spikeline.models.readout.VectorReadout;
import io.spikeline.models.filter.SosFilter;
import io.spikeline.models.filter.design.BesselDesign;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * A feed-forward spiking network built from a {@link NetworkSpec}, stepped one bin at a time from a sparse list
 * of input spikes, with a readout evaluated every {@code decodeIntervalBins} bins and learned online from
 * {@link Feedback} (semantics in the package documentation). One snapshot holds all of its state: populations,
 * weights and delay rings, learning-rule traces, spike traces, readout, output filter, decode history, early-decision
 * progress, operation counts and the frozen flag. Connections draw their initial weights from their own seeds at
 * construction; nothing random happens while it runs.
 *
 * <p>Steps allocate nothing. Not thread-safe: one network per key.
 */
public final class SpikingNetwork implements Snapshottable {
    private static final int TAG = Snapshots.tag("SNET");
    private static final int VERSION = 2;

    private final NetworkSpec spec;
    private final SpikingPopulation[] populations;
    private final Projection[] projections;
    private final Snapshottable[][] rules;
    private final float[][] layerInput;
    private final int[][] layerSpikes;
    private final int[] layerSpikeCounts;
    private final double traceDecay;
    private final double[] traces;
    private final float[] features;
    private final VectorReadout vectorReadout;
    private final ClassifierReadout classifier;
    private final float[] rawOutput;
    private final float[] output;
    private final SosFilter outputFilter;
    private final long[] historyStartUs;
    private final long[] historyEndUs;
    private final float[][] historyFeatures;
    private final OperationCounter operations = new OperationCounter();
    private final byte[] restState;
    private final double[] thresholdScales;
    private final float[] inputGains;

    private boolean outputFilterPrimed;
    private int historyCount;
    private int historyNext;
    private int binInWindow;
    private long windowStartUs;
    private int binInSample;
    private boolean decided;
    private int predictedClass = Decoding.NO_CLASS;
    private float confidence = Float.NaN;
    private double pendingReward;
    private boolean frozen;
    private long learningUpdates;
    private long readoutUpdates;
    private double learningRateScale = 1.0;
    private long neuronSpikes;

    public SpikingNetwork(NetworkSpec spec) {
        this.spec = spec;
        List<LayerSpec> layers = spec.layers();
        int layerCount = layers.size();
        this.populations = new SpikingPopulation[layerCount];
        this.projections = new Projection[layerCount];
        this.rules = new Snapshottable[layerCount][];
        this.layerInput = new float[layerCount][];
        this.layerSpikes = new int[layerCount][];
        this.layerSpikeCounts = new int[layerCount];
        int preCount = spec.inputSize();
        for (int l = 0; l < layerCount; l++) {
            LayerSpec layer = layers.get(l);
            populations[l] = layer.neuron().build(layer.size());
            projections[l] = Projection.build(layer.input(), preCount, layer.size());
            rules[l] = buildRules(layer, preCount, projections[l].plastic());
            layerInput[l] = new float[layer.size()];
            layerSpikes[l] = new int[layer.size()];
            preCount = layer.size();
        }
        this.traceDecay = Math.exp(-spec.dtMs() / spec.traceTauMs());
        this.traces = new double[preCount];
        this.features = new float[preCount];
        ReadoutSpec readout = spec.readout();
        if (readout instanceof ReadoutSpec.Lms lms) {
            this.vectorReadout = new LmsReadout(new LmsParameters(preCount, lms.outputCount(), lms.step()));
            this.classifier = null;
        } else if (readout instanceof ReadoutSpec.Rls rls) {
            this.vectorReadout = new RlsReadout(new RlsParameters(preCount, rls.outputCount(),
                    rls.forgettingFactor(), rls.regularisation()));
            this.classifier = null;
        } else {
            ReadoutSpec.Classifier c = (ReadoutSpec.Classifier) readout;
            this.vectorReadout = null;
            this.classifier = new ClassifierReadout(new ClassifierParameters(preCount, c.outputCount(), c.rule(),
                    c.step()));
        }
        this.rawOutput = new float[readout.outputCount()];
        this.output = new float[readout.outputCount()];
        this.outputFilter = spec.outputFilter() == null ? null : new SosFilter(BesselDesign.lowpass(
                spec.outputFilter().order(), spec.outputFilter().cutoffHz(), spec.decodeRateHz(), BesselNorm.PHASE)
                .sos(), readout.outputCount());
        this.historyStartUs = new long[spec.historyLength()];
        this.historyEndUs = new long[spec.historyLength()];
        this.historyFeatures = new float[spec.historyLength()][preCount];
        this.restState = writeRestState();
        this.thresholdScales = new double[layerCount];
        this.inputGains = new float[layerCount];
        Arrays.fill(thresholdScales, 1.0);
        Arrays.fill(inputGains, 1f);
    }

    private static Snapshottable[] buildRules(LayerSpec layer, int preCount, PlasticWeights weights) {
        Snapshottable[] built = new Snapshottable[layer.rules().size()];
        for (int r = 0; r < built.length; r++) {
            LearningRule rule = layer.rules().get(r);
            if (rule instanceof LearningRule.Stdp stdp) {
                built[r] = new PairStdp(stdp.parameters(), preCount, layer.size());
            } else if (rule instanceof LearningRule.ThreeFactor threeFactor) {
                built[r] = new ThreeFactorRule(threeFactor.parameters(), weights);
            } else {
                built[r] = new SynapticScaling(((LearningRule.Scaling) rule).parameters(), layer.size());
            }
        }
        return built;
    }

    public NetworkSpec spec() {
        return spec;
    }

    /**
     * Advances one bin starting at event time {@code binStartUs}, in which the input channels
     * {@code inputSpikes[0 .. count)} spiked (distinct, in {@code 0 .. inputSize)}). Returns whether this bin
     * completed a decode window; the decode is then in {@link #output()} (and {@link #predictedClass()},
     * {@link #confidence()} for classifiers), covering {@link #windowStartUs()} .. {@link #windowEndUs()}.
     */
    public boolean step(long binStartUs, int[] inputSpikes, int count) {
        if (count < 0 || count > spec.inputSize()) {
            throw new IllegalArgumentException("input spike count must lie in 0.." + spec.inputSize() + ", was "
                    + count);
        }
        for (int k = 0; k < count; k++) {
            if (inputSpikes[k] < 0 || inputSpikes[k] >= spec.inputSize()) {
                throw new IllegalArgumentException("input spike of channel " + inputSpikes[k] + " outside 0.."
                        + (spec.inputSize() - 1));
            }
        }
        if (binInWindow == 0) {
            windowStartUs = binStartUs;
        }
        if (!decided) {
            integrate(inputSpikes, count);
        }
        binInWindow++;
        if (binInWindow < spec.decodeIntervalBins()) {
            return false;
        }
        binInWindow = 0;
        decode(binStartUs + spec.binWidthUs());
        EarlyDecision early = spec.earlyDecision();
        if (early != null) {
            binInSample += spec.decodeIntervalBins();
            if (binInSample == early.sampleBins()) {
                startSample();
            } else if (confidence >= early.confidenceThreshold()) {
                decided = true;
            }
        }
        return true;
    }

    private void integrate(int[] inputSpikes, int inputCount) {
        int[] pre = inputSpikes;
        int preCount = inputCount;
        double reward = pendingReward;
        pendingReward = 0;
        for (int l = 0; l < populations.length; l++) {
            float[] in = layerInput[l];
            Arrays.fill(in, 0f);
            projections[l].deliver(in);
            operations.addSynOps(projections[l].propagate(pre, preCount, in));
            if (thresholdScales[l] != 1.0) {
                float gain = inputGains[l];
                for (int j = 0; j < in.length; j++) {
                    in[j] *= gain;
                }
            }
            int[] post = layerSpikes[l];
            int postCount = populations[l].step(in, post);
            layerSpikeCounts[l] = postCount;
            neuronSpikes += postCount;
            operations.addNeuronUpdates(in.length);
            if (!frozen) {
                learningUpdates += applyRules(l, pre, preCount, post, postCount, reward);
            }
            pre = post;
            preCount = postCount;
        }
        double[] x = traces;
        for (int j = 0; j < x.length; j++) {
            x[j] *= traceDecay;
        }
        for (int k = 0; k < preCount; k++) {
            x[pre[k]] += 1.0;
        }
    }

    private long applyRules(int layer, int[] pre, int preCount, int[] post, int postCount, double reward) {
        PlasticWeights weights = projections[layer].plastic();
        long touched = 0;
        for (Snapshottable rule : rules[layer]) {
            if (rule instanceof PairStdp stdp) {
                touched += stdp.step(pre, preCount, post, postCount, weights);
            } else if (rule instanceof ThreeFactorRule threeFactor) {
                touched += threeFactor.step(pre, preCount, post, postCount, reward, weights);
            } else {
                touched += ((SynapticScaling) rule).step(post, postCount, weights);
            }
        }
        return touched;
    }

    /** Evaluates the readout (unless an early decision holds it), filters it and records the features. */
    private void decode(long windowEndUs) {
        if (!decided) {
            for (int j = 0; j < features.length; j++) {
                features[j] = (float) traces[j];
            }
            operations.addMacs((long) rawOutput.length * (features.length + 1));
            if (classifier != null) {
                classifier.classify(features, rawOutput);
            } else {
                vectorReadout.predict(features, rawOutput);
            }
            if (outputFilter == null) {
                System.arraycopy(rawOutput, 0, output, 0, output.length);
            } else {
                if (!outputFilterPrimed) {
                    outputFilter.prime(rawOutput);
                    outputFilterPrimed = true;
                }
                outputFilter.filter(rawOutput, output);
            }
            if (classifier != null) {
                predictedClass = argmax(output);
                confidence = ClassifierReadout.confidence(output, predictedClass);
            }
        }
        int slot = historyNext;
        historyStartUs[slot] = windowStartUs;
        historyEndUs[slot] = windowEndUs;
        System.arraycopy(features, 0, historyFeatures[slot], 0, features.length);
        historyNext = slot + 1 == historyStartUs.length ? 0 : slot + 1;
        historyCount = Math.min(historyCount + 1, historyStartUs.length);
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Returns every neuron, delay ring and spike trace to rest for a new sample; learned state is kept. */
    private void startSample() {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(restState));
            for (int l = 0; l < populations.length; l++) {
                populations[l].readSnapshot(in);
                projections[l].readTransient(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("restoring the rest state of the network", e);
        }
        Arrays.fill(traces, 0.0);
        binInSample = 0;
        decided = false;
    }

    private byte[] writeRestState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (int l = 0; l < populations.length; l++) {
                populations[l].writeSnapshot(out);
                projections[l].writeTransient(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the rest state of the network", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Learns from {@code feedback}: it is matched to the remembered decode whose window contains its event time,
     * and the readout learns its target (a vector for LMS/RLS, a class for the classifier) from that decode's
     * features; a reward it carries is delivered to the three-factor rules in the next step. A reward-only
     * feedback needs no match beyond being in a decoded window.
     */
    public FeedbackOutcome learn(Feedback feedback) {
        long t = feedback.eventTimeUs();
        if (historyCount == 0 || t >= historyEndUs[newestSlot()]) {
            return FeedbackOutcome.NOT_YET_DECODED;
        }
        int slot = findWindow(t);
        return slot < 0 ? FeedbackOutcome.EXPIRED : learnFrom(slot, feedback);
    }

    /**
     * Learns from {@code feedback} stamped by another clock: its event time {@code t} is taken as the start of the
     * decode it answers, give or take {@code toleranceUs}, and matched to the remembered window whose start
     * {@code t_start} is nearest, if {@code |t − t_start| ≤ toleranceUs}. Not yet decodable while {@code t} is at or
     * past {@code t_end − toleranceUs} of the newest window (a later window may start near it); expired when before
     * the oldest window's start by more than the tolerance; otherwise, farther than the tolerance from every start,
     * {@link FeedbackOutcome#DRIFTED} (see {@link #nearestWindowStartUs}). The tolerance must stay below half a decode
     * window, so at most one start is within it.
     */
    public FeedbackOutcome learn(Feedback feedback, long toleranceUs) {
        long windowUs = spec.decodeIntervalBins() * spec.binWidthUs();
        if (toleranceUs < 0 || 2 * toleranceUs >= windowUs) {
            throw new IllegalArgumentException("feedback tolerance must lie in 0.." + ((windowUs - 1) / 2)
                    + " us (below half a decode window), was " + toleranceUs);
        }
        long t = feedback.eventTimeUs();
        if (historyCount == 0 || t >= historyEndUs[newestSlot()] - toleranceUs) {
            return FeedbackOutcome.NOT_YET_DECODED;
        }
        int slot = nearestSlot(t);
        long deviation = t - historyStartUs[slot];
        if (Math.abs(deviation) <= toleranceUs) {
            return learnFrom(slot, feedback);
        }
        return t < oldestWindowStartUs() ? FeedbackOutcome.EXPIRED : FeedbackOutcome.DRIFTED;
    }

    /** Learns from {@code feedback} with the features of history slot {@code slot}. */
    private FeedbackOutcome learnFrom(int slot, Feedback feedback) {
        if (!fits(feedback)) {
            return FeedbackOutcome.REJECTED;
        }
        if (frozen) {
            return FeedbackOutcome.FROZEN;
        }
        if (feedback.hasReward()) {
            pendingReward = feedback.reward();
        }
        if (feedback.kind() != Feedback.Kind.REWARD_ONLY) {
            operations.addMacs((long) rawOutput.length * (features.length + 1));
            if (classifier != null) {
                classifier.learn(historyFeatures[slot], feedback.classId(), learningRateScale);
            } else {
                vectorReadout.learn(historyFeatures[slot], feedback, learningRateScale);
            }
            readoutUpdates++;
        }
        return FeedbackOutcome.APPLIED;
    }

    private boolean fits(Feedback feedback) {
        return switch (feedback.kind()) {
            case REWARD_ONLY -> true;
            case CLASS -> classifier != null && feedback.classId() < classifier.classCount();
            case VECTOR -> vectorReadout != null && feedback.targetLength() == vectorReadout.outputCount();
        };
    }

    private int newestSlot() {
        return historyNext == 0 ? historyStartUs.length - 1 : historyNext - 1;
    }

    /** The history slot whose window holds {@code timeUs}, searched from the newest, or -1. */
    private int findWindow(long timeUs) {
        int slot = newestSlot();
        for (int k = 0; k < historyCount; k++) {
            if (historyStartUs[slot] <= timeUs && timeUs < historyEndUs[slot]) {
                return slot;
            }
            slot = slot == 0 ? historyStartUs.length - 1 : slot - 1;
        }
        return -1;
    }

    /** The remembered slot whose window start is nearest to {@code timeUs} (the newer on a tie); needs a decode. */
    private int nearestSlot(long timeUs) {
        int slot = newestSlot();
        int best = slot;
        long bestDistance = Long.MAX_VALUE;
        for (int k = 0; k < historyCount; k++) {
            long distance = Math.abs(timeUs - historyStartUs[slot]);
            if (distance < bestDistance) {
                best = slot;
                bestDistance = distance;
            }
            slot = slot == 0 ? historyStartUs.length - 1 : slot - 1;
        }
        return best;
    }

    /** The start of the remembered decode window nearest to {@code timeUs}; {@link Long#MIN_VALUE} before any. */
    public long nearestWindowStartUs(long timeUs) {
        return historyCount == 0 ? Long.MIN_VALUE : historyStartUs[nearestSlot(timeUs)];
    }

    /** Sets the reward that the three-factor rules receive in the next step. */
    public void reward(double reward) {
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("reward must be finite, was " + reward);
        }
        pendingReward = reward;
    }

    /** Stops ({@code true}) or resumes all learning: local rules and readout updates. */
    public void freeze(boolean freeze) {
        this.frozen = freeze;
    }

    public boolean isFrozen() {
        return frozen;
    }

    /**
     * Multiplies every later readout update by {@code scale} (LMS and classifier: the step η; RLS: the weight
     * correction), from the next feedback learned on; 1 is the configured rate, 0 stops readout learning while
     * the local rules go on. Part of the state (snapshotted), not of the specification.
     */
    public void setLearningRateScale(double scale) {
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("learning rate scale must be finite and >= 0, was " + scale);
        }
        this.learningRateScale = scale;
    }

    public double learningRateScale() {
        return learningRateScale;
    }

    /**
     * Scales the firing threshold of layer {@code layer} relative to its synaptic drive by {@code scale}, from the
     * next step on: the layer's summed synaptic input is multiplied by {@code 1/scale} before its neurons step.
     * For neurons whose potential obeys linear dynamics with zero bias, rest and reset (LIF and ALIF as configured
     * by default), this is exactly a threshold {@code scale} times the configured one, the potential being held in
     * units of the threshold; for others it is a synaptic gain. 1 restores the configured behaviour bit for bit.
     * Part of the state (snapshotted), not of the specification.
     */
    public void setThresholdScale(int layer, double scale) {
        if (layer < 0 || layer >= thresholdScales.length) {
            throw new IllegalArgumentException("layer must lie in 0.." + (thresholdScales.length - 1) + ", was "
                    + layer);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("threshold scale must be finite and > 0, was " + scale);
        }
        thresholdScales[layer] = scale;
        inputGains[layer] = (float) (1.0 / scale);
    }

    public double thresholdScale(int layer) {
        return thresholdScales[layer];
    }

    /** The latest decode: vector outputs, or filtered class scores; read-only by contract. */
    public float[] output() {
        return output;
    }

    /** The class of the latest decode, or {@link Decoding#NO_CLASS} for a vector readout. */
    public int predictedClass() {
        return predictedClass;
    }

    /** The softmax confidence of {@link #predictedClass()}, NaN for a vector readout. */
    public float confidence() {
        return confidence;
    }

    /** Whether an early decision holds the current sample. */
    public boolean isDecided() {
        return decided;
    }

    public long windowStartUs() {
        return windowStartUs;
    }

    /** The end of the latest decode window (exclusive), or {@link Long#MIN_VALUE} before the first decode. */
    public long windowEndUs() {
        return historyCount == 0 ? Long.MIN_VALUE : historyEndUs[newestSlot()];
    }

    /** The start of the oldest decode window still remembered, or {@link Long#MIN_VALUE} before the first. */
    public long oldestWindowStartUs() {
        if (historyCount == 0) {
            return Long.MIN_VALUE;
        }
        int oldest = historyNext - historyCount;
        return historyStartUs[oldest < 0 ? oldest + historyStartUs.length : oldest];
    }

    /** The readout's input at the latest decode: the last layer's spike traces; read-only by contract. */
    public float[] features() {
        return features;
    }

    /** The spikes of layer {@code layer} in the latest integrated step: {@code layerSpikes(l)[0 .. count)}. */
    public int[] layerSpikes(int layer) {
        return layerSpikes[layer];
    }

    public int layerSpikeCount(int layer) {
        return layerSpikeCounts[layer];
    }

    /** SynOps of spike propagation, MACs of the readout, neuron updates. */
    public OperationCounter operations() {
        return operations;
    }

    /**
     * Spikes of every layer's neurons so far (input spikes not included); with {@code operations().neuronUpdates()}
     * (neuron-steps) it gives the network's activity, {@code 1 − spikes / updates} its sparsity.
     */
    public long neuronSpikes() {
        return neuronSpikes;
    }

    /** Synapse updates made by the local rules so far. */
    public long learningUpdates() {
        return learningUpdates;
    }

    /** Readout updates made from feedback so far. */
    public long readoutUpdates() {
        return readoutUpdates;
    }

    /** The weights of layer {@code layer}'s input connection, for inspection and tests. */
    public PlasticWeights weights(int layer) {
        return projections[layer].plastic();
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeLong(spec.fingerprint());
        out.writeInt(populations.length);
        for (int l = 0; l < populations.length; l++) {
            populations[l].writeSnapshot(out);
            projections[l].writeState(out);
            out.writeInt(rules[l].length);
            for (Snapshottable rule : rules[l]) {
                rule.writeSnapshot(out);
            }
        }
        Snapshots.writeDoubles(out, traces);
        Snapshots.writeFloats(out, features);
        (classifier != null ? classifier : vectorReadout).writeSnapshot(out);
        Snapshots.writeFloats(out, output);
        out.writeBoolean(outputFilterPrimed);
        if (outputFilter != null) {
            outputFilter.writeSnapshot(out);
        }
        out.writeInt(historyCount);
        out.writeInt(historyNext);
        Snapshots.writeLongs(out, historyStartUs);
        Snapshots.writeLongs(out, historyEndUs);
        for (float[] f : historyFeatures) {
            Snapshots.writeFloats(out, f);
        }
        out.writeInt(binInWindow);
        out.writeLong(windowStartUs);
        out.writeInt(binInSample);
        out.writeBoolean(decided);
        out.writeInt(predictedClass);
        out.writeFloat(confidence);
        out.writeDouble(pendingReward);
        out.writeBoolean(frozen);
        out.writeLong(learningUpdates);
        out.writeLong(readoutUpdates);
        operations.writeSnapshot(out);
        out.writeDouble(learningRateScale);
        Snapshots.writeDoubles(out, thresholdScales);
        out.writeLong(neuronSpikes);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        int version = Snapshots.readHeader(in, TAG, VERSION);
        long fingerprint = in.readLong();
        if (fingerprint != spec.fingerprint()) {
            throw new SnapshotFormatException("snapshot is of a network with specification fingerprint "
                    + Long.toHexString(fingerprint) + ", this network's is " + Long.toHexString(spec.fingerprint()));
        }
        Snapshots.expectInt(in, populations.length, "layer count");
        for (int l = 0; l < populations.length; l++) {
            populations[l].readSnapshot(in);
            projections[l].readState(in);
            Snapshots.expectInt(in, rules[l].length, "rule count of layer " + l);
            for (Snapshottable rule : rules[l]) {
                rule.readSnapshot(in);
            }
        }
        Snapshots.readDoubles(in, traces, "spike traces");
        Snapshots.readFloats(in, features, "features");
        (classifier != null ? classifier : vectorReadout).readSnapshot(in);
        Snapshots.readFloats(in, output, "output");
        outputFilterPrimed = in.readBoolean();
        if (outputFilter != null) {
            outputFilter.readSnapshot(in);
        }
        int count = in.readInt();
        int next = in.readInt();
        int capacity = historyStartUs.length;
        if (count < 0 || count > capacity || next < 0 || next >= capacity) {
            throw new SnapshotFormatException("snapshot has decode history of " + count + " entries at " + next
                    + " but this network remembers " + capacity);
        }
        Snapshots.readLongs(in, historyStartUs, "decode window starts");
        Snapshots.readLongs(in, historyEndUs, "decode window ends");
        for (float[] f : historyFeatures) {
            Snapshots.readFloats(in, f, "remembered features");
        }
        historyCount = count;
        historyNext = next;
        binInWindow = in.readInt();
        windowStartUs = in.readLong();
        binInSample = in.readInt();
        decided = in.readBoolean();
        predictedClass = in.readInt();
        confidence = in.readFloat();
        pendingReward = in.readDouble();
        frozen = in.readBoolean();
        learningUpdates = in.readLong();
        readoutUpdates = in.readLong();
        operations.readSnapshot(in);
        if (version >= 2) {
            double rateScale = in.readDouble();
            Snapshots.readDoubles(in, thresholdScales, "threshold scales");
            neuronSpikes = in.readLong();
            try {
                setLearningRateScale(rateScale);
                for (int l = 0; l < thresholdScales.length; l++) {
                    setThresholdScale(l, thresholdScales[l]);
                }
            } catch (IllegalArgumentException e) {
                throw new SnapshotFormatException("snapshot holds an invalid scale: " + e.getMessage());
            }
        } else {
            neuronSpikes = 0;
            learningRateScale = 1.0;
            for (int l = 0; l < thresholdScales.length; l++) {
                setThresholdScale(l, 1.0);
            }
        }
    }
}
