package io.spikeline.models.record;

import java.util.Arrays;

/**
 * What the learner is told about one source at one event time: a class label, a target vector (for
 * example true hand velocity), or only a reward. A reward may accompany a class or vector target.
 * Build with {@link #ofClass}, {@link #ofVector} or {@link #ofReward}.
 */
public final class Feedback {
    /** What kind of target the feedback carries. */
    public enum Kind { CLASS, VECTOR, REWARD_ONLY }

    private static final String RECORD = "Feedback";

    private final String sourceKey;
    private final long eventTimeUs;
    private final Kind kind;
    private final int classId;
    private final float[] target;
    private final float reward;

    private Feedback(String sourceKey, long eventTimeUs, Kind kind, int classId, float[] target, float reward) {
        this.sourceKey = Records.requireKey(RECORD, sourceKey);
        this.eventTimeUs = eventTimeUs;
        this.kind = kind;
        this.classId = classId;
        this.target = target;
        this.reward = reward;
    }

    public static Feedback ofClass(String sourceKey, long eventTimeUs, int classId) {
        return ofClass(sourceKey, eventTimeUs, classId, Float.NaN);
    }

    /** A class label, with a reward ({@code NaN} for none). */
    public static Feedback ofClass(String sourceKey, long eventTimeUs, int classId, float reward) {
        if (classId < 0) {
            throw new IllegalArgumentException(RECORD + " '" + sourceKey + "': class id must be >= 0, was " + classId);
        }
        requireRewardFiniteOrAbsent(sourceKey, reward);
        return new Feedback(sourceKey, eventTimeUs, Kind.CLASS, classId, new float[0], reward);
    }

    public static Feedback ofVector(String sourceKey, long eventTimeUs, float[] target) {
        return ofVector(sourceKey, eventTimeUs, target, Float.NaN);
    }

    /** A target vector (copied; every component finite), with a reward ({@code NaN} for none). */
    public static Feedback ofVector(String sourceKey, long eventTimeUs, float[] target, float reward) {
        Records.requireNonNull(RECORD, "target", target);
        if (target.length == 0) {
            throw new IllegalArgumentException(RECORD + " '" + sourceKey + "': target vector must not be empty");
        }
        for (int i = 0; i < target.length; i++) {
            if (!Float.isFinite(target[i])) {
                throw new IllegalArgumentException(RECORD + " '" + sourceKey + "': target component " + i
                        + " is " + target[i]);
            }
        }
        requireRewardFiniteOrAbsent(sourceKey, reward);
        return new Feedback(sourceKey, eventTimeUs, Kind.VECTOR, -1, target.clone(), reward);
    }

    public static Feedback ofReward(String sourceKey, long eventTimeUs, float reward) {
        if (!Float.isFinite(reward)) {
            throw new IllegalArgumentException(RECORD + " '" + sourceKey + "': reward must be finite, was " + reward);
        }
        return new Feedback(sourceKey, eventTimeUs, Kind.REWARD_ONLY, -1, new float[0], reward);
    }

    private static void requireRewardFiniteOrAbsent(String sourceKey, float reward) {
        if (Float.isInfinite(reward)) {
            throw new IllegalArgumentException(RECORD + " '" + sourceKey + "': reward must be finite, was " + reward);
        }
    }

    public String sourceKey() {
        return sourceKey;
    }

    public long eventTimeUs() {
        return eventTimeUs;
    }

    public Kind kind() {
        return kind;
    }

    /** The class label; only meaningful for {@link Kind#CLASS}, -1 otherwise. */
    public int classId() {
        return classId;
    }

    /** The target vector (a copy); empty unless {@link Kind#VECTOR}. */
    public float[] target() {
        return target.clone();
    }

    public int targetLength() {
        return target.length;
    }

    public float target(int i) {
        return target[i];
    }

    public boolean hasReward() {
        return !Float.isNaN(reward);
    }

    /** The reward, or NaN when there is none. */
    public float reward() {
        return reward;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Feedback)) {
            return false;
        }
        Feedback f = (Feedback) o;
        return eventTimeUs == f.eventTimeUs && kind == f.kind && classId == f.classId
                && Float.compare(reward, f.reward) == 0 && sourceKey.equals(f.sourceKey) && Arrays.equals(target, f.target);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sourceKey.hashCode() + Long.hashCode(eventTimeUs)) + kind.hashCode();
    }

    @Override
    public String toString() {
        String what = kind == Kind.CLASS ? "class=" + classId
                : kind == Kind.VECTOR ? "target=" + Arrays.toString(target) : "reward-only";
        return "Feedback{" + sourceKey + " t=" + eventTimeUs + "us " + what + (hasReward() ? " reward=" + reward : "") + "}";
    }
}
