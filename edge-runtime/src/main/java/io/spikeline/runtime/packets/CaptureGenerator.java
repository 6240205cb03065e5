package io.spikeline.runtime.packets;

import io.spikeline.ingest.pcap.PcapReader;
import io.spikeline.models.record.PacketRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Capture files as a generator: their IP packets in order, file after file, on the {@link CaptureClock} time line,
 * each labelled by {@link PortClasses}. Runs at parallelism 1; a restart reads the files again from the start.
 */
final class CaptureGenerator implements GeneratorFunction<Long, PacketRecord> {
    private static final long serialVersionUID = 1L;

    private final List<String> files;
    private transient Replay replay;

    CaptureGenerator(List<String> files) {
        this.files = files;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        replay = new Replay(files);
    }

    @Override
    public PacketRecord map(Long index) throws IOException {
        PacketRecord p = replay.next();
        if (p == null) {
            throw new IllegalStateException("the captures ended at packet " + index + ", before the count taken "
                    + "when the job was built: was a file changed?");
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        if (replay != null) {
            replay.close();
        }
    }

    /** What the captures hold: their packets and the replay time of the last one, µs. */
    record Extent(long packets, long lastUs) {}

    /** Reads every capture once, so that the job knows how many packets it will classify. */
    static Extent extent(List<String> files) {
        try (Replay counting = new Replay(files)) {
            long n = 0;
            long last = 0;
            for (PacketRecord p = counting.next(); p != null; p = counting.next()) {
                n++;
                last = p.captureTimeUs();
            }
            if (n == 0) {
                throw new IllegalArgumentException("the captures " + files + " hold no IP packet");
            }
            return new Extent(n, last);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the captures " + files + ": " + e.getMessage(), e);
        }
    }

    /** The files' packets in order, retimed and labelled. */
    private static final class Replay implements AutoCloseable {
        private final List<String> files;
        private final CaptureClock clock = new CaptureClock();
        private PcapReader reader;
        private int file = -1;
        private boolean fileStart;

        Replay(List<String> files) {
            this.files = files;
        }

        PacketRecord next() throws IOException {
            while (true) {
                if (reader == null) {
                    if (++file >= files.size()) {
                        return null;
                    }
                    reader = PcapReader.open(Path.of(files.get(file)));
                    fileStart = true;
                }
                PacketRecord p = reader.read();
                if (p != null) {
                    long t = clock.next(p.captureTimeUs(), fileStart);
                    fileStart = false;
                    return new PacketRecord(t, p.flow(), p.bytes(), p.wireLength(), PortClasses.label(p.flow()));
                }
                reader.close();
                reader = null;
            }
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
