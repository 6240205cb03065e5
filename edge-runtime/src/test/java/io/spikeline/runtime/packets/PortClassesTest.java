package io.spikeline.runtime.packets;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.ingest.sim.TrafficParameters;
import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import org.junit.jupiter.api.Test;

class PortClassesTest {

    private static FlowKey flow(int sourcePort, int destinationPort, int protocol) {
        return new FlowKey(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}, sourcePort, destinationPort, protocol);
    }

    @Test
    void wellKnownPortsNameTheProtocolInEitherDirection() {
        assertThat(PortClasses.names()).containsExactly("DNS", "HTTP", "TLS", "SSH", "NTP", "QUIC", "OTHER");
        assertThat(PortClasses.label(flow(51000, 443, 6))).isEqualTo(2);
        assertThat(PortClasses.label(flow(443, 51000, 17))).isEqualTo(5);
        assertThat(PortClasses.label(flow(22, 51000, 6))).isEqualTo(3);
        assertThat(PortClasses.label(flow(5353, 5353, 17))).isZero();
        assertThat(PortClasses.label(flow(51000, 53, 6))).isZero();
        assertThat(PortClasses.label(flow(51000, 3306, 6))).isEqualTo(PortClasses.OTHER);
        // NTP is UDP: TCP on 123 is something else.
        assertThat(PortClasses.label(flow(51000, 123, 6))).isEqualTo(PortClasses.OTHER);
    }

    /** The simulator's own labels are the truth the port rule must reproduce on its traffic. */
    @Test
    void agreesWithTheSimulatorsLabels() {
        try (TrafficSimulator simulator = new TrafficSimulator(TrafficParameters.defaults(3))) {
            for (int i = 0; i < 5000; i++) {
                PacketRecord p = simulator.read();
                assertThat(PortClasses.label(p.flow())).as("%s", p).isEqualTo(p.label());
            }
        }
    }
}
