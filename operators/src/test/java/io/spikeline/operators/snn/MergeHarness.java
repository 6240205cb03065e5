package io.spikeline.operators.snn;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.types.Either;

/** The operator test harness of a merge of spike batches (input 1) and feedback (input 2) into the SNN input. */
final class MergeHarness {
    private MergeHarness() {}

    /** An open harness of {@code merge}, keyed by source key, restored from {@code restore} if given. */
    static KeyedTwoInputStreamOperatorTestHarness<String, SpikeBatch, Feedback, Either<SpikeBatch, Feedback>> open(
            KeyedCoProcessFunction<String, SpikeBatch, Feedback, Either<SpikeBatch, Feedback>> merge,
            OperatorSubtaskState restore) throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<String, SpikeBatch, Feedback, Either<SpikeBatch, Feedback>> harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(merge),
                        SpikeBatch::sourceKey, Feedback::sourceKey, Types.STRING);
        harness.setup(ControlledSpikingNetworkFunction.INPUT_TYPE.createSerializer(new SerializerConfigImpl()));
        if (restore != null) {
            harness.initializeState(restore);
        }
        harness.open();
        return harness;
    }
}
