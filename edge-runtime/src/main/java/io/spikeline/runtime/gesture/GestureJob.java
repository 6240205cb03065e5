package io.spikeline.runtime.gesture;

import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.DelaySpec;
import io.spikeline.models.network.EarlyDecision;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.readout.ClassifierRule;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.signal.EventBinningFunction;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import io.spikeline.operators.snn.NetworkControl;
import io.spikeline.operators.snn.SnnOptions;
import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.EndpointSources;
import io.spikeline.runtime.endpoint.EndpointStream;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * The {@code gesture} job: DVS events and gesture labels ({@link #DEVICE_TYPE}, from {@link #simulated},
 * {@link #fromEndpoints} or any other source of the same type) → event binning (1 ms, 2×2-pixel cells, ON/OFF) →
 * {@link GestureSampler} (one 1 s sample per gesture onset, pooled to 5 ms and 8×8-pixel cells; labels stamped onto
 * their samples; a gesture's events wait for the label of the gesture before, up to
 * {@link GestureSettings#labelWaitSeconds}, so the order of events and labels is the device's) → the SNN classifier
 * per key ({@link #classifier}: a heterogeneous-delay feature layer and a readout) with early decision, learning
 * online from the labels. The output carries the classifier's decodings (left) and the
 * aligned labels (right), so the run can score one against the other.
 */
public final class GestureJob {
    /** LIF units of the feature layer. */
    public static final int HIDDEN = 400;
    /** The job's input from the camera: event batches (left) and gesture labels (right). */
    public static final TypeInformation<Either<EventBatch, Feedback>> DEVICE_TYPE =
            new EitherTypeInfo<>(RecordTypes.EVENT_BATCH, RecordTypes.FEEDBACK);
    /** The job's output. */
    public static final TypeInformation<Either<Decoding, Feedback>> OUTPUT_TYPE =
            new EitherTypeInfo<>(RecordTypes.DECODING, RecordTypes.FEEDBACK);
    private static final TypeInformation<Tuple2<EventBatch, List<Feedback>>> BATCH_TYPE =
            Types.TUPLE(RecordTypes.EVENT_BATCH, Types.LIST(RecordTypes.FEEDBACK));

    private GestureJob() {}

    /**
     * The sample cells (512 channels) → a sparse (10 %) layer of LIF units (τ 20 ms) with weights uniform in
     * [−0.2, 0.2), weak enough that the background noise alone seldom fires them while a moving hand does, and
     * heterogeneous synaptic delays of 1–20 bins (5–100 ms), so that a unit sums what different cells saw at different
     * times and answers to a movement's course, not only to where the hand is → a perceptron over their spike traces
     * (τ 300 ms), decoding every 100 ms. Weights start at zero and the perceptron
     * only adds multiples of its step, so its step sets the scale of the class scores (the softmax temperature) and
     * nothing else: at 10, once the network has learned, most gestures reach a confidence of 0.95 before their sample
     * ends (about half a second after their onset, on the default run) while ambiguous ones stay below it. Early
     * decision over each 1 s sample at {@link GestureSettings#confidenceThreshold}.
     */
    public static NetworkSpec classifier(GestureSettings settings) {
        SamplerParams s = settings.sampler();
        LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), s.sampleBinUs() / 1e3);
        LayerSpec hidden = LayerSpec.of(new NeuronModel.Lif(lif), HIDDEN,
                ConnectionSpec.of(new Connectivity.Sparse(0.1), -0.2, 0.2, 17).withDelays(new DelaySpec(1, 20)));
        ReadoutSpec readout = new ReadoutSpec.Classifier(GestureSettings.CLASSES.length, ClassifierRule.PERCEPTRON,
                new StepSize.Normalised(10, 1e-3));
        return NetworkSpec.of(s.sampleGrid().channelCount(), s.sampleBinUs(), List.of(hidden), 300, readout,
                        s.decodeBins(), 2 * s.decodesPerSample())
                .withEarlyDecision(new EarlyDecision(settings.confidenceThreshold(), s.sampleBins()));
    }

    /** The simulated camera of {@code settings} as the job's input, at parallelism 1. */
    public static DataStream<Either<EventBatch, Feedback>> simulated(StreamExecutionEnvironment env,
                                                                     GestureSettings settings) {
        RateLimiterStrategy<?> pace = settings.realTime()
                ? RateLimiterStrategy.perSecond(1 / settings.batchSeconds())
                : RateLimiterStrategy.noOp();
        return env.fromSource(new DataGeneratorSource<>(new GestureGenerator(settings), settings.batches(), pace,
                        BATCH_TYPE), WatermarkStrategy.noWatermarks(), "simulated dvs").setParallelism(1)
                .flatMap((Tuple2<EventBatch, List<Feedback>> batch, Collector<Either<EventBatch, Feedback>> out) -> {
                    out.collect(Either.Left(batch.f0));
                    for (Feedback label : batch.f1) {
                        out.collect(Either.Right(label));
                    }
                }).returns(DEVICE_TYPE).setParallelism(1).name("events and labels");
    }

    /**
     * The camera's events and labels from two endpoints (broker topics of Avro single-object messages, or files of
     * the records), with the messages that did not decode.
     */
    public static EndpointStream<Either<EventBatch, Feedback>> fromEndpoints(StreamExecutionEnvironment env,
                                                                           Endpoint events, Endpoint labels) {
        EndpointStream<EventBatch> batches = EndpointSources.read(env, events, KafkaRecordType.eventBatches());
        EndpointStream<Feedback> feedback = EndpointSources.read(env, labels, KafkaRecordType.feedback());
        DataStream<Either<EventBatch, Feedback>> device = batches.records()
                .map(b -> Either.<EventBatch, Feedback>Left(b)).returns(DEVICE_TYPE)
                .union(feedback.records().map(f -> Either.<EventBatch, Feedback>Right(f)).returns(DEVICE_TYPE));
        return new EndpointStream<>(device, batches.deadLettersWith(feedback));
    }

    /*
     * The Either unwrappings below are lambdas, not method references: javac deserializes equal method references as
     * the first one met, with that one's casts (see BmiJob).
     */

    /**
     * What the job puts out: the classifier's decodings (left) and the labels aligned with their samples (right), and
     * the labels that no gesture sample could take, as dead letters with their reason.
     */
    public record Output(DataStream<Either<Decoding, Feedback>> results, DataStream<DeadLetter> unmatchedLabels) {}

    /** Adds the job on {@code device} to {@code env} (whose generic types must be disabled). */
    public static Output build(StreamExecutionEnvironment env, DataStream<Either<EventBatch, Feedback>> device,
                               GestureSettings settings) {
        DataStream<SpikeBatch> binned = device.filter(e -> e.isLeft())
                .map(e -> e.left()).returns(RecordTypes.EVENT_BATCH)
                .keyBy(EventBatch::sourceKey)
                .process(new EventBinningFunction(GestureSettings.BINNING)).returns(RecordTypes.SPIKE_BATCH)
                .name("event binning");
        DataStream<Feedback> labels = device.filter(e -> e.isRight())
                .map(e -> e.right()).returns(RecordTypes.FEEDBACK);
        SingleOutputStreamOperator<Either<SpikeBatch, Feedback>> samples = ControlledSpikingNetworkFunction
                .inputs(binned, labels)
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .process(new GestureSampleFunction(settings.sampler(), settings.labelWaitUs()))
                .returns(ControlledSpikingNetworkFunction.INPUT_TYPE).name("gesture samples");
        // The operator takes a control stream; this one only confirms learning throughout.
        DataStream<Decoding> decodings = samples
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(env.fromData(List.of(NetworkControl.freeze(1, 0, null, false)), NetworkControl.TYPE)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(() -> classifier(settings), SnnOptions.defaults()),
                        RecordTypes.DECODING)
                .name("snn gesture classifier");
        DataStream<Feedback> aligned = samples.filter(e -> e.isRight()).map(e -> e.right())
                .returns(RecordTypes.FEEDBACK);
        return new Output(decodings.map(d -> Either.<Decoding, Feedback>Left(d)).returns(OUTPUT_TYPE)
                .union(aligned.map(f -> Either.<Decoding, Feedback>Right(f)).returns(OUTPUT_TYPE)),
                samples.getSideOutput(GestureSampleFunction.UNMATCHED_LABELS));
    }
}
