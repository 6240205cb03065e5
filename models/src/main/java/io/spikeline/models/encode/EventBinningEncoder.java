package io.spikeline.models.encode;

import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.record.SpikeBatchBuilder;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Bins event-camera events into spikes: time bin {@code floor(t / binWidthUs)} (bins aligned to multiples of
 * the width), channel {@link EventBinningParams#channel}. Several events of one channel in one bin collapse
 * into one spike; {@link #duplicateEventCount()} counts the events so absorbed.
 *
 * <p>A bin is complete once an event of a later bin arrives, so the bin holding the latest event stays open
 * across calls (it is part of the snapshotted state). Each {@link #encode} returns the bins it completed,
 * including empty bins between events, as one batch; successive batches are contiguous, each starting where
 * the previous one ended. {@link #flush} completes the open bin at the end of a stream; the next event then
 * starts a new run of batches at its own bin. Events earlier than the open bin (or than the last flushed bin)
 * arrive too late to be binned: they are dropped and counted by {@link #lateEventCount()}. Output batches are
 * numbered 0, 1, 2, ... per encoder. One encoder serves one sensor; it is not thread-safe.
 */
public final class EventBinningEncoder implements Snapshottable {
    private static final int TAG = Snapshots.tag("EBIN");
    private static final int VERSION = 1;

    private final EventBinningParams params;
    private final SpikeBatchBuilder builder;
    /** Membership of the open bin, one bit per channel, so that a repeated channel costs one lookup. */
    private final long[] inOpenBin;
    private int[] openChannels = new int[64];
    private int openCount;
    private boolean hasOpenBin;
    private long openBin;
    private long firstAcceptedBin = Long.MIN_VALUE;
    private long batchStartBin;
    private long nextSequence;
    private long lateEvents;
    private long duplicateEvents;

    public EventBinningEncoder(EventBinningParams params) {
        this.params = Checks.nonNull("EventBinningEncoder", "params", params);
        this.builder = new SpikeBatchBuilder(params.channelCount());
        this.inOpenBin = new long[(params.channelCount() + 63) >>> 6];
    }

    public EventBinningParams params() {
        return params;
    }

    /** Events dropped because they came after their bin had been completed. */
    public long lateEventCount() {
        return lateEvents;
    }

    /** Events that fell on a channel already spiking in their bin. */
    public long duplicateEventCount() {
        return duplicateEvents;
    }

    /** Bins {@code events}; returns the bins completed by them, if any. */
    public Optional<SpikeBatch> encode(EventBatch events) {
        if (events.width() != params.sensorWidth() || events.height() != params.sensorHeight()) {
            throw new IllegalArgumentException("EventBinningEncoder for a " + params.sensorWidth() + "x"
                    + params.sensorHeight() + " sensor was given " + events);
        }
        long[] t = events.timestampsUs();
        short[] x = events.x();
        short[] y = events.y();
        byte[] p = events.polarity();
        long width = params.binWidthUs();
        for (int i = 0; i < t.length; i++) {
            long bin = Math.floorDiv(t[i], width);
            if (bin < firstAcceptedBin) {
                lateEvents++;
                continue;
            }
            if (!hasOpenBin) {
                openBin(bin);
            } else if (bin > openBin) {
                closeOpenBin();
                long gap = bin - openBin - 1;
                if (gap > Integer.MAX_VALUE - builder.binCount()) {
                    throw new IllegalArgumentException("event at " + t[i] + "us leaves a gap of " + gap
                            + " empty bins after the open bin, more than one batch can hold");
                }
                builder.openBins((int) gap);
                openBin(bin);
            }
            int channel = params.channel(x[i], y[i], p[i]);
            long bit = 1L << channel;
            int word = channel >>> 6;
            if ((inOpenBin[word] & bit) != 0) {
                duplicateEvents++;
            } else {
                inOpenBin[word] |= bit;
                if (openCount == openChannels.length) {
                    openChannels = Arrays.copyOf(openChannels, Math.min(params.channelCount(), 2 * openCount));
                }
                openChannels[openCount++] = channel;
            }
        }
        return completedBins(events.sourceKey());
    }

    /** Completes the open bin, if any, and returns every completed bin not yet returned. */
    public Optional<SpikeBatch> flush(String sourceKey) {
        if (hasOpenBin) {
            closeOpenBin();
            hasOpenBin = false;
            firstAcceptedBin = openBin + 1;
        }
        return completedBins(sourceKey);
    }

    private void openBin(long bin) {
        hasOpenBin = true;
        openBin = bin;
        firstAcceptedBin = bin;
    }

    /** Appends the open bin's channels, sorted as a batch requires, to the builder and empties the open bin. */
    private void closeOpenBin() {
        if (builder.binCount() == 0) {
            batchStartBin = openBin;
        }
        Arrays.sort(openChannels, 0, openCount);
        builder.openBin();
        for (int i = 0; i < openCount; i++) {
            int channel = openChannels[i];
            builder.add(channel);
            inOpenBin[channel >>> 6] = 0;
        }
        openCount = 0;
    }

    private Optional<SpikeBatch> completedBins(String sourceKey) {
        if (builder.binCount() == 0) {
            return Optional.empty();
        }
        long width = params.binWidthUs();
        return Optional.of(builder.build(sourceKey, nextSequence++, batchStartBin * width, width));
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(params.channelCount());
        out.writeBoolean(hasOpenBin);
        out.writeLong(openBin);
        out.writeLong(firstAcceptedBin);
        Snapshots.writeInts(out, Arrays.copyOf(openChannels, openCount));
        out.writeLong(nextSequence);
        out.writeLong(lateEvents);
        out.writeLong(duplicateEvents);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, params.channelCount(), "channel count");
        hasOpenBin = in.readBoolean();
        openBin = in.readLong();
        firstAcceptedBin = in.readLong();
        int count = in.readInt();
        if (count < 0 || count > params.channelCount()) {
            throw new SnapshotFormatException("snapshot holds " + count + " channels in the open bin of "
                    + params.channelCount());
        }
        Arrays.fill(inOpenBin, 0);
        openChannels = new int[Math.max(64, count)];
        for (int i = 0; i < count; i++) {
            int channel = in.readInt();
            if (channel < 0 || channel >= params.channelCount() || (inOpenBin[channel >>> 6] & 1L << channel) != 0) {
                throw new SnapshotFormatException("snapshot lists open-bin channel " + channel + " outside 0.."
                        + (params.channelCount() - 1) + " or twice");
            }
            inOpenBin[channel >>> 6] |= 1L << channel;
            openChannels[i] = channel;
        }
        openCount = count;
        builder.clear();
        nextSequence = in.readLong();
        lateEvents = in.readLong();
        duplicateEvents = in.readLong();
    }
}
