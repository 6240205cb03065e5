package io.spikeline.ingest.sim;

/** The application protocols the traffic simulator speaks; the ordinal is the packet label. */
public enum TrafficProtocol {
    DNS(17, 53),
    HTTP(6, 80),
    TLS(6, 443),
    SSH(6, 22),
    NTP(17, 123),
    QUIC(17, 443);

    private final int ipProtocol;
    private final int serverPort;

    TrafficProtocol(int ipProtocol, int serverPort) {
        this.ipProtocol = ipProtocol;
        this.serverPort = serverPort;
    }

    /** 6 for TCP, 17 for UDP. */
    public int ipProtocol() {
        return ipProtocol;
    }

    public int serverPort() {
        return serverPort;
    }

    /** The class label carried by this protocol's packets. */
    public int label() {
        return ordinal();
    }
}
