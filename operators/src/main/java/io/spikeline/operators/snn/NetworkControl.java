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
 */
public record NetworkControl(long sequence, long effectiveTimeUs, String targetKey, Action action,
                             ModelSnapshot model) {

    /** What a control does to a key's network. */
    public enum Action {
        /** Stop every learning update (local rules and readout). */
        FREEZE,
        /** Resume learning. */
        UNFREEZE,
        /** Emit the key's {@link ModelSnapshot} (its state after every bin before the effective time). */
        EXPORT,
        /** Replace the key's whole network state with {@code model}, which must be of the same specification. */
        LOAD
    }

    /** A Java record of basic fields, an enum and a nested record: Flink's own serializer handles it. */
    public static final TypeInformation<NetworkControl> TYPE = TypeInformation.of(NetworkControl.class);

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

    /** Whether this control addresses {@code key}. */
    public boolean appliesTo(String key) {
        return targetKey == null || targetKey.equals(key);
    }
}
