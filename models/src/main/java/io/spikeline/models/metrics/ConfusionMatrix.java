package io.spikeline.models.metrics;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Streaming confusion matrix of a {@code classCount}-class classifier: {@code count(t, p)} is the number of
 * samples of true class t predicted as p. From it, with TP = count(c, c), FP = Σ_t≠c count(t, c),
 * FN = Σ_p≠c count(c, p):
 * <ul>
 *   <li>accuracy = Σ_c TP_c / total;</li>
 *   <li>precision_c = TP / (TP + FP), recall_c = TP / (TP + FN), F1_c = 2 TP / (2 TP + FP + FN), each 0 when
 *       its denominator is 0 (scikit-learn's {@code zero_division=0});</li>
 *   <li>balanced accuracy = the mean recall over the classes that occur in the truth (scikit-learn's
 *       {@code balanced_accuracy_score});</li>
 *   <li>macro F1 = the mean F1 over the classes that occur in the truth or the predictions (scikit-learn's
 *       {@code f1_score(average='macro')} without an explicit label list).</li>
 * </ul>
 */
public final class ConfusionMatrix implements Snapshottable {
    private static final int TAG = Snapshots.tag("MCFM");
    private static final int VERSION = 1;

    private final int classCount;
    /** Row-major by true class: counts[truth * classCount + predicted]. */
    private final long[] counts;

    public ConfusionMatrix(int classCount) {
        if (classCount < 2 || (long) classCount * classCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("confusion matrix classCount must lie in 2..46340, was " + classCount);
        }
        this.classCount = classCount;
        this.counts = new long[classCount * classCount];
    }

    public int classCount() {
        return classCount;
    }

    public void add(int truth, int predicted) {
        requireClass("true", truth);
        requireClass("predicted", predicted);
        counts[truth * classCount + predicted]++;
    }

    /** Adds the first {@code count} pairs of {@code truth} and {@code predicted}. */
    public void addAll(int[] truth, int[] predicted, int count) {
        if (count < 0 || truth.length < count || predicted.length < count) {
            throw new IllegalArgumentException("cannot add " + count + " pairs from " + truth.length + " true and "
                    + predicted.length + " predicted labels");
        }
        for (int i = 0; i < count; i++) {
            requireClass("true", truth[i]);
            requireClass("predicted", predicted[i]);
        }
        for (int i = 0; i < count; i++) {
            counts[truth[i] * classCount + predicted[i]]++;
        }
    }

    private void requireClass(String which, int c) {
        if (c < 0 || c >= classCount) {
            throw new IllegalArgumentException(which + " class " + c + " outside 0.." + (classCount - 1));
        }
    }

    public long count(int truth, int predicted) {
        return counts[truth * classCount + predicted];
    }

    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    public long correct() {
        long sum = 0;
        for (int c = 0; c < classCount; c++) {
            sum += counts[c * classCount + c];
        }
        return sum;
    }

    /** Samples whose true class is {@code c} (row sum). */
    public long support(int c) {
        long sum = 0;
        for (int p = 0; p < classCount; p++) {
            sum += counts[c * classCount + p];
        }
        return sum;
    }

    /** Samples predicted as {@code c} (column sum). */
    public long predictedCount(int c) {
        long sum = 0;
        for (int t = 0; t < classCount; t++) {
            sum += counts[t * classCount + c];
        }
        return sum;
    }

    /** NaN before any sample. */
    public double accuracy() {
        long total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    public double precision(int c) {
        return ratio(counts[c * classCount + c], predictedCount(c));
    }

    public double recall(int c) {
        return ratio(counts[c * classCount + c], support(c));
    }

    public double f1(int c) {
        long tp = counts[c * classCount + c];
        return ratio(2 * tp, support(c) + predictedCount(c));
    }

    /** NaN before any sample. */
    public double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classCount; c++) {
            if (support(c) > 0) {
                sum += recall(c);
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /** NaN before any sample. */
    public double macroF1() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classCount; c++) {
            if (support(c) > 0 || predictedCount(c) > 0) {
                sum += f1(c);
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    public void reset() {
        Arrays.fill(counts, 0L);
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(classCount);
        Snapshots.writeLongs(out, counts);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, classCount, "class count");
        Snapshots.readLongs(in, counts, "counts");
    }
}
