package io.spikeline.operators.snn;

import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.SpikingNetwork;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/**
 * The whole state of one key's network at one event time, as it leaves the SNN operator: the state after every
 * bin before {@code eventTimeUs}. {@code network} is the {@link SpikingNetwork} snapshot (itself versioned);
 * {@code formatVersion} versions this record; {@code specFingerprint} names the {@link NetworkSpec} it belongs to.
 * It loads into any key of any job running a network of the same specification.
 */
public record ModelSnapshot(String sourceKey, long eventTimeUs, long specFingerprint, int formatVersion,
                            byte[] network) {
    public static final int FORMAT_VERSION = 1;

    /** A Java record of basic fields and a byte array: Flink's own serializer handles it, without Kryo. */
    public static final TypeInformation<ModelSnapshot> TYPE = TypeInformation.of(ModelSnapshot.class);

    /** The side output on which the SNN operator emits snapshots. */
    public static final OutputTag<ModelSnapshot> OUTPUT = new OutputTag<>("model-snapshots", TYPE);

    /** The snapshot of {@code network} for {@code sourceKey} at {@code eventTimeUs}. */
    public static ModelSnapshot of(String sourceKey, long eventTimeUs, SpikingNetwork network) {
        return new ModelSnapshot(sourceKey, eventTimeUs, network.spec().fingerprint(), FORMAT_VERSION,
                Snapshots.toBytes(network));
    }

    /** Replaces the state of {@code network} with this snapshot; fails if it is of another version or specification. */
    public void restoreInto(SpikingNetwork network) throws IOException {
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            throw new SnapshotFormatException("model snapshot of '" + sourceKey + "' has format version "
                    + formatVersion + "; this build reads 1.." + FORMAT_VERSION);
        }
        if (specFingerprint != network.spec().fingerprint()) {
            throw new SnapshotFormatException("model snapshot of '" + sourceKey + "' is of specification "
                    + Long.toHexString(specFingerprint) + ", the network's is "
                    + Long.toHexString(network.spec().fingerprint()));
        }
        Snapshots.restore(network, this.network);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSnapshot m && eventTimeUs == m.eventTimeUs && specFingerprint == m.specFingerprint
                && formatVersion == m.formatVersion && sourceKey.equals(m.sourceKey)
                && Arrays.equals(network, m.network);
    }

    @Override
    public int hashCode() {
        return 31 * sourceKey.hashCode() + Long.hashCode(eventTimeUs);
    }

    @Override
    public String toString() {
        return "ModelSnapshot{" + sourceKey + " t=" + eventTimeUs + "us spec=" + Long.toHexString(specFingerprint)
                + " v" + formatVersion + " " + network.length + " bytes}";
    }
}
