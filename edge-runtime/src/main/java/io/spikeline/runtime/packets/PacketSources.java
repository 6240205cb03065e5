package io.spikeline.runtime.packets;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.runtime.endpoint.EndpointStream;
import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.EndpointSources;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The packet sources, built apart from the job ({@link PacketsJob#build} takes any stream of labelled packets): the
 * bounded ones of an embedded run, the simulator or capture files, and any {@link Endpoint}.
 */
public final class PacketSources {
    private PacketSources() {}

    /**
     * A bounded stream of labelled packets: how many it carries and the traffic time they span.
     *
     * @param seconds traffic time from the first packet to the end (simulator) or to the last packet (captures), s
     */
    public record Bounded(DataStream<PacketRecord> packets, long count, double seconds) {}

    /**
     * The captures at {@code path}: the file itself, or every {@code .pcap} and {@code .pcapng} file of the folder in
     * name order.
     */
    public static List<Path> captures(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("no capture file or folder at " + path);
            }
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*.{pcap,pcapng}")) {
            entries.forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("the folder " + path + " holds no .pcap or .pcapng file");
        }
        Collections.sort(files);
        return files;
    }

    /**
     * The packets at {@code endpoint}, a broker topic of {@code PacketRecord} messages or a capture file, and the
     * messages that did not decode. The packets keep the labels they carry: a publisher that knows the truth labels
     * them, as the simulator does; unlabelled packets are classified but not learnt from.
     */
    public static EndpointStream<PacketRecord> fromEndpoint(StreamExecutionEnvironment env, Endpoint endpoint) {
        return EndpointSources.read(env, endpoint, KafkaRecordType.packets());
    }

    /** The traffic of {@code settings} as a stream on {@code env}, at parallelism 1. */
    public static Bounded of(StreamExecutionEnvironment env, PacketsSettings settings) {
        long count;
        double seconds;
        GeneratorFunction<Long, PacketRecord> generator;
        if (settings.simulated()) {
            count = TrafficGenerator.count(settings);
            seconds = settings.seconds();
            generator = new TrafficGenerator(settings);
        } else {
            CaptureGenerator.Extent extent = CaptureGenerator.extent(settings.captures());
            count = extent.packets();
            // A capture of one packet, or of packets all at one instant, lasts one microsecond, not zero.
            seconds = Math.max(1, extent.lastUs()) / 1e6;
            generator = new CaptureGenerator(settings.captures());
        }
        RateLimiterStrategy<?> pace = settings.realTime()
                ? RateLimiterStrategy.perSecond(count / seconds)
                : RateLimiterStrategy.noOp();
        DataStream<PacketRecord> packets = env.fromSource(
                new DataGeneratorSource<>(generator, count, pace, RecordTypes.PACKET_RECORD),
                WatermarkStrategy.noWatermarks(), settings.simulated() ? "simulated traffic" : "captures")
                .setParallelism(1);
        return new Bounded(packets, count, seconds);
    }
}
