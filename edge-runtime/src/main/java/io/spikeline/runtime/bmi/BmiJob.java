package io.spikeline.runtime.bmi;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.signal.BesselFilterFunction;
import io.spikeline.operators.signal.FilterSpec;
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
import org.apache.flink.util.function.SerializableFunction;

/**
 * The {@code bmi} job, on the simulated implant ({@link #simulated}: one source, in device order) or on any probe
 * stream and feedback stream ({@link #fromBroadband}, {@link #fromSpikeCounts}: brokers, files):
 * <ul>
 *   <li>{@link BmiSettings.Input#BROADBAND}: 30 kHz frames → Bessel band-pass → threshold crossing (one bin per
 *       sample) → merged into 1 ms bins;
 *   <li>{@link BmiSettings.Input#SPIKE_COUNTS}: the implant's own 1 ms spike bins;
 * </ul>
 * then the SNN decoder per key ({@link BmiDecoders#velocityDecoder}), learning online from the hand velocity
 * feedback, and the decoded velocity smoothed by a causal Bessel low-pass ({@link #SMOOTHING}, applied to the
 * sequence of decodes). The job's output carries the decoder's answers (left: each raw {@link Decoding}, or its
 * smoothed velocity as a one-sample frame) and the feedback (right), so the run can score both against the truth.
 *
 * <p>On the broadband path the feedback reaches the decoder by a shorter route than the spikes; the decoder holds
 * feedback that is ahead of its decodes ({@link #OPTIONS}) and learns from each when its decode is made.
 */
public final class BmiJob {
    /** Feedback held per key ahead of its decode on the simulated implant: 10 s of signal. */
    static final SnnOptions OPTIONS = SnnOptions.defaults().withMaxPendingFeedback(500);

    /**
     * Feedback held per key ahead of its decode when the feedback has a source of its own: as much as the run has (at
     * least {@link #OPTIONS}'). A broker or file replaying a session delivers the small feedback records far faster
     * than the probe stream, and every label dropped is a lesson lost.
     */
    static SnnOptions separateFeedbackOptions(BmiSettings settings) {
        return SnnOptions.defaults().withMaxPendingFeedback(
                Math.toIntExact(Math.max(OPTIONS.maxPendingFeedback(), settings.batches())));
    }
    /** Smoothing of the decoded velocity: order-2 Bessel low-pass at 6 Hz over the 50 Hz sequence of decodes. */
    public static final FilterSpec SMOOTHING =
            FilterSpec.causal(BandType.LOWPASS, 2, new double[] {6}, BesselNorm.PHASE);
    /** What the decoder answers: a raw decoding, or the smoothed velocity. */
    public static final TypeInformation<Either<Decoding, SampleFrame>> ANSWER_TYPE =
            new EitherTypeInfo<>(RecordTypes.DECODING, RecordTypes.SAMPLE_FRAME);
    /** The job's output. */
    public static final TypeInformation<Either<Either<Decoding, SampleFrame>, Feedback>> OUTPUT_TYPE =
            new EitherTypeInfo<>(ANSWER_TYPE, RecordTypes.FEEDBACK);

    private BmiJob() {}

    /*
     * The Either wrappings and unwrappings below are lambdas, not method references: javac deserializes equal method references
     * (same method, same erased signature) as the first one met, with that one's casts, so Either::Left used for two
     * element types in one class would cast one stream's records to the other's type.
     */

    /**
     * What the job yields: its output (the decoder's answers and the feedback, for scoring) and the raw decodings in
     * it, for a sink.
     */
    public record Streams(DataStream<Either<Either<Decoding, SampleFrame>, Feedback>> output,
                          DataStream<Decoding> decodings) {}

