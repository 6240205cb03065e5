package io.spikeline.runtime.packets;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.learning.PairStdpParameters;
import io.spikeline.models.learning.SynapticScalingParameters;
import io.spikeline.models.learning.WeightBounds;
import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.EarlyDecision;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.LearningRule;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.readout.ClassifierRule;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import io.spikeline.operators.snn.NetworkControl;
import io.spikeline.operators.snn.SnnOptions;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.types.Either;

/**
 * The {@code packets} job: labelled packets → bytes from the IP header as a spike pattern ({@link PacketEncodeFunction})
 * → one SNN per network key ({@link #classifier}: an STDP feature layer with synaptic scaling, and a classifier
 * readout learning online from each packet's label after classifying it) → per packet, the decode joined with the
 * packet ({@link VerdictJoinFunction}) → per flow, the running vote of its packets ({@link FlowVoteFunction}).
 *
 * <p>The input is any stream of {@link PacketRecord}s whose label, where present, is the truth to learn from: the
 * simulator or capture files of {@link PacketSources}, or a broker source.
 */
public final class PacketsJob {
    /** The network's bin, µs: a packet occupies {@code steps} bins of network time (see {@link PacketEncodeFunction}). */
    public static final long BIN_US = 1000;
    /** The verdicts' type. */
    public static final TypeInformation<PacketVerdict> VERDICT_TYPE = TypeInformation.of(PacketVerdict.class);
    /** Feedback waiting for its decode; in order at parallelism 1, a label waits for one packet at most. */
    private static final SnnOptions OPTIONS = SnnOptions.defaults().withMaxPendingFeedback(1024);

    private PacketsJob() {}

    /**
     * The input channels → {@code hidden} LIF units (threshold 1, β 0.9), each reached by 10 % of the channels with
     * initial weights uniform in [0, 0.1), learning without labels: causal pair STDP (τ± 2 ms, A+ 0.001, A− slightly
     * larger, so inputs that do not predict a unit's spikes fade; hard bounds [0, 0.2]) and synaptic scaling towards
     * 50 Hz (5 % of bins; rate estimate over 1 s of network time), so no unit falls silent or fires on every packet
     * → a perceptron over the units' spike traces (τ 4 ms) deciding once per packet. Each packet is a sample that
     * starts from rest (an early decision that never comes early: one decode per sample), so a packet's class does not
     * depend on the packet before it.
     */
    public static NetworkSpec classifier(PacketsSettings settings) {
        double dtMs = BIN_US / 1e3;
        int steps = settings.steps();
        double maxWeight = 0.2;
        PairStdpParameters stdp = new PairStdpParameters(0.001, 0.00105, 2, 2, dtMs,
                PairStdpParameters.Pairing.ALL_TO_ALL, PairStdpParameters.Window.CAUSAL,
                WeightBounds.hard(0, maxWeight));
        SynapticScalingParameters scaling = new SynapticScalingParameters(1e-4, 50, 1000, dtMs);
        LayerSpec features = new LayerSpec(new NeuronModel.Lif(LifParameters.defaults()), settings.hidden(),
                ConnectionSpec.of(new Connectivity.Sparse(0.1), 0, maxWeight / 2, 7),
                List.of(new LearningRule.Stdp(stdp), new LearningRule.Scaling(scaling)));
        return NetworkSpec.of(settings.encoding().channelCount(), BIN_US, List.of(features), 4 * dtMs,
                        new ReadoutSpec.Classifier(settings.classNames().size(), ClassifierRule.PERCEPTRON,
                                new StepSize.Normalised(0.1, 1e-3)), steps, 64)
                .withEarlyDecision(new EarlyDecision(1, steps));
    }

    /**
     * The flows' answers as decodings, one per packet, for the decoding sinks: keyed by the flow, at the packet's
     * capture time, with the network's class scores for the packet, the flow's class and confidence after it, and
     * the pipeline's wall-clock stamps.
     */
    public static DataStream<Decoding> flowDecodings(DataStream<PacketVerdict> verdicts) {
        return verdicts.map(v -> new Decoding(v.flow(), v.captureTimeUs(), v.scores(), v.flowClass(),
                        v.flowConfidence(), v.encodeWallTimeUs(), v.verdictWallTimeUs()))
                .returns(RecordTypes.DECODING).name("flow decodings");
    }

    /*
     * The Either unwrappings below are lambdas, not method references: javac deserializes equal method references as
     * the first one met, with that one's casts (see BmiJob).
     */

    /** Adds the job on {@code packets} to their environment (whose generic types must be disabled); returns verdicts. */
    public static DataStream<PacketVerdict> build(DataStream<PacketRecord> packets, PacketsSettings settings) {
        SingleOutputStreamOperator<Either<SpikeBatch, Feedback>> encoded = packets
                .keyBy(p -> PacketsSettings.NETWORK_KEY, Types.STRING)
                .process(new PacketEncodeFunction(settings, BIN_US), ControlledSpikingNetworkFunction.INPUT_TYPE)
                .name("packet encoding");
        // The operator takes a control stream; this one only confirms learning throughout.
        DataStream<Decoding> decodings = encoded
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(packets.getExecutionEnvironment()
                        .fromData(List.of(NetworkControl.freeze(1, 0, null, false)), NetworkControl.TYPE)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(() -> classifier(settings), OPTIONS),
                        RecordTypes.DECODING)
                .name("snn classifier");
        long windowUs = settings.steps() * BIN_US;
        DataStream<PacketMeta> meta = encoded.getSideOutput(PacketEncodeFunction.META);
        return decodings.keyBy(d -> d.eventTimeUs() / windowUs, Types.LONG)
                .connect(meta.keyBy(m -> m.index(), Types.LONG))
                .process(new VerdictJoinFunction(), VERDICT_TYPE)
                .name("packet verdict")
                .keyBy(v -> v.flow(), Types.STRING)
                .process(new FlowVoteFunction(settings.classNames().size()), VERDICT_TYPE)
                .name("flow vote");
    }
}
