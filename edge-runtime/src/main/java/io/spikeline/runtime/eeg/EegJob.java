package io.spikeline.runtime.eeg;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.readout.ClassifierRule;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.signal.BesselFilterFunction;
import io.spikeline.operators.signal.SampleEncodeFunction;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import io.spikeline.operators.snn.NetworkControl;
import io.spikeline.operators.snn.SnnOptions;
import io.spikeline.runtime.endpoint.EndpointStream;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * The {@code eeg} job, on the simulated headset ({@link #simulated}) or on any EEG stream and feedback stream
 * ({@link #fromFrames}: brokers, files): frames → Bessel band-pass → Bessel notch → delta (or sigma-delta)
 * spikes, one bin per sample → the SNN classifier per key ({@link #classifier}), learning online from the eyes state
 * feedback; beside it, on the raw frames, the aperiodic 1/f slope per window ({@link AperiodicSlopeFunction}). The
 * output carries the classifier's decodings and the slopes (left; a slope has no class) and the feedback (right), so
 * the run can score one against the other.
 */
public final class EegJob {
    /**
     * Feedback held per key ahead of its decode: as much as the run has. Unpaced, the feedback's short route runs
     * ahead of the spikes' filter and encoder stages by however far the scheduler lets it, and every label dropped
     * is a lesson lost: with 100 held, whole stretches of a run went unlearned.
     */
    static SnnOptions options(EegSettings settings) {
        return SnnOptions.defaults().withMaxPendingFeedback(Math.toIntExact(settings.frames()));
    }
    /** LIF units in the hidden layer. */
    public static final int HIDDEN = 160;
    /**
     * Frames in each window of the aperiodic slope: 16 of 64 samples at 250 Hz, about 4 s, three half-overlapping
     * segments of 2 s; whole frames, so that each window starts where a frame does.
     */
    public static final int APERIODIC_WINDOW_FRAMES = 16;

    /** Samples in each window of the aperiodic slope. */
    static int aperiodicWindowSamples(EegSettings settings) {
        return APERIODIC_WINDOW_FRAMES * settings.recording().samplesPerFrame();
    }

    /** The job's input from the headset. */
    static final TypeInformation<Either<SampleFrame, Feedback>> DEVICE_TYPE =
            new EitherTypeInfo<>(RecordTypes.SAMPLE_FRAME, RecordTypes.FEEDBACK);
    /** The job's output. */
    public static final TypeInformation<Either<Decoding, Feedback>> OUTPUT_TYPE =
            new EitherTypeInfo<>(RecordTypes.DECODING, RecordTypes.FEEDBACK);

    private EegJob() {}

    /**
     * The spike channels → a sparse (25 %) layer of LIF units (τ 20 ms) → a perceptron classifier of the two eyes
     * states over spike traces of τ 500 ms (two frames, so a lull in the alpha bursts does not flip the decision),
     * deciding once per frame so that each state feedback labels exactly one decode. The perceptron learns only from its mistakes: the delta rule, learning from every frame, drifts towards
     * whichever state held over the last seconds and lags each change of state.
     */
    public static NetworkSpec classifier(EegSettings settings) {
        LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), settings.binUs() / 1e3);
        LayerSpec hidden = LayerSpec.of(new NeuronModel.Lif(lif), HIDDEN,
                ConnectionSpec.of(new Connectivity.Sparse(0.25), -0.4, 1.2, 17));
        return NetworkSpec.of(settings.spikeChannels(), settings.binUs(), List.of(hidden), 500,
                new ReadoutSpec.Classifier(2, ClassifierRule.PERCEPTRON, new StepSize.Normalised(0.05, 1e-3)),
                settings.recording().samplesPerFrame(), 64);
    }

    /*
     * The Either unwrappings below are lambdas, not method references: javac deserializes equal method references as
     * the first one met, with that one's casts (see BmiJob).
     */

    /** What the job yields: its output (decodings and feedback, for scoring) and the decodings in it, for a sink. */
    public record Streams(DataStream<Either<Decoding, Feedback>> output, DataStream<Decoding> decodings) {}

    /**
     * Adds the job on the simulated headset to {@code env} (whose generic types must be disabled), steered by
     * {@code controls} besides its own (learning throughout).
     */
    public static Streams simulated(StreamExecutionEnvironment env, EegSettings settings,
                                    List<DataStream<NetworkControl>> controls) {
        RateLimiterStrategy<?> pace = settings.realTime()
                ? RateLimiterStrategy.perSecond(2 / settings.frameSeconds())
                : RateLimiterStrategy.noOp();
        DataStream<Either<SampleFrame, Feedback>> device = env.fromSource(new DataGeneratorSource<>(
                        new EegGenerator(settings), 2 * settings.frames(), pace, DEVICE_TYPE),
                WatermarkStrategy.noWatermarks(), "simulated eeg").setParallelism(1);
        DataStream<SampleFrame> frames = device.filter(e -> e.isLeft()).setParallelism(1)
                .map(e -> e.left()).returns(RecordTypes.SAMPLE_FRAME).setParallelism(1);
        DataStream<Feedback> feedback = device.filter(e -> e.isRight()).setParallelism(1)
                .map(e -> e.right()).returns(RecordTypes.FEEDBACK).setParallelism(1);
        return fromFrames(env, settings, frames, feedback, controls);
    }

    /**
     * Adds the job on EEG frames (of the channels and rate of {@code settings.recording()}) and their eyes state
     * feedback, from any sources, steered by {@code controls}, to {@code env}.
     */
    public static Streams fromFrames(StreamExecutionEnvironment env, EegSettings settings, DataStream<SampleFrame> frames,
                                     DataStream<Feedback> feedback, List<DataStream<NetworkControl>> controls) {
        DataStream<SpikeBatch> spikes = frames
                .keyBy(SampleFrame::sourceKey)
                .process(new BesselFilterFunction(settings.bandPass())).returns(RecordTypes.SAMPLE_FRAME)
                .name("bessel band-pass")
                .keyBy(SampleFrame::sourceKey)
                .process(new BesselFilterFunction(settings.notch())).returns(RecordTypes.SAMPLE_FRAME)
                .name("bessel notch")
                .keyBy(SampleFrame::sourceKey)
                .process(new SampleEncodeFunction(settings.encoder())).returns(RecordTypes.SPIKE_BATCH)
                .name("spike encoding");
        // The job's own control only confirms learning throughout; those given steer it.
        DataStream<Decoding> decodings = ControlledSpikingNetworkFunction.inputs(spikes, feedback)
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(EndpointStream.union(env.fromData(List.of(NetworkControl.freeze(1, 0, null, false)),
                                NetworkControl.TYPE), controls).broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(() -> classifier(settings), options(settings)), RecordTypes.DECODING)
                .name("snn classifier");
        DataStream<Decoding> slopes = frames
                .keyBy(SampleFrame::sourceKey)
                .process(new AperiodicSlopeFunction(aperiodicWindowSamples(settings))).returns(RecordTypes.DECODING)
                .name("aperiodic slope");
        return new Streams(decodings.union(slopes).map(d -> Either.<Decoding, Feedback>Left(d)).returns(OUTPUT_TYPE)
                .union(feedback.map(f -> Either.<Decoding, Feedback>Right(f)).returns(OUTPUT_TYPE)
                        .setParallelism(feedback.getParallelism())), decodings);
    }
}
