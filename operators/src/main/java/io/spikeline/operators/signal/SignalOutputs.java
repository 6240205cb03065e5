package io.spikeline.operators.signal;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.operators.sideoutput.NonFiniteSamples;
import io.spikeline.operators.sideoutput.SequenceGap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side outputs of the signal operators, each with a non-generic Flink type. */
public final class SignalOutputs {
    /** Breaks in a key's frame stream (missing frames, time jumps, a change of sample rate or channel count). */
    public static final OutputTag<SequenceGap> GAPS =
            new OutputTag<>("sequence-gaps", TypeInformation.of(SequenceGap.class));
    /** Frames behind the watermark, duplicated, or overtaken by later frames of their key: not processed. */
    public static final OutputTag<SampleFrame> LATE_FRAMES = new OutputTag<>("late-frames", RecordTypes.SAMPLE_FRAME);
    /**
     * Frames of a key whose sample rate the filter cannot be designed for (an edge at or above its Nyquist
     * frequency): not filtered, and the key's state is left as it was.
     */
    public static final OutputTag<SampleFrame> UNSUPPORTED_RATE =
            new OutputTag<>("unsupported-rate-frames", RecordTypes.SAMPLE_FRAME);
    /** Frames that held NaN or infinite samples, with what was done about them. */
    public static final OutputTag<NonFiniteSamples> NON_FINITE =
            new OutputTag<>("non-finite-samples", TypeInformation.of(NonFiniteSamples.class));

    private SignalOutputs() {
    }
}