    /**
     * Adds the job on the simulated implant to {@code env} (whose generic types must be disabled), steered by
     * {@code controls} besides its own setting (learning throughout, or stopping at {@link BmiSettings#learnSeconds}).
     */
    public static Streams simulated(StreamExecutionEnvironment env, BmiSettings settings,
                                    List<DataStream<NetworkControl>> controls) {
        return switch (settings.input()) {
            case SPIKE_COUNTS -> decode(env, settings,
                    source(env, settings, ReachingBatch::spikes, ControlledSpikingNetworkFunction.INPUT_TYPE), OPTIONS,
                    controls);
            case BROADBAND -> {
                DataStream<Either<SampleFrame, Feedback>> device = source(env, settings, ReachingBatch::broadband,
                        new EitherTypeInfo<>(RecordTypes.SAMPLE_FRAME, RecordTypes.FEEDBACK));
                DataStream<SampleFrame> frames = device.filter(e -> e.isLeft()).setParallelism(1)
                        .map(e -> e.left()).returns(RecordTypes.SAMPLE_FRAME).setParallelism(1);
                DataStream<Feedback> feedback = device.filter(e -> e.isRight()).setParallelism(1)
                        .map(e -> e.right()).returns(RecordTypes.FEEDBACK).setParallelism(1);
                yield decode(env, settings, ControlledSpikingNetworkFunction.inputs(spikes(settings, frames), feedback),
                        OPTIONS, controls);
            }
        };
    }

    /**
     * Adds the job on a probe's 30 kHz broadband frames (of {@code settings.channels()} channels) and its velocity
     * feedback, from any sources, steered by {@code controls}, to {@code env}.
     */
    public static Streams fromBroadband(StreamExecutionEnvironment env, BmiSettings settings,
                                        DataStream<SampleFrame> frames, DataStream<Feedback> feedback,
                                        List<DataStream<NetworkControl>> controls) {
        return decode(env, settings, paced(settings, spikes(settings, frames), feedback),
                separateFeedbackOptions(settings), controls);
    }

    /** Spike batches held per key at most while they wait for their feedback. */
    static final int MAX_HELD_BATCHES = 100_000;

    /**
     * Spikes and feedback from sources of their own, merged in the device's order: a batch waits until the feedback
     * of the window before it has come ({@link #feedbackLeadUs}), for at most {@link BmiSettings#feedbackWaitSeconds}
     * ({@link ControlledSpikingNetworkFunction#pacedInputs}). Replaying a queued session, one subscription drains
     * first; decodes made ahead of the velocity would learn late, which costs the decoder most of its R², or not at
     * all, once the velocity comes more than the decoder's memory behind.
     */
    static DataStream<Either<SpikeBatch, Feedback>> paced(BmiSettings settings, DataStream<SpikeBatch> spikes,
                                                         DataStream<Feedback> feedback) {
        return ControlledSpikingNetworkFunction.pacedInputs(spikes, feedback, feedbackLeadUs(settings),
                settings.feedbackWaitMs(), Math.toIntExact(Math.min(MAX_HELD_BATCHES, settings.batches())));
    }

    /** One decode window, µs: how far a batch's start may run ahead of the latest feedback without waiting. */
    static long feedbackLeadUs(BmiSettings settings) {
        NetworkSpec spec = BmiDecoders.velocityDecoder(settings.session());
        return spec.decodeIntervalBins() * spec.binWidthUs();
    }

    /** Broadband frames → Bessel band-pass → threshold crossing → 1 ms bins. */
    static DataStream<SpikeBatch> spikes(BmiSettings settings, DataStream<SampleFrame> frames) {
        ReachingParameters session = settings.session();
        int samplesPerBin = Math.toIntExact(Math.round(session.binWidthUs() * ReachingParameters.BROADBAND_RATE_HZ / 1e6));
        return frames
                .keyBy(SampleFrame::sourceKey)
                .process(new BesselFilterFunction(settings.bandPass())).returns(RecordTypes.SAMPLE_FRAME).name("bessel band-pass")
                .keyBy(SampleFrame::sourceKey)
                .process(new SampleEncodeFunction(settings.detection())).returns(RecordTypes.SPIKE_BATCH).name("threshold crossing")
                .map(new SpikeRebinFunction(samplesPerBin, session.binWidthUs())).returns(RecordTypes.SPIKE_BATCH)
                .name("1 ms bins");
    }

