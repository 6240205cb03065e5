package io.spikeline.runtime.packets;

import io.spikeline.ingest.sim.TrafficProtocol;
import io.spikeline.models.record.FlowKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The ground truth of a real capture: a packet's class follows from its transport protocol and ports, as a port-based
 * classifier would name it. The classes are the simulator's protocols ({@link TrafficProtocol}, by their own IP
 * protocol and server port), plus DNS's multicast form (mDNS, UDP 5353, the same wire format) and DNS over TCP, and
 * {@link #OTHER} for everything else. Either port may be the server's: the destination is tried first.
 */
public final class PortClasses {
    /** The label of packets of no known protocol: the last class. */
    public static final int OTHER = TrafficProtocol.values().length;

    private static final int MDNS_PORT = 5353;
    private static final int TCP = 6;

    private PortClasses() {}

    /** The class names by label. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (TrafficProtocol t : TrafficProtocol.values()) {
            names.add(t.name());
        }
        names.add("OTHER");
        return names;
    }

    /** The label of a packet of {@code flow}. */
    public static int label(FlowKey flow) {
        int byDestination = label(flow.protocol(), flow.destinationPort());
        return byDestination != OTHER ? byDestination : label(flow.protocol(), flow.sourcePort());
    }

    private static int label(int ipProtocol, int port) {
        for (TrafficProtocol t : TrafficProtocol.values()) {
            if (t.ipProtocol() == ipProtocol && t.serverPort() == port) {
                return t.label();
            }
        }
        boolean dns = port == TrafficProtocol.DNS.serverPort() && ipProtocol == TCP
                || port == MDNS_PORT && ipProtocol == TrafficProtocol.DNS.ipProtocol();
        return dns ? TrafficProtocol.DNS.label() : OTHER;
    }
}
