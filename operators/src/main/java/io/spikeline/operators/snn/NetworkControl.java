package io.spikeline.operators.snn;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A change broadcast to the SNN operator, taking effect in event time: for each key it addresses
 * ({@code targetKey}, or every key when {@code null}), it is applied just before the first bin starting at or after
 * {@code effectiveTimeUs} that the key processes (at its next bin if the key is already past that time). Controls
 * take effect in increasing {@code sequence} order, each once per key; a control waits for every control of lower
 * sequence.
 *
 * @param sequence position among the controls, from 1, unique and increasing as the issuer sends them
 * @param effectiveTimeUs event time from which the change holds, µs
 * @param targetKey the source key addressed, or {@code null} for all keys
 * @param action what to do
 * @param model the snapshot to load for {@link Action#LOAD}, else {@code null}
 * @param scale the new scale for {@link Action#LEARNING_RATE_SCALE} (finite, &ge; 0) and
 *     {@link Action#THRESHOLD_SCALE} (finite, &gt; 0), else NaN
 * @param layer the layer of a {@link Action#THRESHOLD_SCALE} (from 0), or {@link #ALL_LAYERS}; else
 *     {@link #ALL_LAYERS}
 */
public record NetworkControl(long sequence, long effectiveTimeUs, String targetKey, Action action,
                             ModelSnapshot model, double scale, int layer) {

    /** The {@code layer} of a threshold scale that applies to every layer, and of controls without a layer. */
    public static final int ALL_LAYERS = -1;


    /** What a control does to a key's network. */
    public enum Action {
        /** Stop every learning update (local rules and readout). */
        FREEZE,
        /** Resume learning. */
        UNFREEZE,
        /** Emit the key's {@link ModelSnapshot} (its state after every bin before the effective time). */
        EXPORT,
        /** Replace the key's whole network state with {@code model}, which must be of the same specification. */
        LOAD,
        /**
         * Set the readout's learning-rate multiplier to {@code scale} (relative to the configured rate, not to the
         * previous scale; {@code SpikingNetwork.setLearningRateScale}).
         */
        LEARNING_RATE_SCALE,
        /**
         * Set the threshold scale of {@code layer} (or of every layer) to {@code scale} (relative to the configured
         * threshold; {@code SpikingNetwork.setThresholdScale}): from then on the layer fires as if built with its
         * firing threshold times {@code scale} — for LIF the threshold, for ALIF the whole adaptive threshold (base
         * and adaptation strength), for two-compartment neurons the somatic threshold. A layer the key's network
         * does not have, or one without a threshold that scales exactly (Izhikevich neurons, or neurons with a
         * bias; see {@code ThresholdScaling}): the control is rejected (counted) and the key continues unchanged.
         */
        THRESHOLD_SCALE
    }

    /** A Java record of basic fields, an enum and a nested record: Flink's own serializer handles it. */
    public static final TypeInformation<NetworkControl> TYPE = TypeInformation.of(NetworkControl.class);

    /** A control without a scale: freeze, unfreeze, export or load. */
    public NetworkControl(long sequence, long effectiveTimeUs, String targetKey, Action action, ModelSnapshot model) {
        this(sequence, effectiveTimeUs, targetKey, action, model, Double.NaN, ALL_LAYERS);
    }

    public NetworkControl {
        if (sequence < 1) {
            throw new IllegalArgumentException("control sequence must be >= 1, was " + sequence);
        }
        Objects.requireNonNull(action, "control action");
        if ((action == Action.LOAD) != (model != null)) {
            throw new IllegalArgumentException("a model must be given with LOAD and only with LOAD; action " + action
                    + ", model " + model);
        }
        if (action == Action.LOAD && targetKey == null) {
            throw new IllegalArgumentException("LOAD must name its target key");
        }
        switch (action) {
            case LEARNING_RATE_SCALE -> {
                if (!(scale >= 0) || !Double.isFinite(scale)) {
                    throw new IllegalArgumentException("learning rate scale must be finite and >= 0, was " + scale);
                }
                requireLayer(layer == ALL_LAYERS, action, layer);
            }
            case THRESHOLD_SCALE -> {
                if (!(scale > 0) || !Double.isFinite(scale)) {
                    throw new IllegalArgumentException("threshold scale must be finite and > 0, was " + scale);
                }
                requireLayer(layer >= ALL_LAYERS, action, layer);
            }
            default -> {
                if (!Double.isNaN(scale)) {
                    throw new IllegalArgumentException("a scale is given only with a scale action; action " + action
                            + ", scale " + scale);
                }
                requireLayer(layer == ALL_LAYERS, action, layer);
            }
        }
    }

    private static void requireLayer(boolean valid, Action action, int layer) {
        if (!valid) {
            throw new IllegalArgumentException("layer " + layer + " is not valid for " + action);
        }
    }

    public static NetworkControl freeze(long sequence, long effectiveTimeUs, String targetKey, boolean freeze) {
        return new NetworkControl(sequence, effectiveTimeUs, targetKey, freeze ? Action.FREEZE : Action.UNFREEZE, null);
    }

    public static NetworkControl export(long sequence, long effectiveTimeUs, String targetKey) {
        return new NetworkControl(sequence, effectiveTimeUs, targetKey, Action.EXPORT, null);
    }

    public static NetworkControl load(long sequence, long effectiveTimeUs, String targetKey, ModelSnapshot model) {
        return new NetworkControl(sequence, effectiveTimeUs, targetKey, Action.LOAD, model);
    }

    public static NetworkControl learningRateScale(long sequence, long effectiveTimeUs, String targetKey,
                                                   double scale) {
        return new NetworkControl(sequence, effectiveTimeUs, targetKey, Action.LEARNING_RATE_SCALE, null, scale,
                ALL_LAYERS);
    }

    /** @param layer the layer (from 0), or {@link #ALL_LAYERS} */
    public static NetworkControl thresholdScale(long sequence, long effectiveTimeUs, String targetKey, int layer,
                                                double scale) {
        return new NetworkControl(sequence, effectiveTimeUs, targetKey, Action.THRESHOLD_SCALE, null, scale, layer);
    }

    /** Whether this control addresses {@code key}. */
    public boolean appliesTo(String key) {
        return targetKey == null || targetKey.equals(key);
    }
}
