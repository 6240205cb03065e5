package io.spikeline.ingest.events;

import com.github.luben.zstd.ZstdInputStream;
import com.google.flatbuffers.Table;
import io.spikeline.ingest.IngestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the polarity events of an AEDAT 4.0 file (iniVation DV). The file is:
 *
 * <ol>
 *   <li>the signature {@code #!AER-DAT4.0\r\n};</li>
 *   <li>an {@code IOHeader} FlatBuffer, size-prefixed (int32 length, little-endian), identifier {@code IOHE},
 *       whose fields read here are: slot 0 {@code compression} (int32 enum: 0 NONE, 1 LZ4, 2 LZ4_HIGH, 3 ZSTD,
 *       4 ZSTD_HIGH), slot 1 {@code dataTablePosition} (int64, -1 when absent: the file index begins there and
 *       the packets end) and slot 2 {@code infoNode} (string: an XML tree with one node per stream, named by its
 *       stream id, holding {@code typeIdentifier} and, in its {@code info} node, {@code sizeX} / {@code sizeY});</li>
 *   <li>packets: int32 stream id, int32 byte size, then that many bytes of one compressed (LZ4 frame, see
 *       {@link Lz4Frames}, or Zstandard frame) size-prefixed FlatBuffer. For the {@code EVTS} stream it is an {@code EventPacket}
 *       whose slot 0 {@code elements} is a vector of 16-byte {@code Event} structs: int64 timestamp (µs since
 *       the epoch) at 0, int16 x at 8, int16 y at 10, bool polarity at 12.</li>
 * </ol>
 *
 * The first {@code EVTS} stream is read, with the geometry its info gives; packets of every other stream
 * (frames, IMU samples, triggers) are skipped and counted by type identifier ({@link #skippedPackets()}).
 *
 * <p>Packets are independent: one that does not decompress or whose FlatBuffer is malformed raises an
 * {@link IngestException} at the packet's offset, and the next {@link #read()} goes on with the packet after
 * it (counted in {@link EventReadStats#corruptPackets()}). A packet header that cannot be right (a negative
 * size, one beyond {@value #MAX_PACKET_BYTES} bytes) ends the reader, since the next packet cannot be found.
 * A file that ends inside a packet ends cleanly, its bytes counted as a truncated tail.
 */
public final class Aedat4Reader extends EventFileReader {
    static final String SIGNATURE = "#!AER-DAT4.0\r\n";
    static final int MAX_PACKET_BYTES = 1 << 28;
    private static final int EVENT_STRUCT_BYTES = 16;
    private static final String EVENTS_TYPE = "EVTS";

    /** The IOHeader compression enum, in schema order. */
    public enum Compression { NONE, LZ4, LZ4_HIGH, ZSTD, ZSTD_HIGH }

    private Compression compression;
    private long dataTablePosition = -1;
    private int eventStream = -1;
    private final Map<Integer, String> streamTypes = new HashMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private IngestException packetFailure;

    private Aedat4Reader(Path file, EventReaderOptions options) throws IOException {
        super(file, options);
    }

    public static Aedat4Reader open(Path file) throws IOException {
        return open(file, EventReaderOptions.defaults());
    }

    public static Aedat4Reader open(Path file, EventReaderOptions options) throws IOException {
        return openedOrClosed(new Aedat4Reader(file, options), Aedat4Reader::readHeader);
    }

    public Compression compression() {
        return compression;
    }

    /** Packets skipped so far, by the type identifier of their stream ({@code FRME}, {@code IMUS}, …). */
    public Map<String, Long> skippedPackets() {
        return Map.copyOf(skipped);
    }

    /** The hand-written accessor of the IOHeader table (no generated code: the three fields above). */
    private static final class IoHeader extends Table {
        IoHeader(ByteBuffer buffer) {
            __reset(buffer.getInt(buffer.position()) + buffer.position(), buffer);
        }

        int compression() {
            int o = __offset(4);
            return o != 0 ? bb.getInt(o + bb_pos) : 0;
        }

        long dataTablePosition() {
            int o = __offset(6);
            return o != 0 ? bb.getLong(o + bb_pos) : -1;
        }

        String infoNode() {
            int o = __offset(8);
            return o != 0 ? __string(o + bb_pos) : null;
        }
    }

    /** The hand-written accessor of an EventPacket table: where its vector of Event structs lies. */
    private static final class EventPacket extends Table {
        EventPacket(ByteBuffer buffer, int root) {
            __reset(root, buffer);
        }

        int elementsStart() {
            int o = __offset(4);
            return o != 0 ? __vector(o) : -1;
        }

        int elementCount() {
            int o = __offset(4);
            return o != 0 ? __vector_len(o) : 0;
        }
    }

    private void readHeader() throws IOException {
        in.expectMagic(SIGNATURE, "AEDAT 4.0");
        long sizeAt = in.offset();
        byte[] sizeBytes = new byte[4];
        in.readExactly(sizeBytes, 4, "the IOHeader size");
        int size = ByteBuffer.wrap(sizeBytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (size < 8 || size > MAX_PACKET_BYTES) {
            throw new IngestException(source, sizeAt, "IOHeader size " + size + " is impossible");
        }
        byte[] headerBytes = new byte[size];
        in.readExactly(headerBytes, size, "the IOHeader");
        ByteBuffer bb = ByteBuffer.wrap(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        String info;
        int compressionCode;
        try {
            if (!"IOHE".equals(new String(headerBytes, 4, 4, StandardCharsets.US_ASCII))) {
                throw new IngestException(source, sizeAt + 8, "IOHeader lacks its FlatBuffer identifier 'IOHE'");
            }
            IoHeader header = new IoHeader(bb);
            compressionCode = header.compression();
            dataTablePosition = header.dataTablePosition();
            info = header.infoNode();
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            // FlatBuffers reports offsets outside the buffer and strings that are not UTF-8 this way.
            throw new IngestException(source, sizeAt + 4, "IOHeader FlatBuffer is malformed: " + e.getMessage());
        }
        if (compressionCode < 0 || compressionCode >= Compression.values().length) {
            throw new IngestException(source, sizeAt + 4, "IOHeader compression " + compressionCode
                    + " is not one of " + Arrays.toString(Compression.values()));
        }
        compression = Compression.values()[compressionCode];
        if (info == null) {
            throw new IngestException(source, sizeAt + 4, "IOHeader has no infoNode describing the streams");
        }
        readStreams(info, sizeAt + 4);
    }

    /** Finds the streams in the info XML: the first EVTS stream and its geometry, and every stream's type. */
    private void readStreams(String xml, long at) throws IngestException {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IngestException(source, at, "IOHeader infoNode is not well-formed XML: " + e.getMessage());
        }
        Element outputs = childNode(root, "outInfo");
        if (outputs == null) {
            throw new IngestException(source, at, "IOHeader infoNode has no 'outInfo' node listing the streams");
        }
        int width = 0;
        int height = 0;
        for (Node n = outputs.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element stream) || !stream.getTagName().equals("node")) {
                continue;
            }
            int id;
            try {
                id = Integer.parseInt(stream.getAttribute("name"));
            } catch (NumberFormatException e) {
                continue;
            }
            String type = attribute(stream, "typeIdentifier");
            streamTypes.put(id, type);
            if (EVENTS_TYPE.equals(type) && eventStream < 0) {
                eventStream = id;
                Element info = childNode(stream, "info");
                if (info != null) {
                    width = parseOrZero(attribute(info, "sizeX"));
                    height = parseOrZero(attribute(info, "sizeY"));
                }
            }
        }
        if (eventStream < 0) {
            throw new IngestException(source, at, "no EVTS (polarity event) stream in the file; streams: " + streamTypes);
        }
        useGeometry(width, height, at, "the EVTS stream info");
    }

    private static Element childNode(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("node") && e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String attribute(Element node, String key) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("attr") && e.getAttribute("key").equals(key)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static int parseOrZero(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    boolean resumesAfter(IngestException e) {
        return e == packetFailure;
    }

    /** Reads one packet: decodes it when it belongs to the event stream, skips it otherwise. */
    @Override
    boolean decodeMore() throws IOException {
        long packetOffset = in.offset();
        if (dataTablePosition >= 0 && packetOffset >= dataTablePosition) {
            return false;
        }
        byte[] head = new byte[8];
        int got = in.readUpTo(head, 0, 8);
        if (got < 8) {
            truncatedTailBytes += got;
            return false;
        }
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int stream = h.getInt(0);
        int size = h.getInt(4);
        if (size < 0 || size > MAX_PACKET_BYTES) {
            throw new IngestException(source, packetOffset + 4, "packet of stream " + stream + " claims " + size
                    + " bytes; expected 0 to " + MAX_PACKET_BYTES + " (corrupt packet header)");
        }
        if (stream != eventStream) {
            long skippedBytes = in.skip(size);
            if (skippedBytes < size) {
                truncatedTailBytes += 8 + skippedBytes;
                return false;
            }
            skipped.merge(streamTypes.getOrDefault(stream, "stream " + stream), 1L, Long::sum);
            otherWords++;
            return true;
        }
        byte[] compressed = new byte[size];
        int present = in.readUpTo(compressed, 0, size);
        if (present < size) {
            truncatedTailBytes += 8 + present;
            return false;
        }
        decodePacket(compressed, packetOffset);
        return true;
    }

    private void decodePacket(byte[] compressed, long packetOffset) throws IOException {
        ByteBuffer bb;
        int start;
        int count;
        try {
            bb = ByteBuffer.wrap(decompress(compressed)).order(ByteOrder.LITTLE_ENDIAN);
            if (bb.capacity() < 12) {
                throw new IllegalStateException("decompressed packet holds " + bb.capacity() + " bytes");
            }
            EventPacket packet = new EventPacket(bb, 4 + bb.getInt(4));
            start = packet.elementsStart();
            count = packet.elementCount();
            if (count < 0 || (count > 0 && (start < 0 || (long) start + (long) count * EVENT_STRUCT_BYTES
                    > bb.capacity()))) {
                throw new IllegalStateException("event vector of " + count + " events at " + start
                        + " overruns the " + bb.capacity() + "-byte packet");
            }
        } catch (IOException | RuntimeException e) {
            corruptPackets++;
            packetFailure = new IngestException(source, packetOffset, "event packet could not be decoded ("
                    + compression + "): " + e.getMessage() + "; skipped to the next packet");
            throw packetFailure;
        }
        for (int i = 0; i < count; i++) {
            int at = start + i * EVENT_STRUCT_BYTES;
            emit(bb.getLong(at), bb.getShort(at + 8), bb.getShort(at + 10), bb.get(at + 12) != 0 ? 1 : 0,
                    packetOffset);
        }
    }

    private byte[] decompress(byte[] compressed) throws IOException {
        if (compression == Compression.NONE) {
            return compressed;
        }
        if (compression == Compression.LZ4 || compression == Compression.LZ4_HIGH) {
            return Lz4Frames.decode(compressed);
        }
        try (InputStream expanded = new ZstdInputStream(new ByteArrayInputStream(compressed))) {
            return expanded.readAllBytes();
        }
    }
}
