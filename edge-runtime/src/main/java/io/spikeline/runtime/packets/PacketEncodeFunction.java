package io.spikeline.runtime.packets;

import io.spikeline.models.encode.PacketByteEncoder;
import io.spikeline.models.encode.PacketByteParams;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.record.SpikeBatchBuilder;
import io.spikeline.operators.snn.WallClock;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Numbers a network's packets and encodes each with {@link PacketByteEncoder} from its IP header on. Packet {@code n}
 * becomes the spike batch of the decode window {@code [n·W, (n+1)·W)}, {@code W = steps · binUs}: the network's time
 * counts packets, not capture time, so each packet is one window however closely packets follow each other. A
 * labelled packet is followed by its label as feedback at the window's start, which the network learns from only
 * after classifying the packet. What the job needs later of the packet goes to {@link #META}.
 */
final class PacketEncodeFunction
        extends KeyedProcessFunction<String, PacketRecord, Either<SpikeBatch, Feedback>> {
    private static final long serialVersionUID = 1L;

    /** The side output of each packet's {@link PacketMeta}. */
    static final OutputTag<PacketMeta> META = new OutputTag<>("packet-meta", TypeInformation.of(PacketMeta.class));

    private final PacketsSettings settings;
    private final long binUs;
    private transient PacketByteParams encoding;
    private transient PacketByteEncoder encoder;
    private transient SpikeBatchBuilder builder;
    private transient ValueState<Long> next;

    PacketEncodeFunction(PacketsSettings settings, long binUs) {
        this.settings = settings;
        this.binUs = binUs;
    }

    @Override
    public void open(OpenContext openContext) {
        encoding = settings.encoding();
        encoder = new PacketByteEncoder(encoding);
        builder = new SpikeBatchBuilder(encoder.channelCount());
        next = getRuntimeContext().getState(new ValueStateDescriptor<>("packets-encoded", Types.LONG));
    }

    @Override
    public void processElement(PacketRecord packet, Context ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        Long stored = next.value();
        long n = stored == null ? 0 : stored;
        next.update(n + 1);
        String key = ctx.getCurrentKey();
        long startUs = n * encoding.steps() * binUs;
        byte[] bytes = packet.bytes();
        encoder.encode(bytes, NetworkHeader.offset(packet), bytes.length, builder);
        out.collect(Either.Left(builder.build(key, n, startUs, binUs)));
        if (packet.hasLabel()) {
            out.collect(Either.Right(Feedback.ofClass(key, startUs, packet.label())));
        }
        ctx.output(META, new PacketMeta(n, FlowVote.flowOf(packet.flow()), packet.label(), packet.captureTimeUs(),
                WallClock.SYSTEM.nowUs()));
    }
}
