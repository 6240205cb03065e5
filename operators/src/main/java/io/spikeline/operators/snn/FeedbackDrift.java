package io.spikeline.operators.snn;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/**
 * A feedback record whose event time lay farther than the configured tolerance from the start of every decode
 * window its key remembers ({@link SnnOptions#feedbackToleranceUs()}): the feedback clock has drifted from the
 * sensor clock by more than the alignment allows. The feedback is not learned from.
 *
 * @param sourceKey the key
 * @param feedbackTimeUs the feedback's event time, µs
 * @param nearestWindowStartUs the start of the remembered decode window nearest to it, µs
 * @param deviationUs {@code feedbackTimeUs − nearestWindowStartUs}
 * @param toleranceUs the tolerance it exceeded
 */
public record FeedbackDrift(String sourceKey, long feedbackTimeUs, long nearestWindowStartUs, long deviationUs,
                            long toleranceUs) {

    /** A Java record of basic fields: Flink's own serializer handles it, without Kryo. */
    public static final TypeInformation<FeedbackDrift> TYPE = TypeInformation.of(FeedbackDrift.class);

    /** The side output on which the SNN operator reports drifted feedback. */
    public static final OutputTag<FeedbackDrift> OUTPUT = new OutputTag<>("feedback-drift", TYPE);
}
