package io.spikeline.models.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.random.SeededRandom;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SnapshotsTest {

    @Test
    void generatorRestoredFromSnapshotContinuesTheSameSequence() throws IOException {
        SeededRandom uninterrupted = new SeededRandom(42);
        SeededRandom interrupted = new SeededRandom(42);
        for (int i = 0; i < 1000; i++) {
            uninterrupted.nextLong();
            interrupted.nextLong();
        }
        byte[] snapshot = Snapshots.toBytes(interrupted);
        SeededRandom restored = new SeededRandom(7);
        Snapshots.restore(restored, snapshot);
        for (int i = 0; i < 1000; i++) {
            assertThat(restored.nextLong()).isEqualTo(uninterrupted.nextLong());
        }
    }

    @Test
    void unknownVersionFailsLoudly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        Snapshots.writeHeader(out, Snapshots.tag("RNG1"), 99);
        out.write(new byte[32]);
        assertThatThrownBy(() -> Snapshots.restore(new SeededRandom(1), bytes.toByteArray()))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("version 99")
                .hasMessageContaining("reads versions 1..1");
    }

    @Test
    void snapshotOfAnotherTypeFailsNamingBoth() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Snapshots.writeHeader(new DataOutputStream(bytes), Snapshots.tag("LIF1"), 1);
        assertThatThrownBy(() -> Snapshots.restore(new SeededRandom(1), bytes.toByteArray()))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("'LIF1'")
                .hasMessageContaining("'RNG1'");
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] snapshot = Snapshots.toBytes(new SeededRandom(3));
        byte[] longer = java.util.Arrays.copyOf(snapshot, snapshot.length + 1);
        assertThatThrownBy(() -> Snapshots.restore(new SeededRandom(3), longer))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("1 bytes left over");
    }
}
