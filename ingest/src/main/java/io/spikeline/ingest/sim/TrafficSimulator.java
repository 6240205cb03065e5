package io.spikeline.ingest.sim;

import io.spikeline.ingest.RecordReader;
import io.spikeline.ingest.pcap.LinkType;
import io.spikeline.ingest.pcap.PacketDecoder;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.PacketRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A seeded simulation of the mixed traffic an edge gateway sees: DNS lookups, HTTP downloads, TLS sessions,
 * interactive SSH, NTP polls and QUIC connections, each flow a complete, well-formed conversation as a
 * client-side capture would record it (TCP handshakes and teardowns, consistent sequence numbers, real
 * protocol headers: DNS wire format, HTTP/1.1 text, TLS records, SSH banners and binary packets, NTP v4, QUIC
 * long and short headers). Every packet is labelled with its flow's {@link TrafficProtocol#label()}. Packets of
 * concurrent flows interleave in time order; event time starts at 0 µs. Never ends.
 */
public final class TrafficSimulator implements RecordReader<PacketRecord> {
    private static final int MSS = 1460;
    private static final String[] HOSTS = {"example.com", "api.example.net", "cdn.example.org", "telemetry.example.com",
        "updates.example.net", "maps.example.org"};

    private final TrafficParameters p;
    private final SeededRandom random;
    private final PacketDecoder decoder = new PacketDecoder();
    private final PriorityQueue<Scheduled> pending = new PriorityQueue<>();
    private final double weightSum;
    private long nextFlowUs;
    private long order;
    private int ipId;

