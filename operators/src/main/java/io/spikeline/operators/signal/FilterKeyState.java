package io.spikeline.operators.signal;

import io.spikeline.models.filter.BlockBidirectionalFilter;
import io.spikeline.models.filter.SosFilter;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import io.spikeline.operators.sideoutput.NonFinitePolicy;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Everything {@link BesselFilterFunction} keeps for one key: the stream's shape (sample rate, channel
 * count), its continuity, the filter state, the last finite value of each channel (for
 * {@link NonFinitePolicy#HOLD_LAST}) and, in block-bidirectional mode, the output frame counter and the event
 * time of the first held-back sample. The coefficients are not state: they come from the operator's
 * {@link FilterDesigns} at the key's rate.
 *
 * <p>Snapshot (version 1): header {@code OFLT}, sample rate, channel count, next sequence, next time, whether
 * the causal filter re-primes at the next frame, output sequence, pending start time, last finite values,
 * then the snapshot of the {@link SosFilter} or {@link BlockBidirectionalFilter}.
 */
final class FilterKeyState implements Snapshottable, ScreenedStream {
    private static final int TAG = Snapshots.tag("OFLT");
    private static final int VERSION = 1;
    private static final float[] NO_OUTPUT = new float[0];

    private final FilterDesigns designs;
    private final FrameContinuity continuity = new FrameContinuity();
    private double sampleRateHz;
    private int channelCount;
    /** The design at {@link #sampleRateHz}. */
    private FilterDesigns.RateDesign design;
    private boolean primeAtNextFrame;
    private long outputSequence;
    private long pendingStartUs;
    private float[] lastFinite;
    private SosFilter causal;
    private BlockBidirectionalFilter blocks;

    /** An empty state, to be {@link #start started} or restored. */
    FilterKeyState(FilterDesigns designs) {
        this.designs = designs;
    }

    @Override
    public void start(SampleFrame frame) {
        shape(frame.sampleRateHz(), frame.channelCount());
        continuity.clear();
        primeAtNextFrame = true;
        outputSequence = 0;
        pendingStartUs = 0;
        Arrays.fill(lastFinite, 0f);
        if (blocks != null) {
            blocks.reset();
        }
    }

    /** Builds the filter objects for a shape (kept when it is the current one). */
    private void shape(double rateHz, int channels) {
        if (causal != null || blocks != null) {
            if (rateHz == sampleRateHz && channels == channelCount) {
                return;
            }
        }
        FilterSpec spec = designs.spec();
        design = designs.at(rateHz);
        sampleRateHz = rateHz;
        channelCount = channels;
        lastFinite = new float[channels];
        if (spec.mode() == FilterMode.CAUSAL) {
            causal = new SosFilter(design.sos(), channels);
            blocks = null;
        } else {
            blocks = new BlockBidirectionalFilter(design.sos(), channels, spec.blockSize(), spec.variant());
            causal = null;
        }
    }

    @Override
    public boolean fits(SampleFrame frame) {
        return frame.sampleRateHz() == sampleRateHz && frame.channelCount() == channelCount;
    }

    @Override
    public FrameContinuity continuity() {
        return continuity;
    }

    @Override
    public float[] lastFinite() {
        return lastFinite;
    }

    /**
     * Restarts the filter after a break in the stream: the causal filter re-primes at the next frame it
     * filters; the block filter drops its incomplete block.
     *
     * @return the samples per channel dropped (the incomplete block)
     */
    @Override
    public int restart() {
        primeAtNextFrame = true;
        if (blocks == null) {
            return 0;
        }
        int dropped = blocks.pendingSamples();
        blocks.reset();
        return dropped;
    }

    /**
     * Filters {@code data} (the samples of {@code frame}, possibly repaired) and returns the frame to emit,
     * or null when block-bidirectional filtering completed no block.
     *
     * <p>Causal: the output frame has the input's sequence number and first-sample time, moved back by the
     * group delay when aligned; a stream (or the part after a break) starts from the steady state of its
     * first sample. Block-bidirectional: the output frame holds every block completed, numbered by its own
     * per-key counter, with the event time of its first sample (which arrived up to B samples earlier).
     */
    SampleFrame filter(SampleFrame frame, float[] data) {
        String key = frame.sourceKey();
        int samples = frame.sampleCount();
        if (causal != null) {
            if (primeAtNextFrame) {
                causal.prime(Arrays.copyOf(data, channelCount));
                primeAtNextFrame = false;
            }
            float[] output = new float[data.length];
            causal.filter(data, output);
            long shiftUs = designs.spec().alignToGroupDelay() ? design.groupDelayUs() : 0;
            return new SampleFrame(key, frame.sequence(), frame.firstSampleTimeUs() - shiftUs, sampleRateHz,
                    channelCount, samples, output);
        }
        int pendingBefore = blocks.pendingSamples();
        long firstOutputUs = pendingBefore > 0 ? pendingStartUs : frame.firstSampleTimeUs();
        int due = blocks.outputSamplesFor(samples);
        float[] output = due == 0 ? NO_OUTPUT : new float[due * channelCount];
        int written = blocks.process(data, output);
        int pendingAfter = blocks.pendingSamples();
        if (written > 0) {
            pendingStartUs = frame.sampleTimeUs(samples - pendingAfter);
        } else if (pendingBefore == 0) {
            pendingStartUs = frame.firstSampleTimeUs();
        }
        if (written == 0) {
            return null;
        }
        return new SampleFrame(key, outputSequence++, firstOutputUs, sampleRateHz, channelCount, written, output);
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeDouble(sampleRateHz);
        out.writeInt(channelCount);
        continuity.write(out);
        out.writeBoolean(primeAtNextFrame);
        out.writeLong(outputSequence);
        out.writeLong(pendingStartUs);
        Snapshots.writeFloats(out, lastFinite);
        if (causal != null) {
            causal.writeSnapshot(out);
        } else {
            blocks.writeSnapshot(out);
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        double rateHz = in.readDouble();
        int channels = in.readInt();
        shape(rateHz, channels);
        continuity.read(in);
        primeAtNextFrame = in.readBoolean();
        outputSequence = in.readLong();
        pendingStartUs = in.readLong();
        Snapshots.readFloats(in, lastFinite, "last finite values");
        if (causal != null) {
            causal.readSnapshot(in);
        } else {
            blocks.readSnapshot(in);
        }
    }
}
