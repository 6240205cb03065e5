package io.spikeline.runtime.packets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.encode.ByteCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketsSettingsTest {

    @Test
    void theClassesAreTheSimulatorsOrThePortClassesOfCaptures() {
        PacketsSettings simulated = PacketsSettings.defaults();
        assertThat(simulated.simulated()).isTrue();
        assertThat(simulated.classNames()).isEqualTo(TrafficSimulator.labelNames());
        PacketsSettings captured = simulated.withCaptures(List.of(Path.of("a.pcap"), Path.of("b.pcapng")));
        assertThat(captured.simulated()).isFalse();
        assertThat(captured.captures()).containsExactly("a.pcap", "b.pcapng");
        assertThat(captured.classNames()).isEqualTo(PortClasses.names());
        assertThat(simulated.encoding().channelCount()).isEqualTo(48 * 32);
    }

    @Test
    void invalidSettingsFailNamingTheValue() {
        assertThatThrownBy(() -> PacketsSettings.defaults().withSeconds(0)).hasMessageContaining("seconds")
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> new PacketsSettings(1, 1, false, List.of(), 48, ByteCode.BITS, 2, 0))
                .hasMessageContaining("hidden units must be > 0, was 0");
        assertThatThrownBy(() -> new PacketsSettings(1, 1, false, List.of(), -3, ByteCode.BITS, 2, 8))
                .hasMessageContaining("byteCount").hasMessageContaining("-3");
    }
}
