package io.spikeline.runtime.packets;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.ingest.sim.TrafficParameters;
import io.spikeline.ingest.sim.TrafficProtocol;
import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * Against the protocol tshark's dissectors found in each flow of the real captures ({@code flow_labels.csv}): the
     * ports never name a wrong protocol. A flow tshark names as one of the simulator's protocols (mDNS counting as
     * DNS) gets that class, unless it runs on a port of no known protocol (TLS on 5223 in the SMTP capture) and is
     * {@link PortClasses#OTHER}; a flow of any other application protocol gets {@link PortClasses#OTHER}.
     */
    @Test
    void agreesWithTsharksDissectionOfTheRealCaptures() throws Exception {
        Map<String, Integer> classOf = Map.of("dns", 0, "mdns", 0, "http", 1, "tls", 2, "ssh", 3, "ntp", 4, "quic", 5);
        List<String> rows = Files.readAllLines(Path.of("/work/shared/data/pcap/flow_labels.csv"));
        assertThat(rows.get(0)).isEqualTo("file,l4,src,sport,dst,dport,first_frame,packets,app_label_tshark,app_counts");
        int compared = 0;
        List<String> missed = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            String app = f[8];
            if (app.equals("none")) {
                continue;
            }
            int protocol = f[1].equals("tcp") ? 6 : f[1].equals("udp") ? 17 : 0;
            FlowKey flow = new FlowKey(InetAddress.getByName(f[2]).getAddress(), InetAddress.getByName(f[4]).getAddress(),
                    f[3].isEmpty() ? 0 : Integer.parseInt(f[3]), f[5].isEmpty() ? 0 : Integer.parseInt(f[5]), protocol);
            int expected = classOf.getOrDefault(app, PortClasses.OTHER);
            int label = PortClasses.label(flow);
            if (label != expected) {
                assertThat(label).as(row).isEqualTo(PortClasses.OTHER);
                int port = TrafficProtocol.values()[expected].serverPort();
                assertThat(flow.sourcePort()).as(row).isNotEqualTo(port);
                assertThat(flow.destinationPort()).as(row).isNotEqualTo(port);
                missed.add(row);
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(100);
        System.out.println("flows of a known protocol on an unknown port: " + missed);
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
