package io.spikeline.connectors.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.wire.WireFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecordTypesTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void rawMessagesAndDeadLettersAreFlinkPojosNotGenericTypes() {
        assertThat(RecordTypes.RAW_MESSAGE).isInstanceOf(PojoTypeInfo.class);
        assertThat(RecordTypes.DEAD_LETTER).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void everyRecordTypeCrossesTheNetworkOfAJobThatForbidsGenericTypes() throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();

        RawMessage raw = new RawMessage("kafka", "in", 2, 99, 123, new byte[] {1}, new byte[] {(byte) 0xC3, 0});
        assertCrossesTheNetwork(env, RecordTypes.SAMPLE_FRAME, RecordSamples.sampleFrames());
        assertCrossesTheNetwork(env, RecordTypes.EVENT_BATCH, RecordSamples.eventBatches());
        assertCrossesTheNetwork(env, RecordTypes.SPIKE_BATCH, RecordSamples.spikeBatches());
        assertCrossesTheNetwork(env, RecordTypes.PACKET_RECORD, RecordSamples.packetRecords());
        assertCrossesTheNetwork(env, RecordTypes.FEEDBACK, RecordSamples.feedback());
        assertCrossesTheNetwork(env, RecordTypes.DECODING, RecordSamples.decodings());
        List<RawMessage> raws = collectAfterRebalance(env, RecordTypes.RAW_MESSAGE, new RawMessage[] {raw});
        assertThat(raws).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(raw.origin());
            assertThat(r.payload()).isEqualTo(raw.payload());
            assertThat(r.key()).isEqualTo(raw.key());
        });
        DeadLetter letter = new DeadLetter(raw, WireFormatException.Reason.BAD_HEADER, "not Avro");
        List<DeadLetter> letters = collectAfterRebalance(env, RecordTypes.DEAD_LETTER, new DeadLetter[] {letter});
        assertThat(letters).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(letter.reason());
            assertThat(d.detail()).isEqualTo(letter.detail());
            assertThat(d.message().payload()).isEqualTo(raw.payload());
        });
    }

    private static <T> void assertCrossesTheNetwork(StreamExecutionEnvironment env, TypeInformation<T> type, T[] records)
            throws Exception {
        assertThat(collectAfterRebalance(env, type, records)).containsExactlyInAnyOrder(records);
    }

    @SuppressWarnings("try") // CloseableIterator.close may throw InterruptedException
    private static <T> List<T> collectAfterRebalance(StreamExecutionEnvironment env, TypeInformation<T> type,
                                                     T[] records) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = env.fromData(Arrays.asList(records), type).rebalance()
                .map(r -> r).returns(type).rebalance().executeAndCollect(type.getTypeClass().getSimpleName())) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
