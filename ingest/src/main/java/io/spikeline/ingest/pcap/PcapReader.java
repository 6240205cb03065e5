package io.spikeline.ingest.pcap;

import io.spikeline.ingest.IngestException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a libpcap ({@code .pcap}, microsecond or nanosecond, either byte order) or pcapng capture as
 * {@link PacketRecord}s with their IP flow, one frame in memory at a time.
 *
 * <p>Frames that are not IP, or whose headers the snap length cut, are skipped and counted; pcapng blocks
 * other than packets are skipped and counted. A capture that ends inside a record ends cleanly: the
 * incomplete record's bytes are counted in {@link CaptureStats#truncatedTailBytes()}. A record header that
 * cannot be right (a frame larger than {@link PcapOptions#maxFrameBytes()}, a pcapng block whose trailing
 * length differs from its leading one) raises an {@link IngestException} at its offset: the classic format
 * has no marker to resynchronise on. Timestamps that jump are reported, see {@link PcapOptions}.
 */
public final class PcapReader implements RecordReader<PacketRecord> {
    private static final int PCAP_MICROS = 0xA1B2C3D4;
    private static final int PCAP_NANOS = 0xA1B23C4D;
    private static final int PCAPNG_SECTION = 0x0A0D0D0A;
    private static final int PCAPNG_BYTE_ORDER = 0x1A2B3C4D;
    private static final int BLOCK_INTERFACE = 0x00000001;
    private static final int BLOCK_PACKET_OBSOLETE = 0x00000002;
    private static final int BLOCK_SIMPLE_PACKET = 0x00000003;
    private static final int BLOCK_ENHANCED_PACKET = 0x00000006;
    private static final int OPTION_TS_RESOLUTION = 9;
    private static final int MAX_BLOCK_BYTES = 16 * 1024 * 1024;

    private final String source;
    private final InputStream in;
    private final PcapOptions options;
    private final PacketDecoder decoder = new PacketDecoder();
    private final boolean pcapng;
    private final List<TimestampAnomaly> anomalies = new ArrayList<>();
    private final List<Interface> interfaces = new ArrayList<>();

    private ByteOrder order;
    private long offset;
    private long ticksPerSecond;
    private LinkType classicLink;

    private long frames;
    private long packets;
    private long nonIp;
    private long tooShort;
    private long otherBlocks;
    private long truncatedTail;
    private long lastTrustedUs = Long.MIN_VALUE;
    private boolean ended;

    /** A decoded packet with where it was found, before its timestamp is judged. */
    private record Located(long frameNumber, long offset, PacketRecord packet) {}

    private Located lookahead;
    private long lastFrameNumber;

    /** One pcapng interface: its link type and timestamp resolution. */
    private record Interface(LinkType link, long ticksPerSecond) {}

    private PcapReader(Path file, InputStream in, PcapOptions options) throws IOException {
        this.source = file.toString();
        this.in = in;
        this.options = options;
        byte[] magic = new byte[4];
        if (readUpTo(magic, 4) < 4) {
            throw new IngestException(source, 0, "file is shorter than a capture header");
        }
        int big = ByteBuffer.wrap(magic).order(ByteOrder.BIG_ENDIAN).getInt();
        int little = ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (big == PCAPNG_SECTION) {
            pcapng = true;
            readSectionHeader();
        } else if (big == PCAP_MICROS || big == PCAP_NANOS || little == PCAP_MICROS || little == PCAP_NANOS) {
            pcapng = false;
            order = big == PCAP_MICROS || big == PCAP_NANOS ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            int m = big == PCAP_MICROS || big == PCAP_NANOS ? big : little;
            ticksPerSecond = m == PCAP_NANOS ? 1_000_000_000L : 1_000_000L;
            ByteBuffer header = readExactly(20, "the pcap file header");
            int major = header.getShort(0) & 0xffff;
            if (major != 2) {
                throw new IngestException(source, 4, "pcap major version " + major + " is not supported (expected 2)");
            }
            int classicLinkCode = header.getInt(16) & 0xffff;
            classicLink = LinkType.of(classicLinkCode);
            if (classicLink == null) {
                throw new IngestException(source, 20, "link type " + classicLinkCode + " is not supported; supported: "
                        + Arrays.toString(LinkType.values()));
            }
        } else {
            throw new IngestException(source, 0, String.format("expected a pcap magic number (0xA1B2C3D4 or "
                    + "0xA1B23C4D, either byte order) or a pcapng section header 0x0A0D0D0A, found 0x%08X", big));
        }
    }

    public static PcapReader open(Path file) throws IOException {
        return open(file, PcapOptions.defaults());
    }

    public static PcapReader open(Path file, PcapOptions options) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return new PcapReader(file, in, options);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public boolean isPcapng() {
        return pcapng;
    }

    public CaptureStats stats() {
        return new CaptureStats(frames, packets, nonIp, tooShort, otherBlocks, truncatedTail, anomalies.size());
    }

    /** Every timestamp anomaly found so far. */
    public List<TimestampAnomaly> timestampAnomalies() {
        return List.copyOf(anomalies);
    }

    /**
     * The next IP packet, or {@code null} at the end. A packet whose time jumps by more than
     * {@link PcapOptions#maxTimestampJumpUs()} is judged by the packet after it: when that one follows the new
     * time, the clock really moved (captures merged, a clock set) and the jump is kept; otherwise the packet
     * is an outlier and takes the last trusted time. Either way it is reported as a {@link TimestampAnomaly}.
     */
    @Override
    public PacketRecord read() throws IOException {
        Located current = lookahead != null ? lookahead : nextLocated();
        lookahead = null;
        if (current == null) {
            return null;
        }
        packets++;
        lastFrameNumber = current.frameNumber();
        PacketRecord p = current.packet();
        long t = p.captureTimeUs();
        if (lastTrustedUs == Long.MIN_VALUE || Math.abs(t - lastTrustedUs) <= options.maxTimestampJumpUs()) {
            lastTrustedUs = t;
            return p;
        }
        lookahead = nextLocated();
        boolean clockMoved = lookahead != null
                && Math.abs(lookahead.packet().captureTimeUs() - t) <= options.maxTimestampJumpUs();
        long used = clockMoved ? t : lastTrustedUs;
        anomalies.add(new TimestampAnomaly(current.frameNumber(), current.offset(), t, used));
        if (clockMoved) {
            lastTrustedUs = t;
            return p;
        }
        return new PacketRecord(used, p.flow(), p.bytes(), p.wireLength(), p.label());
    }

    /** The 1-based frame number of the packet last returned by {@link #read()}. */
    public long lastFrameNumber() {
        return lastFrameNumber;
    }

    private Located nextLocated() throws IOException {
        while (!ended) {
            Located packet = pcapng ? nextBlock() : nextClassicRecord();
            if (packet != null) {
                return packet;
            }
        }
        return null;
    }

    private Located nextClassicRecord() throws IOException {
        long recordOffset = offset;
        ByteBuffer header = readOrEnd(16);
        if (header == null) {
            truncatedTail = offset - recordOffset;
            return null;
        }
        long seconds = header.getInt(0) & 0xffffffffL;
        long fraction = header.getInt(4) & 0xffffffffL;
        int captured = header.getInt(8);
        int original = header.getInt(12);
        checkFrameLength(recordOffset, captured);
        byte[] frame = readFrameOrEnd(captured);
        if (frame == null) {
            truncatedTail = offset - recordOffset;
            return null;
        }
        return packet(recordOffset, seconds * 1_000_000L + fraction * 1_000_000L / ticksPerSecond, classicLink, frame,
                Math.max(original, captured));
    }

    private Located nextBlock() throws IOException {
        long blockOffset = offset;
        ByteBuffer head = readOrEnd(8);
        if (head == null) {
            truncatedTail = offset - blockOffset;
            return null;
        }
        int type = head.getInt(0);
        int length = head.getInt(4);
        if (type == PCAPNG_SECTION) {
            restartSection(blockOffset, length);
            return null;
        }
        if (length < 12 || length % 4 != 0 || length > MAX_BLOCK_BYTES) {
            throw new IngestException(source, blockOffset + 4, "pcapng block of type 0x" + Integer.toHexString(type)
                    + " has length " + length + "; expected a multiple of 4 between 12 and " + MAX_BLOCK_BYTES);
        }
        byte[] body = readFrameOrEnd(length - 12);
        ByteBuffer trailer = body == null ? null : readOrEnd(4);
        if (trailer == null) {
            truncatedTail = offset - blockOffset;
            return null;
        }
        if (trailer.getInt(0) != length) {
            throw new IngestException(source, offset - 4, "pcapng block at " + blockOffset + " ends with length "
                    + trailer.getInt(0) + " but began with " + length);
        }
        ByteBuffer b = ByteBuffer.wrap(body).order(order);
        switch (type) {
            case BLOCK_INTERFACE:
                interfaces.add(readInterface(blockOffset, b));
                return null;
            case BLOCK_ENHANCED_PACKET: {
                Interface itf = interfaceOf(blockOffset, b.getInt(0));
                long ticks = (b.getInt(4) & 0xffffffffL) << 32 | (b.getInt(8) & 0xffffffffL);
                int captured = b.getInt(12);
                int original = b.getInt(16);
                return packetFromBlock(blockOffset, itf, ticks, b, 20, captured, original);
            }
            case BLOCK_PACKET_OBSOLETE: {
                Interface itf = interfaceOf(blockOffset, b.getShort(0) & 0xffff);
                long ticks = (b.getInt(4) & 0xffffffffL) << 32 | (b.getInt(8) & 0xffffffffL);
                return packetFromBlock(blockOffset, itf, ticks, b, 20, b.getInt(12), b.getInt(16));
            }
            case BLOCK_SIMPLE_PACKET: {
                Interface itf = interfaceOf(blockOffset, 0);
                int original = b.getInt(0);
                int captured = Math.min(original, body.length - 4);
                return packetFromBlock(blockOffset, itf, -1, b, 4, captured, original);
            }
            default:
                otherBlocks++;
                return null;
        }
    }

    private Located packetFromBlock(long blockOffset, Interface itf, long ticks, ByteBuffer body, int dataAt,
                                         int captured, int original) throws IngestException {
        checkFrameLength(blockOffset, captured);
        if (dataAt + captured > body.capacity()) {
            throw new IngestException(source, blockOffset, "pcapng packet block claims " + captured
                    + " captured bytes but holds " + (body.capacity() - dataAt));
        }
        byte[] frame = new byte[captured];
        body.get(dataAt, frame);
        // Simple packet blocks carry no time: they take the last trusted one.
        long us = ticks < 0 ? Math.max(lastTrustedUs, 0) : ticksToMicros(ticks, itf.ticksPerSecond());
        return packet(blockOffset, us, itf.link(), frame, Math.max(original, captured));
    }

    private static long ticksToMicros(long ticks, long perSecond) {
        if (perSecond == 1_000_000L) {
            return ticks;
        }
        return Math.floorDiv(ticks, perSecond) * 1_000_000L + Math.floorMod(ticks, perSecond) * 1_000_000L / perSecond;
    }

    private Located packet(long recordOffset, long timeUs, LinkType link, byte[] frame, int wireLength) {
        frames++;
        FlowKey flow = link == null ? null
                : decoder.decode(link, order == ByteOrder.LITTLE_ENDIAN, frame, frame.length);
        if (flow == null) {
            if (link == null || decoder.lastSkip() == PacketDecoder.Skip.NOT_IP) {
                nonIp++;
            } else {
                tooShort++;
            }
            return null;
        }
        return new Located(frames, recordOffset, new PacketRecord(timeUs, flow, frame, wireLength, PacketRecord.NO_LABEL));
    }

    private void checkFrameLength(long recordOffset, int captured) throws IngestException {
        if (captured < 0 || captured > options.maxFrameBytes()) {
            throw new IngestException(source, recordOffset, "record claims " + (captured & 0xffffffffL)
                    + " captured bytes; expected at most " + options.maxFrameBytes() + " (corrupt record header)");
        }
    }

    private void readSectionHeader() throws IOException {
        offset = 4;
        ByteBuffer lengthAndMagic = readExactly(8, "the pcapng section header");
        // The byte-order magic decides how every later field, the length before it included, is read.
        int magicLittle = lengthAndMagic.order(ByteOrder.LITTLE_ENDIAN).getInt(4);
        order = magicLittle == PCAPNG_BYTE_ORDER ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        if (lengthAndMagic.order(order).getInt(4) != PCAPNG_BYTE_ORDER) {
            throw new IngestException(source, 8, String.format("pcapng byte-order magic should be 0x1A2B3C4D, found 0x%08X",
                    lengthAndMagic.order(ByteOrder.BIG_ENDIAN).getInt(4)));
        }
        int length = lengthAndMagic.order(order).getInt(0);
        skipSectionRest(0, length);
    }

    private void restartSection(long blockOffset, int lengthInPreviousOrder) throws IOException {
        ByteOrder previous = order;
        ByteBuffer magic = readExactly(4, "the pcapng byte-order magic");
        order = magic.order(ByteOrder.LITTLE_ENDIAN).getInt(0) == PCAPNG_BYTE_ORDER
                ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        if (magic.order(order).getInt(0) != PCAPNG_BYTE_ORDER) {
            throw new IngestException(source, blockOffset + 8, String.format(
                    "pcapng byte-order magic should be 0x1A2B3C4D, found 0x%08X", magic.order(ByteOrder.BIG_ENDIAN).getInt(0)));
        }
        int length = order == previous ? lengthInPreviousOrder : Integer.reverseBytes(lengthInPreviousOrder);
        interfaces.clear();
        skipSectionRest(blockOffset, length);
    }

    /** Skips the section header's version, section length and options, and checks its trailing length. */
    private void skipSectionRest(long blockOffset, int length) throws IOException {
        if (length < 28 || length % 4 != 0 || length > MAX_BLOCK_BYTES) {
            throw new IngestException(source, blockOffset + 4, "pcapng section header has length " + length
                    + "; expected a multiple of 4, at least 28");
        }
        ByteBuffer rest = readExactly(length - 12, "the pcapng section header");
        int major = rest.getShort(0) & 0xffff;
        if (major != 1) {
            throw new IngestException(source, blockOffset + 12, "pcapng major version " + major
                    + " is not supported (expected 1)");
        }
        if (rest.getInt(length - 16) != length) {
            throw new IngestException(source, blockOffset + length - 4, "pcapng section header ends with length "
                    + rest.getInt(length - 16) + " but began with " + length);
        }
    }

    private Interface readInterface(long blockOffset, ByteBuffer b) throws IngestException {
        int code = b.getShort(0) & 0xffff;
        long perSecond = 1_000_000L;
        int at = 8;
        while (at + 4 <= b.capacity()) {
            int option = b.getShort(at) & 0xffff;
            int optionLength = b.getShort(at + 2) & 0xffff;
            if (option == 0) {
                break;
            }
            if (option == OPTION_TS_RESOLUTION && optionLength >= 1) {
                int v = b.get(at + 4) & 0xff;
                int exponent = v & 0x7f;
                if ((v & 0x80) != 0 ? exponent > 62 : exponent > 18) {
                    throw new IngestException(source, blockOffset + 8 + at, "interface timestamp resolution 0x"
                            + Integer.toHexString(v) + " is out of range");
                }
                perSecond = (v & 0x80) != 0 ? 1L << exponent : pow10(exponent);
            }
            at += 4 + (optionLength + 3) / 4 * 4;
        }
        return new Interface(LinkType.of(code), perSecond);
    }

    private static long pow10(int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= 10;
        }
        return p;
    }

    private Interface interfaceOf(long blockOffset, int id) throws IngestException {
        if (id < 0 || id >= interfaces.size()) {
            throw new IngestException(source, blockOffset, "packet names interface " + id + " but the section has "
                    + interfaces.size() + " interface description blocks");
        }
        return interfaces.get(id);
    }

    /** Reads {@code n} bytes, or ends the stream at a partial tail, returning null. */
    private ByteBuffer readOrEnd(int n) throws IOException {
        byte[] bytes = readFrameOrEnd(n);
        return bytes == null ? null : ByteBuffer.wrap(bytes).order(order);
    }

    private byte[] readFrameOrEnd(int n) throws IOException {
        byte[] bytes = new byte[n];
        if (readUpTo(bytes, n) < n) {
            ended = true;
            return null;
        }
        return bytes;
    }

    private ByteBuffer readExactly(int n, String what) throws IOException {
        long at = offset;
        byte[] bytes = new byte[n];
        int got = readUpTo(bytes, n);
        if (got < n) {
            throw new IngestException(source, at + got, "file ends inside " + what + " (" + n + " bytes expected, "
                    + got + " present)");
        }
        return ByteBuffer.wrap(bytes).order(order == null ? ByteOrder.BIG_ENDIAN : order);
    }

    private int readUpTo(byte[] into, int n) throws IOException {
        int got = in.readNBytes(into, 0, n);
        offset += got;
        return got;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
