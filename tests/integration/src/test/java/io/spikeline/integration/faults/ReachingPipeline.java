package io.spikeline.integration.faults;

import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.kafka.KafkaSettings;
import io.spikeline.connectors.kafka.SpikelineKafka;
import io.spikeline.connectors.kafka.StartingOffsets;
import io.spikeline.connectors.mqtt.testing.CollectingSink;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.encode.SampleEncoder;
import io.spikeline.models.encode.ThresholdCrossingParams;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.signal.BesselFilterFunction;
import io.spikeline.operators.signal.EncoderSpec;
import io.spikeline.operators.signal.FilterSpec;
import io.spikeline.operators.signal.SampleEncodeFunction;
import io.spikeline.operators.signal.SignalOutputs;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import io.spikeline.operators.snn.ModelSnapshot;
import io.spikeline.operators.snn.NetworkControl;
import io.spikeline.operators.snn.SnnOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broadband {@code bmi} path over Kafka, assembled from the production operators: simulated implants'
 * 30 kHz frames and their hand-velocity feedback on two topics (or the frames from elsewhere, {@link #decode}) →
 * per key Bessel band-pass → threshold crossing → the SNN velocity decoder, learning online from the feedback, the
 * two merged per key in event-time order ({@link ControlledSpikingNetworkFunction#orderedInputs}, holding up to
 * {@link #HELD} records per key: more than a whole session, so that the order never depends on which route is
 * ahead) → decodings on a topic through the exactly-once sink. A broadcast export control makes every key emit its
 * learned model at the start of its last frame.
 *
 * <p>Each key's session is {@code batches + 1} frames of 20 ms, each with its feedback, stamped with the start of
 * the frame (the last frame is where the export takes effect, so the exported model has learned from every feedback
 * but that frame's own, which is there to release the frame through the ordered merge). The decoder decodes every
 * 600 bins of 33 µs (one bin per sample): about one decoding per frame.
 */
final class ReachingPipeline {
    static final List<String> KEYS = List.of("implant-a", "implant-b", "implant-c");
    static final int CHANNELS = 8;
    static final KafkaRecordType<SampleFrame> FRAMES = KafkaRecordType.sampleFrames(SamplePacking.float32());
    static final KafkaRecordType<Feedback> FEEDBACK = KafkaRecordType.feedback();
    static final KafkaRecordType<Decoding> DECODINGS = KafkaRecordType.decodings();
    /** Records the ordered merge holds per key at most. */
    static final int HELD = 256;

    private static final FilterSpec BAND_PASS =
            FilterSpec.causal(BandType.BANDPASS, 2, new double[] {300, 3000}, BesselNorm.PHASE);
    private static final EncoderSpec.ThresholdCrossing DETECTION =
            new EncoderSpec.ThresholdCrossing(ThresholdCrossingParams.TYPICAL_MULTIPLE, 3000, 30);
    /** The threshold encoder emits one bin per sample. */
    private static final long BIN_US = SampleEncoder.binWidthUs(ReachingParameters.BROADBAND_RATE_HZ);

    private ReachingPipeline() {
    }

    /** A key's simulated session: its own seed, broadband on. */
    static ReachingParameters session(String key) {
        return ReachingParameters.defaults(KEYS.indexOf(key) + 1L).withChannels(CHANNELS).withBroadband(true);
    }

    /**
     * The decoder: the array's channels at the sample rate → 32 LIF units (τ 20 ms, sparse 50 %) → a
     * normalised-LMS readout of the 2-D hand velocity, decoding once per 600 samples (a 20 ms frame), so that the
     * feedback of a frame labels one decode.
     */
    static NetworkSpec decoder() {
        ReachingParameters p = session(KEYS.get(0));
        int binsPerFrame = Math.toIntExact(p.binsPerBatch() * p.binWidthUs() / BIN_US);
        LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), BIN_US / 1000.0);
        LayerSpec hidden = LayerSpec.of(new NeuronModel.Lif(lif), 32,
                ConnectionSpec.of(new Connectivity.Sparse(0.5), -0.4, 1.2, 11));
        return NetworkSpec.of(CHANNELS, BIN_US, List.of(hidden), 100,
                new ReadoutSpec.Lms(2, new StepSize.Normalised(0.05, 1e-3)), binsPerFrame, 64);
    }

    /** Every key's simulated session, in device order per key. */
    record Input(List<SampleFrame> frames, List<Feedback> feedback, int batches) {
        static Input simulate(int batches) {
            List<SampleFrame> frames = new ArrayList<>();
            List<Feedback> feedback = new ArrayList<>();
            for (String key : KEYS) {
                try (ReachingSimulator simulator = new ReachingSimulator(key, session(key))) {
                    for (int n = 0; n <= batches; n++) {
                        ReachingBatch batch = simulator.read();
                        frames.add(batch.broadband());
                        feedback.add(batch.velocity());
                    }
                }
            }
            return new Input(frames, feedback, batches);
        }

        /** Where the export control takes effect: the start of the last frame. */
        long exportTimeUs() {
            return frames.get(batches).firstSampleTimeUs();
        }

        /** Every key's frames of batches {@code from} (inclusive) to {@code to} (exclusive), batch by batch. */
        List<SampleFrame> frames(int from, int to) {
            return frames.stream().filter(f -> f.sequence() >= from && f.sequence() < to)
                    .sorted(Comparator.comparingLong(SampleFrame::sequence)).toList();
        }

        /** Every key's feedback of batches {@code from} (inclusive) to {@code to} (exclusive). */
        List<Feedback> feedback(int from, int to) {
            long fromUs = frames.get(from).firstSampleTimeUs();
            long toUs = to > batches ? Long.MAX_VALUE : frames.get(to).firstSampleTimeUs();
            return feedback.stream().filter(f -> f.eventTimeUs() >= fromUs && f.eventTimeUs() < toUs).toList();
        }

        /** Sends every key's frames and feedback of batches {@code from} (inclusive) to {@code to} (exclusive). */
        void produce(String bootstrapServers, Topics topics, int from, int to) throws Exception {
            List<ProducerRecord<byte[], byte[]>> records =
                    new ArrayList<>(encode(topics.frames(), FRAMES, frames(from, to)));
            records.addAll(encode(topics.feedback(), FEEDBACK, feedback(from, to)));
            send(bootstrapServers, records);
        }
    }

    /** The topics of one run, and the prefix of its sink's transactional ids. */
    record Topics(String frames, String feedback, String decodings, String transactionalIdPrefix) {
        static Topics create(String bootstrapServers, String stem) throws Exception {
            String suffix = Long.toHexString(System.nanoTime());
            Topics topics = new Topics(stem + "-frames-" + suffix, stem + "-feedback-" + suffix,
                    stem + "-decodings-" + suffix, "tx-" + stem + "-" + suffix);
            // The simulated sessions start at the epoch, and the sink stamps messages with event time: without
            // unlimited retention the broker deletes them as soon as it checks.
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
                admin.createTopics(Stream.of(topics.frames(), topics.feedback(), topics.decodings())
                        .map(t -> new NewTopic(t, 2, (short) 1).configs(Map.of("retention.ms", "-1")))
                        .toList()).all().get();
            }
            return topics;
        }

        /**
         * Exactly-once settings reading {@code input}. Watermarks trail by an hour: the frames' keys share source
         * subtasks and partitions, and frames behind the watermark would be dropped as late.
         */
        KafkaSettings settings(String bootstrapServers, String input) {
            return new KafkaSettings(bootstrapServers, List.of(input), "group-" + input, StartingOffsets.EARLIEST,
                    decodings, "dead-letters-" + input, DeliveryGuarantee.EXACTLY_ONCE, transactionalIdPrefix,
                    Duration.ofMinutes(1), Duration.ofHours(1), Duration.ZERO);
        }
    }

    /**
     * Adds the job reading frames and feedback from Kafka to {@code env}: every stateful operator has an id, so that
     * checkpoints and savepoints restore into a resubmitted job of any parallelism.
     */
    static void build(StreamExecutionEnvironment env, String bootstrapServers, Topics topics, Input input,
                      CollectingSink<ModelSnapshot> exports) {
        KafkaSettings frameSettings = topics.settings(bootstrapServers, topics.frames());
        decode(env, bootstrapServers, topics, input,
                SpikelineKafka.read(env, SpikelineKafka.source(frameSettings).build(), FRAMES, frameSettings).records(),
                exports);
    }

    /**
     * Adds the job from {@code frames} on, with the feedback from Kafka, to {@code env}. A {@link FaultPoint} sits
     * between the decoder and the sink. Returns the band-pass filter, whose side outputs report gaps in a key's
     * frames and duplicated frames ({@link SignalOutputs}).
     */
    static SingleOutputStreamOperator<SampleFrame> decode(StreamExecutionEnvironment env, String bootstrapServers,
                                                          Topics topics, Input input, DataStream<SampleFrame> frames,
                                                          CollectingSink<ModelSnapshot> exports) {
        KafkaSettings feedbackSettings = topics.settings(bootstrapServers, topics.feedback());
        SingleOutputStreamOperator<SampleFrame> bandPass = frames
                .keyBy(SampleFrame::sourceKey, Types.STRING)
                .process(new BesselFilterFunction(BAND_PASS)).returns(RecordTypes.SAMPLE_FRAME)
                .uid("bessel band-pass").name("bessel band-pass");
        DataStream<SpikeBatch> spikes = bandPass
                .keyBy(SampleFrame::sourceKey, Types.STRING)
                .process(new SampleEncodeFunction(DETECTION)).returns(RecordTypes.SPIKE_BATCH)
                .uid("threshold crossing").name("threshold crossing");
        DataStream<Feedback> feedback = SpikelineKafka.read(env, SpikelineKafka.source(feedbackSettings).build(),
                FEEDBACK, feedbackSettings).records();
        DataStream<NetworkControl> controls = env.fromData(
                        List.of(NetworkControl.export(1, input.exportTimeUs(), null)), NetworkControl.TYPE)
                .uid("controls").name("controls");
        SingleOutputStreamOperator<Decoding> decodings = ControlledSpikingNetworkFunction.orderedInputs(spikes, feedback, HELD)
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(controls.broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(ReachingPipeline::decoder, SnnOptions.defaults()),
                        RecordTypes.DECODING)
                .uid("snn decoder").name("snn decoder");
        decodings.getSideOutput(ModelSnapshot.OUTPUT).sinkTo(exports).uid("exports").name("exports");
        decodings.map(new FaultPoint()).returns(RecordTypes.DECODING).uid("fault point").name("fault point")
                .sinkTo(SpikelineKafka.sink(feedbackSettings, DECODINGS)).uid("decodings").name("decodings");
        return bandPass;
    }

    /** What a decoding says, bit for bit, without its processing times (which differ between runs). */
    record Answer(long eventTimeUs, List<Integer> outputBits, int classId, int confidenceBits) {
        static Answer of(Decoding d) {
            List<Integer> bits = new ArrayList<>();
            for (float y : d.output()) {
                bits.add(Float.floatToRawIntBits(y));
            }
            return new Answer(d.eventTimeUs(), bits, d.classId(), Float.floatToRawIntBits(d.confidence()));
        }
    }

    /** The committed decodings of a run per key, in the order the key's partition holds them. */
    static Map<String, List<Answer>> answers(List<ConsumerRecord<byte[], byte[]>> messages) throws Exception {
        RecordCodec<Decoding, ?> codec = DECODINGS.codec().get();
        Map<String, List<Answer>> out = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> message : messages) {
            Decoding d = codec.decode(message.value());
            out.computeIfAbsent(d.sourceKey(), k -> new ArrayList<>()).add(Answer.of(d));
        }
        return out;
    }

    /**
     * Sends the records, one request in flight at a time, and fails unless each is acknowledged: a run's input must
     * arrive whole and in order, or the comparison with the reference means nothing. ({@code KafkaTestClients}
     * waits for its sends but does not look at their outcome; on a loaded machine an idempotent producer with
     * several requests in flight has been seen to drop batches after retries.)
     */
    static void send(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "1048576");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "4194304");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
            for (ProducerRecord<byte[], byte[]> record : records) {
                acknowledgements.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get();
            }
        }
    }

    static <T> List<ProducerRecord<byte[], byte[]>> encode(String topic, KafkaRecordType<T> type,
                                                                   List<T> records) {
        RecordCodec<T, ?> codec = type.codec().get();
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (T record : records) {
            out.add(new ProducerRecord<>(topic, type.key().apply(record).getBytes(StandardCharsets.UTF_8),
                    codec.encode(record)));
        }
        return out;
    }
}