    /** A packet waiting for its time; ties keep generation order. */
    private record Scheduled(long timeUs, long order, PacketRecord packet) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            return timeUs != o.timeUs ? Long.compare(timeUs, o.timeUs) : Long.compare(order, o.order);
        }
    }

    public TrafficSimulator(TrafficParameters parameters) {
        this.p = parameters;
        this.random = new SeededRandom(parameters.seed());
        double sum = 0;
        for (double w : parameters.protocolWeights()) {
            sum += w;
        }
        this.weightSum = sum;
    }

    @Override
    public PacketRecord read() {
        while (pending.isEmpty() || nextFlowUs <= pending.peek().timeUs()) {
            startFlow(nextFlowUs);
            nextFlowUs += Math.max(1, Math.round(random.nextExponential(1e6 / p.flowsPerSecond())));
        }
        return pending.poll().packet();
    }

    private void startFlow(long startUs) {
        double u = random.nextDouble() * weightSum;
        TrafficProtocol protocol = TrafficProtocol.values()[0];
        for (TrafficProtocol candidate : TrafficProtocol.values()) {
            u -= p.protocolWeights()[candidate.ordinal()];
            if (u < 0) {
                protocol = candidate;
                break;
            }
        }
        byte[] client = {10, 0, (byte) random.nextInt(256), (byte) (1 + random.nextInt(254))};
        byte[] server = {(byte) 198, 51, 100, (byte) (1 + random.nextInt(254))};
        int clientPort = 32768 + random.nextInt(28232);
        long rttUs = Math.round(1000 * (p.rttMs()[0] + (p.rttMs()[1] - p.rttMs()[0]) * random.nextDouble()));
        Flow flow = new Flow(protocol, client, server, clientPort, rttUs, startUs);
        switch (protocol) {
            case DNS -> dns(flow);
            case NTP -> ntp(flow);
            case QUIC -> quic(flow);
            case HTTP -> http(flow);
            case TLS -> tls(flow);
            case SSH -> ssh(flow);
            default -> throw new IllegalStateException("no script for " + protocol);
        }
    }

    /** One conversation: endpoints, clock and TCP sequence state, as seen at the client. */
    private final class Flow {
        final TrafficProtocol protocol;
        final byte[] client;
        final byte[] server;
        final int clientPort;
        final long rttUs;
        long timeUs;
        long clientSeq;
        long serverSeq;

        Flow(TrafficProtocol protocol, byte[] client, byte[] server, int clientPort, long rttUs, long startUs) {
            this.protocol = protocol;
            this.client = client;
            this.server = server;
            this.clientPort = clientPort;
            this.rttUs = rttUs;
            this.timeUs = startUs;
            this.clientSeq = random.nextLong() & 0xffffffffL;
            this.serverSeq = random.nextLong() & 0xffffffffL;
        }

        void fromClient(int flags, byte[] payload) {
            emit(this, true, flags, payload);
            clientSeq += payload.length + ((flags & (PacketFrames.SYN | PacketFrames.FIN)) != 0 ? 1 : 0);
        }

        void fromServer(int flags, byte[] payload) {
            emit(this, false, flags, payload);
            serverSeq += payload.length + ((flags & (PacketFrames.SYN | PacketFrames.FIN)) != 0 ? 1 : 0);
        }

        void after(long us) {
            timeUs += us;
        }

        /** A short gap: host processing, a few tens to hundreds of microseconds. */
        void briefly() {
            timeUs += 20 + random.nextInt(300);
        }

        void handshake() {
            fromClient(PacketFrames.SYN, new byte[0]);
            after(rttUs);
            fromServer(PacketFrames.SYN | PacketFrames.ACK, new byte[0]);
            briefly();
            fromClient(PacketFrames.ACK, new byte[0]);
        }

        /** Sends {@code bytes} from the server in MSS-sized segments, the client acknowledging every second one. */
        void serverBulk(byte[] bytes) {
            int segments = 0;
            for (int at = 0; at < bytes.length; at += MSS) {
                byte[] segment = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + MSS));
                fromServer(PacketFrames.ACK | (at + MSS >= bytes.length ? PacketFrames.PSH : 0), segment);
                timeUs += 12 + random.nextInt(40);
                if (++segments % 2 == 0 || at + MSS >= bytes.length) {
                    briefly();
                    fromClient(PacketFrames.ACK, new byte[0]);
                }
            }
        }

        void teardown() {
            briefly();
            fromClient(PacketFrames.FIN | PacketFrames.ACK, new byte[0]);
            after(rttUs);
            fromServer(PacketFrames.FIN | PacketFrames.ACK, new byte[0]);
            briefly();
            fromClient(PacketFrames.ACK, new byte[0]);
        }
    }

    private void emit(Flow f, boolean fromClient, int flags, byte[] payload) {
        byte[] src = fromClient ? f.client : f.server;
        byte[] dst = fromClient ? f.server : f.client;
        int srcPort = fromClient ? f.clientPort : f.protocol.serverPort();
        int dstPort = fromClient ? f.protocol.serverPort() : f.clientPort;
        int ttl = fromClient ? 64 : 52;
        ipId = (ipId + 1) & 0xffff;
        byte[] frame;
        if (f.protocol.ipProtocol() == 6) {
            long seq = fromClient ? f.clientSeq : f.serverSeq;
            long ack = (flags & PacketFrames.ACK) == 0 ? 0 : fromClient ? f.serverSeq : f.clientSeq;
            frame = PacketFrames.tcp(src, dst, srcPort, dstPort, seq, ack, flags, 64240, ttl, ipId, payload);
        } else {
            frame = PacketFrames.udp(src, dst, srcPort, dstPort, ttl, ipId, payload);
        }
        PacketRecord packet = new PacketRecord(f.timeUs, decoder.decode(LinkType.ETHERNET, false, frame, frame.length),
                frame, frame.length, f.protocol.label());
        pending.add(new Scheduled(f.timeUs, order++, packet));
    }

    private void dns(Flow f) {
        int id = random.nextInt(65536);
        String name = "host" + random.nextInt(1000) + "." + HOSTS[random.nextInt(HOSTS.length)];
        byte[] question = dnsName(name);
        ByteBuffer query = ByteBuffer.allocate(12 + question.length + 4);
        query.putShort((short) id).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).put(question).putShort((short) 1).putShort((short) 1);
        f.fromClient(0, query.array());
        f.after(f.rttUs);
        ByteBuffer answer = ByteBuffer.allocate(12 + question.length + 4 + 16);
        answer.putShort((short) id).putShort((short) 0x8180).putShort((short) 1).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).put(question).putShort((short) 1).putShort((short) 1)
                .putShort((short) 0xC00C).putShort((short) 1).putShort((short) 1).putInt(300).putShort((short) 4)
                .put(new byte[] {(byte) 198, 51, 100, (byte) random.nextInt(256)});
        f.fromServer(0, answer.array());
    }

    private static byte[] dnsName(String name) {
        ByteBuffer b = ByteBuffer.allocate(name.length() + 2);
        for (String label : name.split("\\.")) {
            b.put((byte) label.length()).put(label.getBytes(StandardCharsets.US_ASCII));
        }
        b.put((byte) 0);
        return b.array();
    }

    private void ntp(Flow f) {
        byte[] request = new byte[48];
        request[0] = 0x23; // LI 0, version 4, mode 3 (client)
        ByteBuffer.wrap(request).putLong(40, f.timeUs);
        f.fromClient(0, request);
        f.after(f.rttUs);
        byte[] reply = new byte[48];
        reply[0] = 0x24; // LI 0, version 4, mode 4 (server)
        reply[1] = 2; // stratum
        reply[2] = 6; // poll interval 2^6 s
        reply[3] = (byte) 0xEC; // precision about 2^-20 s
        ByteBuffer.wrap(reply).putLong(24, f.timeUs - f.rttUs).putLong(32, f.timeUs).putLong(40, f.timeUs);
        f.fromServer(0, reply);
    }

    private void quic(Flow f) {
        f.fromClient(0, quicLong(1200, 0xC3));
        f.after(f.rttUs);
        f.fromServer(0, quicLong(1200, 0xC1));
        f.briefly();
        f.fromServer(0, quicLong(900 + random.nextInt(300), 0xE1));
        f.briefly();
        f.fromClient(0, quicShort(40 + random.nextInt(60)));
        int exchanges = 2 + random.nextInt(8);
        for (int i = 0; i < exchanges; i++) {
            f.after(f.rttUs / 2);
            f.fromClient(0, quicShort(60 + random.nextInt(200)));
            f.after(f.rttUs);
            f.fromServer(0, quicShort(200 + random.nextInt(1150)));
        }
    }

    private byte[] quicLong(int size, int firstByte) {
        byte[] b = new byte[size];
        ByteBuffer buffer = ByteBuffer.wrap(b);
        buffer.put((byte) firstByte).putInt(1).put((byte) 8).putLong(random.nextLong()).put((byte) 8).putLong(random.nextLong());
        fillRandom(b, buffer.position());
        return b;
    }

    private byte[] quicShort(int size) {
        byte[] b = new byte[size];
        fillRandom(b, 0);
        b[0] = (byte) (0x40 | (b[0] & 0x1f));
        return b;
    }

    private void http(Flow f) {
        f.handshake();
        String host = HOSTS[random.nextInt(HOSTS.length)];
        String request = "GET /assets/" + random.nextInt(100_000) + ".js HTTP/1.1\r\nHost: " + host
                + "\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        f.briefly();
        f.fromClient(PacketFrames.ACK | PacketFrames.PSH, request.getBytes(StandardCharsets.US_ASCII));
        f.after(f.rttUs);
        int bodyBytes = (int) Math.min(200_000, Math.round(Math.exp(8 + 1.5 * random.nextGaussian())));
        byte[] header = ("HTTP/1.1 200 OK\r\nContent-Type: application/javascript\r\nContent-Length: " + bodyBytes
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] response = new byte[header.length + bodyBytes];
        System.arraycopy(header, 0, response, 0, header.length);
        for (int i = header.length; i < response.length; i++) {
            response[i] = (byte) (32 + random.nextInt(95));
        }
        f.serverBulk(response);
        f.teardown();
    }

    private void tls(Flow f) {
        f.handshake();
        f.briefly();
        f.fromClient(PacketFrames.ACK | PacketFrames.PSH, tlsRecord(0x16, 0x0301, 512, 0x01));
        f.after(f.rttUs);
        byte[] serverFlight = tlsRecord(0x16, 0x0303, 2800 + random.nextInt(1600), 0x02);
        f.serverBulk(serverFlight);
        f.briefly();
        f.fromClient(PacketFrames.ACK | PacketFrames.PSH, tlsRecord(0x16, 0x0303, 80, 0x14));
        int exchanges = 1 + random.nextInt(6);
        for (int i = 0; i < exchanges; i++) {
            f.after(f.rttUs / 2);
            f.fromClient(PacketFrames.ACK | PacketFrames.PSH, tlsRecord(0x17, 0x0303, 100 + random.nextInt(600), -1));
            f.after(f.rttUs);
            f.serverBulk(tlsRecord(0x17, 0x0303, 300 + random.nextInt(12_000), -1));
        }
        f.teardown();
    }

    /** A TLS record: content type, version, length, then a handshake type byte (when not -1) and random bytes. */
    private byte[] tlsRecord(int contentType, int version, int length, int handshakeType) {
        byte[] record = new byte[5 + length];
        ByteBuffer b = ByteBuffer.wrap(record);
        b.put((byte) contentType).putShort((short) version).putShort((short) length);
        fillRandom(record, 5);
        if (handshakeType >= 0) {
            record[5] = (byte) handshakeType;
            record[6] = 0;
            record[7] = (byte) ((length - 4) >>> 8);
            record[8] = (byte) (length - 4);
        }
        return record;
    }

    private void ssh(Flow f) {
        f.handshake();
        f.after(f.rttUs / 2);
        f.fromServer(PacketFrames.ACK | PacketFrames.PSH,
                "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n".getBytes(StandardCharsets.US_ASCII));
        f.briefly();
        f.fromClient(PacketFrames.ACK | PacketFrames.PSH, "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
        f.briefly();
        f.fromClient(PacketFrames.ACK | PacketFrames.PSH, sshPacket(1400 + random.nextInt(200), 20));
        f.after(f.rttUs);
        f.fromServer(PacketFrames.ACK | PacketFrames.PSH, sshPacket(1000 + random.nextInt(100), 20));
        int keystrokes = 5 + random.nextInt(40);
        for (int i = 0; i < keystrokes; i++) {
            f.after(80_000 + random.nextInt(300_000));
            f.fromClient(PacketFrames.ACK | PacketFrames.PSH, sshPacket(36, -1));
            f.after(f.rttUs);
            f.fromServer(PacketFrames.ACK | PacketFrames.PSH, sshPacket(36 + 16 * random.nextInt(4), -1));
        }
        f.teardown();
    }

    /** An SSH binary packet: length, padding length, then a message code (when not -1) and random bytes. */
    private byte[] sshPacket(int size, int messageCode) {
        byte[] packet = new byte[size];
        fillRandom(packet, 0);
        ByteBuffer.wrap(packet).putInt(size - 4).put((byte) (4 + random.nextInt(12)));
        if (messageCode >= 0) {
            packet[5] = (byte) messageCode;
        }
        return packet;
    }

    private void fillRandom(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
    }

    @Override
    public void close() {
        // Nothing to release: the simulation holds no external resources.
    }

    /** The protocol names in label order, for reports. */
    public static List<String> labelNames() {
        List<String> names = new ArrayList<>();
        for (TrafficProtocol t : TrafficProtocol.values()) {
            names.add(t.name());
        }
        return names;
    }
}
