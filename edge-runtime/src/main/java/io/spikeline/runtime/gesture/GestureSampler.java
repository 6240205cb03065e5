package io.spikeline.runtime.gesture;

import io.spikeline.models.encode.EventBinningParams;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.record.SpikeBatchBuilder;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a finely binned event stream into one fixed-length sample per gesture, and stamps each gesture's label onto
 * its sample, so that a network with early decision sees every gesture from its start and from rest.
 *
 * <p>Onset: while no sample runs, an incoming bin whose active ON cells outnumber its active OFF cells by at least
 * {@code onsetContrast} starts one at that bin's start {@code t_0}, provided each of the {@code quietBins} bins before
 * it had a contrast below {@code quietContrast}. Sample: the next {@code sampleBins · timeFactor}
 * incoming bins from {@code t_0} on, each {@code timeFactor} of them merged in time and each
 * {@code spaceFactor × spaceFactor} block of cells merged in space (a sample cell spikes in a sample bin when any of
 * its incoming cells spiked in any of its incoming bins), emitted as sample bins starting at
 * {@code t_0 + k · sampleBinUs}; incoming bins outside samples are not passed on. The network downstream counts its
 * early-decision samples in the bins it steps, so with {@code sampleBins} as its sample length its samples are these.
 *
 * <p>Labels: a gesture's label, stamped at the gesture's end {@code t}, is held until the incoming bins have passed
 * {@code t} (so every onset up to {@code t} is known), then re-stamped to the start of the last decode window of the
 * latest sample with {@code t_0 ≤ t}: {@code t_0 + (sampleBins − decodeBins) · sampleBinUs}. It is unaligned (counted,
 * set aside, see {@link #takeUnmatched}) when there is no such sample, when that sample already has a label (its
 * gesture's onset was missed), or when {@code t − t_0 > maxGestureUs}. {@link #flush} aligns held labels at the end
 * of the stream.
 *
 * <p>Waiting for labels: the network learns from a gesture's label right after that gesture's last decode window, and
 * what it decides on the next gesture depends on whether it has learned by then. Events and labels that travel apart
 * (two broker topics) may reach the sampler in any interleaving, so a caller that wants the order of the device
 * holds incoming batches while {@link #awaitsLabel()}: no sample runs and the latest sample has had no label yet
 * (no label with a time at or after its onset has been taken). A label answers it; so does
 * {@link #goOnWithoutLabel()}, which a caller uses when it has waited long enough (a gesture left unlabelled, a label
 * stream that lags too far). Held batches hold back no output but the next sample's: the bins between samples are
 * not passed on.
 *
 * <p>Incoming batches must follow one another in time; a gap between them inside a sample counts as empty bins.
 * Snapshot tag {@code GSMP} (version 2 adds the label wait; version 1 restores as answered).
 */
public final class GestureSampler implements Snapshottable {
    private static final int TAG = Snapshots.tag("GSMP");
    private static final int VERSION = 2;
    /** Recent onsets remembered for aligning labels; labels come within a few samples of their onset. */
    private static final int ONSETS = 8;

    private final SamplerParams params;
    private final int onChannelsFrom;
    private final int[] sampleChannel;
    private final boolean[] inOpenBin;
    private final int[] openChannels;
    private final SpikeBatchBuilder builder;
    private final long[] onsetUs = new long[ONSETS];
    private final boolean[] onsetLabelled = new boolean[ONSETS];
    private final List<Feedback> heldLabels = new ArrayList<>();
    /** Labels found unaligned and not yet taken by {@link #takeUnmatched}; not part of the snapshot. */
    private final List<Unmatched> unmatched = new ArrayList<>();

    private long binsSeen;
    /** The index of the latest incoming bin whose contrast was not quiet. */
    private long lastLoudBin = Long.MIN_VALUE / 2;
    private int openCount;
    private boolean sampling;
    private long sampleStartUs;
    private int sampleBinsDone;
    private int fineInBin;
    private int batchFirstBin;
    private long processedUntilUs = Long.MIN_VALUE;
    private int onsetCount;
    /** The latest time of a label taken. */
    private long latestLabelUs = Long.MIN_VALUE;
    /** The onset count at the latest {@link #goOnWithoutLabel}. */
    private int waivedOnsets;
    private long sequence;
    private long samples;
    private long alignedLabels;
    private long unalignedLabels;

    public GestureSampler(SamplerParams params) {
        this.params = params;
        EventBinningParams fine = params.fineGrid();
        EventBinningParams coarse = params.sampleGrid();
        this.onChannelsFrom = fine.pooledWidth() * fine.pooledHeight();
        this.sampleChannel = new int[fine.channelCount()];
        for (int p = 0; p < 2; p++) {
            for (int y = 0; y < fine.pooledHeight(); y++) {
                for (int x = 0; x < fine.pooledWidth(); x++) {
                    sampleChannel[fine.channel(x * fine.poolingFactor(), y * fine.poolingFactor(), p)] =
                            coarse.channel(x * fine.poolingFactor(), y * fine.poolingFactor(), p);
                }
            }
        }
        this.inOpenBin = new boolean[coarse.channelCount()];
        this.openChannels = new int[coarse.channelCount()];
        this.builder = new SpikeBatchBuilder(coarse.channelCount());
    }

    public SamplerParams params() {
        return params;
    }

    /**
     * Takes the next incoming batch: hands the sample bins it completes to {@code samples} (at most one batch per
     * sample touched) and the labels it allows to align to {@code labels}.
     */
    public void accept(SpikeBatch fine, Consumer<SpikeBatch> samples, Consumer<Feedback> labels) {
        if (fine.channelCount() != sampleChannel.length || fine.binWidthUs() != params.fineBinUs()) {
            throw new IllegalArgumentException("the gesture sampler takes bins of " + params.fineBinUs() + " us over "
                    + sampleChannel.length + " channels, was given " + fine);
        }
        if (sampling && fine.startTimeUs() > processedUntilUs) {
            int gap = (int) Math.min(Integer.MAX_VALUE, (fine.startTimeUs() - processedUntilUs) / params.fineBinUs());
            for (int b = 0; b < gap && sampling; b++) {
                merge(fine, 0, 0, samples);
                processedUntilUs += params.fineBinUs();
            }
        }
        int[] offsets = fine.binOffsets();
        int[] channels = fine.channelIndices();
        for (int b = 0; b < fine.binCount(); b++) {
            long binStartUs = fine.binStartTimeUs(b);
            int contrast = contrast(channels, offsets[b], offsets[b + 1]);
            if (!sampling && binsSeen - lastLoudBin > params.quietBins() && contrast >= params.onsetContrast()) {
                start(binStartUs);
            }
            if (contrast >= params.quietContrast()) {
                lastLoudBin = binsSeen;
            }
            binsSeen++;
            if (sampling) {
                merge(fine, offsets[b], offsets[b + 1], samples);
            }
            processedUntilUs = binStartUs + params.fineBinUs();
        }
        emitOpenBatch(fine.sourceKey(), samples);
        alignHeld(labels, false);
    }

    /** Takes a label: aligns it now if the incoming bins have passed its time, else holds it. */
    public void label(Feedback label, Consumer<Feedback> labels) {
        latestLabelUs = Math.max(latestLabelUs, label.eventTimeUs());
        heldLabels.add(label);
        alignHeld(labels, false);
    }

    /**
     * Whether the latest sample has ended without a label yet: no sample runs, a sample has started, no label at or
     * after its onset has been taken, and {@link #goOnWithoutLabel} has not been called since it started. A caller
     * that keeps the device's order holds the next incoming batches until this turns false.
     */
    public boolean awaitsLabel() {
        return !sampling && onsetCount > waivedOnsets && latestLabelUs < latestOnsetUs();
    }

    /** Stops waiting for the latest sample's label; its label may still come and is aligned as usual. */
    public void goOnWithoutLabel() {
        waivedOnsets = onsetCount;
    }

    /** The onset of the latest sample, µs; {@code Long.MIN_VALUE} before the first. */
    public long latestOnsetUs() {
        return onsetCount == 0 ? Long.MIN_VALUE : onsetUs[(onsetCount - 1) % ONSETS];
    }

    /** At the end of the stream: aligns every held label with the onsets seen. */
    public void flush(Consumer<Feedback> labels) {
        alignHeld(labels, true);
    }

    private int contrast(int[] channels, int from, int to) {
        int contrast = 0;
        for (int i = from; i < to; i++) {
            contrast += channels[i] >= onChannelsFrom ? 1 : -1;
        }
        return contrast;
    }

    private void start(long t0) {
        sampling = true;
        sampleStartUs = t0;
        sampleBinsDone = 0;
        fineInBin = 0;
        batchFirstBin = 0;
        int slot = onsetCount % ONSETS;
        onsetUs[slot] = t0;
        onsetLabelled[slot] = false;
        onsetCount++;
        samples++;
    }

    private void merge(SpikeBatch fine, int from, int to, Consumer<SpikeBatch> samples) {
        int[] channels = fine.channelIndices();
        for (int i = from; i < to; i++) {
            int c = sampleChannel[channels[i]];
            if (!inOpenBin[c]) {
                inOpenBin[c] = true;
                openChannels[openCount++] = c;
            }
        }
        if (++fineInBin < params.timeFactor()) {
            return;
        }
        fineInBin = 0;
        Arrays.sort(openChannels, 0, openCount);
        builder.openBin();
        for (int i = 0; i < openCount; i++) {
            builder.add(openChannels[i]);
            inOpenBin[openChannels[i]] = false;
        }
        openCount = 0;
        if (++sampleBinsDone == params.sampleBins()) {
            emitOpenBatch(fine.sourceKey(), samples);
            sampling = false;
        }
    }

    private void emitOpenBatch(String sourceKey, Consumer<SpikeBatch> samples) {
        if (builder.binCount() == 0) {
            return;
        }
        long startUs = sampleStartUs + batchFirstBin * params.sampleBinUs();
        batchFirstBin = sampleBinsDone;
        samples.accept(builder.build(sourceKey, sequence++, startUs, params.sampleBinUs()));
    }

    private void alignHeld(Consumer<Feedback> labels, boolean all) {
        for (int i = 0; i < heldLabels.size(); ) {
            Feedback label = heldLabels.get(i);
            if (!all && label.eventTimeUs() >= processedUntilUs) {
                i++;
                continue;
            }
            heldLabels.remove(i);
            align(label, labels);
        }
    }

    private void align(Feedback label, Consumer<Feedback> labels) {
        long t = label.eventTimeUs();
        String why = onsetCount == 0 ? "no gesture onset has been seen"
                : "no gesture onset at or before it among the latest " + Math.min(onsetCount, ONSETS);
        for (int k = onsetCount - 1; k >= Math.max(0, onsetCount - ONSETS); k--) {
            int slot = k % ONSETS;
            if (onsetUs[slot] > t) {
                continue;
            }
            if (t - onsetUs[slot] > params.maxGestureUs()) {
                why = "it comes " + (t - onsetUs[slot]) / 1e6 + " s after the latest onset (" + onsetUs[slot] / 1e6
                        + " s), more than a gesture's " + params.maxGestureUs() / 1e6 + " s";
                break;
            }
            if (onsetLabelled[slot]) {
                why = "the sample at its latest onset (" + onsetUs[slot] / 1e6 + " s) has a label already: the "
                        + "onset of its gesture was missed";
                break;
            }
            onsetLabelled[slot] = true;
            alignedLabels++;
            long stampUs = onsetUs[slot] + params.lastWindowOffsetUs();
            labels.accept(label.hasReward()
                    ? Feedback.ofClass(label.sourceKey(), stampUs, label.classId(), label.reward())
                    : Feedback.ofClass(label.sourceKey(), stampUs, label.classId()));
            return;
        }
        unalignedLabels++;
        unmatched.add(new Unmatched(label, why));
    }

    /** A label that no sample could take, and why. */
    public record Unmatched(Feedback label, String why) {}

    /** The labels found unaligned since the last call, with their reasons; the list is emptied. */
    public List<Unmatched> takeUnmatched() {
        if (unmatched.isEmpty()) {
            return List.of();
        }
        List<Unmatched> taken = new ArrayList<>(unmatched);
        unmatched.clear();
        return taken;
    }

    /** Samples started so far. */
    public long samples() {
        return samples;
    }

    /** Labels stamped onto a sample so far. */
    public long alignedLabels() {
        return alignedLabels;
    }

    /** Labels dropped so far because no sample of theirs could be found. */
    public long unalignedLabels() {
        return unalignedLabels;
    }

    /** Labels held until the incoming bins pass their time. */
    public int heldLabels() {
        return heldLabels.size();
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(sampleChannel.length);
        out.writeLong(binsSeen);
        out.writeLong(lastLoudBin);
        Snapshots.writeInts(out, Arrays.copyOf(openChannels, openCount));
        out.writeBoolean(sampling);
        out.writeLong(sampleStartUs);
        out.writeInt(sampleBinsDone);
        out.writeInt(fineInBin);
        out.writeInt(batchFirstBin);
        out.writeLong(processedUntilUs);
        out.writeInt(onsetCount);
        Snapshots.writeLongs(out, onsetUs);
        Snapshots.writeBooleans(out, onsetLabelled);
        out.writeInt(heldLabels.size());
        for (Feedback label : heldLabels) {
            out.writeUTF(label.sourceKey());
            out.writeLong(label.eventTimeUs());
            out.writeInt(label.classId());
            out.writeBoolean(label.hasReward());
            out.writeFloat(label.hasReward() ? label.reward() : 0);
        }
        out.writeLong(latestLabelUs);
        out.writeInt(waivedOnsets);
        out.writeLong(sequence);
        out.writeLong(samples);
        out.writeLong(alignedLabels);
        out.writeLong(unalignedLabels);
    }

    /**
     * Restores a snapshot taken between two calls of {@link #accept}: the bins of a sample emitted so far are not
     * part of it.
     */
    @Override
    public void readSnapshot(DataInput in) throws IOException {
        int version = Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, sampleChannel.length, "incoming channel count");
        binsSeen = in.readLong();
        lastLoudBin = in.readLong();
        int open = in.readInt();
        if (open < 0 || open > openChannels.length) {
            throw new SnapshotFormatException("snapshot holds " + open + " open cells of " + openChannels.length);
        }
        Arrays.fill(inOpenBin, false);
        for (int i = 0; i < open; i++) {
            int c = in.readInt();
            if (c < 0 || c >= inOpenBin.length || inOpenBin[c]) {
                throw new SnapshotFormatException("snapshot lists open cell " + c + " outside 0.."
                        + (inOpenBin.length - 1) + " or twice");
            }
            inOpenBin[c] = true;
            openChannels[i] = c;
        }
        openCount = open;
        sampling = in.readBoolean();
        sampleStartUs = in.readLong();
        sampleBinsDone = in.readInt();
        fineInBin = in.readInt();
        batchFirstBin = in.readInt();
        processedUntilUs = in.readLong();
        onsetCount = in.readInt();
        Snapshots.readLongs(in, onsetUs, "onsets");
        Snapshots.readBooleans(in, onsetLabelled, "onset labels");
        int held = in.readInt();
        if (held < 0) {
            throw new SnapshotFormatException("snapshot holds " + held + " labels");
        }
        heldLabels.clear();
        for (int i = 0; i < held; i++) {
            String key = in.readUTF();
            long t = in.readLong();
            int classId = in.readInt();
            boolean rewarded = in.readBoolean();
            float reward = in.readFloat();
            heldLabels.add(rewarded ? Feedback.ofClass(key, t, classId, reward) : Feedback.ofClass(key, t, classId));
        }
        builder.clear();
        if (version >= 2) {
            latestLabelUs = in.readLong();
            waivedOnsets = in.readInt();
            if (waivedOnsets < 0 || waivedOnsets > onsetCount) {
                throw new SnapshotFormatException("snapshot waived the label wait at onset " + waivedOnsets + " of "
                        + onsetCount);
            }
        } else {
            latestLabelUs = Long.MIN_VALUE;
            waivedOnsets = onsetCount;
        }
        sequence = in.readLong();
        samples = in.readLong();
        alignedLabels = in.readLong();
        unalignedLabels = in.readLong();
    }
}
