package io.spikeline.runtime.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.testing.SharedFiles;
import io.spikeline.runtime.report.EmbeddedJob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File endpoints: recordings in through the ingest readers, decodings and dead letters out as JSON lines. */
class FileEndpointTest {
    private static final Path EDF = SharedFiles.data("eeg/eegmmidb_S001R01_eyes_open.edf");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aRecordingStreamsTheFramesItsReaderYieldsInOrder() throws Exception {
        List<SampleFrame> expected = direct();
        StreamExecutionEnvironment env = EmbeddedJob.environment();
        List<SampleFrame> streamed = new ArrayList<>();
        try (CloseableIterator<SampleFrame> frames = EndpointSources.read(env, Endpoint.parse("file://" + EDF),
                KafkaRecordType.sampleFrames(SamplePacking.float32())).records().executeAndCollect("file source")) {
            frames.forEachRemaining(streamed::add);
        }
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(streamed).isEqualTo(expected);
    }

    @Test
    void aRestoredSplitSkipsWhatItHadReadAndReadsTheRest() throws Exception {
        List<SampleFrame> expected = direct();
        RecordFileSource.Split<SampleFrame> start = new RecordFileSource.Split<>(EDF.toString(), SampleFrame.class, 0);
        RecordFileSource.RecordIterator<SampleFrame> reading = start.getIterator();
        for (int i = 0; i < 7; i++) {
            reading.next();
        }
        assertThat(reading.hasNext()).isTrue();
        RecordFileSource.Split<SampleFrame> restored =
                (RecordFileSource.Split<SampleFrame>) start.getUpdatedSplitForIterator(reading);
        assertThat(restored.position()).isEqualTo(7);
        List<SampleFrame> rest = new ArrayList<>();
        restored.getIterator().forEachRemaining(rest::add);
        assertThat(rest).isEqualTo(expected.subList(7, expected.size()));
    }

    @Test
    void aRecordingOfAnotherRecordTypeIsRefusedBeforeTheJobStarts() {
        assertThatThrownBy(() -> EndpointSources.read(EmbeddedJob.environment(), Endpoint.parse("file://" + EDF),
                KafkaRecordType.feedback()))
                .hasMessage("'file://" + EDF + "' holds SampleFrame records, not the Feedback records expected here");
        assertThatThrownBy(() -> EndpointSources.read(EmbeddedJob.environment(), Endpoint.parse("file:///no/such.edf"),
                KafkaRecordType.feedback()))
                .hasMessageContaining("'file:///no/such.edf' cannot be read").hasMessageContaining("no such file");
    }

    @Test
    void decodingsAndDeadLettersAreWrittenAsJsonLines() throws Exception {
        List<Decoding> decodings = List.of(
                new Decoding("implant-1", 20_000, new float[] {1.5f, -2.25f}, Decoding.NO_CLASS, 0, 100, 130),
                new Decoding("headset", 256_000, new float[] {0.25f, 0.75f}, 1, 0.75f, 200, 260));
        DeadLetter letter = new DeadLetter(new RawMessage("mqtt", "spikeline/eeg", -1, -1, 1234, new byte[0],
                new byte[] {1, 2, 3}), WireFormatException.Reason.BAD_HEADER, "mqtt:spikeline/eeg: not Avro");
        StreamExecutionEnvironment env = EmbeddedJob.environment();
        Path decoded = tmp.resolve("out/decodings.jsonl");
        Path dead = tmp.resolve("dead.jsonl");
        EndpointSinks.decodings(env.fromData(decodings, RecordTypes.DECODING), Endpoint.parse("file://" + decoded));
        EndpointSinks.deadLetters(env.fromData(List.of(letter), RecordTypes.DEAD_LETTER), Endpoint.parse("file:" + dead));
        env.execute("file sinks");

        List<String> lines = Files.readAllLines(decoded, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("sourceKey").asText()).isEqualTo("implant-1");
        assertThat(first.get("eventTimeUs").asLong()).isEqualTo(20_000);
        assertThat(first.get("output").get(0).floatValue()).isEqualTo(1.5f);
        assertThat(first.get("output").get(1).floatValue()).isEqualTo(-2.25f);
        assertThat(first.has("classId")).isFalse();
        assertThat(first.get("emitWallTimeUs").asLong() - first.get("ingestWallTimeUs").asLong()).isEqualTo(30);
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("classId").asInt()).isEqualTo(1);
        assertThat(second.get("confidence").floatValue()).isEqualTo(0.75f);

        JsonNode d = JSON.readTree(Files.readAllLines(dead, StandardCharsets.UTF_8).get(0));
        assertThat(d.get("origin").asText()).isEqualTo("mqtt:spikeline/eeg");
        assertThat(d.get("reason").asText()).isEqualTo("BAD_HEADER");
        assertThat(d.get("detail").asText()).isEqualTo("mqtt:spikeline/eeg: not Avro");
        assertThat(Base64.getDecoder().decode(d.get("payload").asText())).containsExactly(1, 2, 3);
    }

    private static List<SampleFrame> direct() throws Exception {
        List<SampleFrame> frames = new ArrayList<>();
        try (RecordReader<?> reader = Recordings.open(EDF, new HashMap<>())) {
            for (Object r; (r = reader.read()) != null; ) {
                frames.add((SampleFrame) r);
            }
        }
        return frames;
    }
}
