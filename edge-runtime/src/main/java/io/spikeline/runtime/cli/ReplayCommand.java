package io.spikeline.runtime.cli;

import io.spikeline.ingest.RecordReader;
import io.spikeline.ingest.probe.SpikeTableReader;
import io.spikeline.ingest.replay.Replay;
import io.spikeline.ingest.replay.ReplayOptions;
import io.spikeline.ingest.replay.ReplayProgress;
import io.spikeline.models.record.Feedback;
import io.spikeline.runtime.endpoint.Recordings;
import io.spikeline.runtime.replay.BrokerUrl;
import io.spikeline.runtime.replay.RecordPublisher;
import io.spikeline.runtime.replay.WireRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spikeline replay <file> --to <url>}: a recording published to a broker at the pace it was recorded. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish a recording to Kafka or MQTT at real-time pace (or faster), one message per record: "
                + "the record's Avro single-object encoding, keyed by its source key (a packet's flow).",
            "Formats: " + Recordings.FORMATS},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:all records published and acknowledged",
            "2:bad arguments, unreadable recording, or broker unreachable within --timeout"})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The recording (a file, or a folder for Open Ephys legacy).")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = {"Where to publish: kafka://host:port/topic (message key = source key) or "
                + "mqtt://host:port/topic, where {key} in an MQTT topic becomes each record's source key "
                + "(e.g. mqtt://localhost:1883/spikeline/{key}). Ports default to 9092 and 1883."})
    String to;

    @Option(names = "--feedback-to", paramLabel = "URL",
            description = {"Where to publish the feedback a recording carries (the hand velocity of a spike-and-"
                + "behaviour table), in the same forms as --to; each batch's feedback follows the batch. Without it "
                + "the feedback is not published."})
    String feedbackTo;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "X",
            description = "Signal seconds per wall second: 1 is real time, 10 ten times faster, 0 as fast as possible "
                + "(default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--limit", paramLabel = "N", description = "Publish at most N records (default: all).")
    Long limit;

    @Option(names = "--qos", defaultValue = "1", description = "MQTT quality of service, 0, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "How long to wait for the broker before giving up (default: ${DEFAULT-VALUE}).")
    double timeoutS;

    @Option(names = "--progress-every", defaultValue = "5", paramLabel = "SECONDS",
            description = "Wall seconds between progress lines (default: ${DEFAULT-VALUE}).")
    double progressS;

    @Override
    public Integer call() throws IOException {
        BrokerUrl url = BrokerUrl.parse(to);
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be >= 1, was " + limit);
        }
        if (!(timeoutS > 0) || !(progressS > 0)) {
            throw new IllegalArgumentException("--timeout and --progress-every must be > 0 s, were " + timeoutS + " and "
                    + progressS);
        }
        PrintWriter out = spec.commandLine().getOut();
        ReplayOptions options = new ReplayOptions(speed, (long) (progressS * 1e9), p -> {
            if (!p.finished()) {
                out.println("replay: " + p);
                out.flush();
            }
        });
        BrokerUrl feedbackUrl = feedbackTo == null ? null : BrokerUrl.parse(feedbackTo);
        WireRecords wire = new WireRecords();
        long records = 0;
        long feedback = 0;
        long bytes = 0;
        ReplayProgress progress;
        RecordReader<?> reader = Recordings.open(file, new HashMap<>());
        SpikeTableReader withFeedback = reader instanceof SpikeTableReader table ? table : null;
        if (feedbackUrl != null && withFeedback == null) {
            reader.close();
            throw new IllegalArgumentException("--feedback-to: " + file + " carries no feedback (only spike-and-"
                    + "behaviour tables do)");
        }
        try (RecordPublisher publisher = RecordPublisher.connect(url, qos, (long) (timeoutS * 1000));
                RecordPublisher feedbackPublisher = feedbackUrl == null ? null
                        : RecordPublisher.connect(feedbackUrl, qos, (long) (timeoutS * 1000));
                Replay<Object> replay = new Replay<>(nonEmpty(reader), WireRecords::eventTimeUs, options)) {
            out.printf(Locale.ROOT, "replaying %s to %s%s at %s%n", file, url,
                    feedbackUrl == null ? "" : " (feedback to " + feedbackUrl + ")",
                    speed == 0 ? "full speed" : speed + "x real time");
            out.flush();
            for (Object r; (limit == null || records < limit) && (r = replay.read()) != null; records++) {
                byte[] value = wire.encode(r);
                publisher.publish(WireRecords.key(r), value);
                bytes += value.length;
                if (withFeedback != null) {
                    List<Feedback> labels = withFeedback.pollFeedback();
                    if (feedbackPublisher != null) {
                        for (Feedback f : labels) {
                            byte[] message = wire.encode(f);
                            feedbackPublisher.publish(f.sourceKey(), message);
                            bytes += message.length;
                            feedback++;
                        }
                    }
                }
            }
            publisher.flush();
            if (feedbackPublisher != null) {
                feedbackPublisher.flush();
            }
            progress = replay.progress();
        }
        if (feedbackUrl != null) {
            out.printf(Locale.ROOT, "published %d feedback records to %s%n", feedback, feedbackUrl);
        } else if (withFeedback != null) {
            out.println("the recording's feedback was not published (--feedback-to URL publishes it)");
        }
        out.printf(Locale.ROOT, "replayed %d records (%d bytes, %.3f s of signal) in %.3f s: %.0f records/s, "
                + "%.2f MB/s, %.2fx real time%n", records, bytes, progress.signalSeconds(), progress.wallSeconds(),
                progress.recordsPerSecond(), progress.wallSeconds() > 0 ? bytes / 1e6 / progress.wallSeconds() : 0,
                progress.realTimeFactor());
        out.flush();
        return 0;
    }

    /** The reader's records without empty event batches, which carry neither events nor an event time. */
    @SuppressWarnings("unchecked")
    private static RecordReader<Object> nonEmpty(RecordReader<?> reader) {
        RecordReader<Object> source = (RecordReader<Object>) reader;
        return new RecordReader<>() {
            @Override
            public Object read() throws IOException {
                Object r;
                do {
                    r = source.read();
                } while (r != null && WireRecords.isEmpty(r));
                return r;
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }
}