    /**
     * Adds the job on a probe's 1 ms spike counts (of {@code settings.channels()} channels) and its velocity feedback,
     * from any sources, steered by {@code controls}, to {@code env}.
     */
    public static Streams fromSpikeCounts(StreamExecutionEnvironment env, BmiSettings settings,
                                          DataStream<SpikeBatch> spikes, DataStream<Feedback> feedback,
                                          List<DataStream<NetworkControl>> controls) {
        return decode(env, settings, paced(settings, spikes, feedback), separateFeedbackOptions(settings), controls);
    }

    private static Streams decode(StreamExecutionEnvironment env, BmiSettings settings,
                                  DataStream<Either<SpikeBatch, Feedback>> decoderInput, SnnOptions options,
                                  List<DataStream<NetworkControl>> controls) {
        DataStream<Feedback> feedback = decoderInput.filter(e -> e.isRight()).setParallelism(1)
                .map(e -> e.right()).returns(RecordTypes.FEEDBACK).setParallelism(1);
        NetworkControl learning = Double.isInfinite(settings.learnSeconds())
                ? NetworkControl.freeze(1, 0, null, false)
                : NetworkControl.freeze(1, Math.round(settings.learnSeconds() * 1e6), null, true);
        DataStream<Decoding> decodings = decoderInput
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(EndpointStream.union(env.fromData(List.of(learning), NetworkControl.TYPE), controls)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(
                        () -> BmiDecoders.velocityDecoder(settings.session()), options), RecordTypes.DECODING)
                .name("snn decoder");
        // The smoothing filter screens its frames against the watermark. The decodes' times are the decoder's own, and
        // the decoder's input watermark (the least of the spike and feedback sources' watermarks, where an idle
        // source is left out) can run past decodes still to come: the smoothing judges the decodes by their sequence
        // alone.
        DataStream<SampleFrame> smoothed = decodings
                .assignTimestampsAndWatermarks(WatermarkStrategy.noWatermarks()).name("decode times")
                .map(new DecodingFrameFunction(Math.round(settings.batchSeconds() * 1e6))).returns(RecordTypes.SAMPLE_FRAME)
                .keyBy(SampleFrame::sourceKey)
                .process(new BesselFilterFunction(SMOOTHING)).returns(RecordTypes.SAMPLE_FRAME).name("bessel smoothing");
        DataStream<Either<Decoding, SampleFrame>> answers = decodings
                .map(d -> Either.<Decoding, SampleFrame>Left(d)).returns(ANSWER_TYPE)
                .union(smoothed.map(f -> Either.<Decoding, SampleFrame>Right(f)).returns(ANSWER_TYPE));
        return new Streams(answers.map(a -> Either.<Either<Decoding, SampleFrame>, Feedback>Left(a)).returns(OUTPUT_TYPE)
                .union(feedback.map(f -> Either.<Either<Decoding, SampleFrame>, Feedback>Right(f)).returns(OUTPUT_TYPE)
                        .setParallelism(1)), decodings);
    }

    private static <N> DataStream<Either<N, Feedback>> source(StreamExecutionEnvironment env, BmiSettings settings,
                                                              SerializableFunction<ReachingBatch, N> neural,
                                                              TypeInformation<Either<N, Feedback>> type) {
        RateLimiterStrategy<?> pace = settings.realTime()
                ? RateLimiterStrategy.perSecond(2 / settings.batchSeconds())
                : RateLimiterStrategy.noOp();
        DataGeneratorSource<Either<N, Feedback>> source = new DataGeneratorSource<>(
                new ReachingGenerator<>(settings, neural), 2 * settings.batches(), pace, type);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "simulated implant").setParallelism(1);
    }
}
