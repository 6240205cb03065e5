package io.spikeline.operators.signal;

import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What {@link SampleEncodeFunction} keeps about one key's frame stream beside its encoder: the stream's shape,
 * its continuity, the last finite value of each channel, and whether the encoder restarts at the next frame it
 * encodes (after a break). Kept apart from the encoder's state so that encoder state of earlier versions, which
 * had none of it, still restores (the key's stream then starts afresh at its next frame).
 *
 * <p>Snapshot (version 1): header {@code OENS}, sample rate, channel count, next sequence, next time, the restart
 * flag, last finite values.
 */
final class EncoderStreamState implements Snapshottable, ScreenedStream {
    private static final int TAG = Snapshots.tag("OENS");
    private static final int VERSION = 1;

    private final FrameContinuity continuity = new FrameContinuity();
    private double sampleRateHz;
    private int channelCount;
    private boolean restartEncoder;
    private float[] lastFinite = new float[0];

    @Override
    public boolean fits(SampleFrame frame) {
        return frame.sampleRateHz() == sampleRateHz && frame.channelCount() == channelCount;
    }

    /** A new stream: a later one (a change of shape) restarts the encoder; the first keeps any encoder state. */
    @Override
    public void start(SampleFrame frame) {
        restartEncoder = channelCount > 0;
        sampleRateHz = frame.sampleRateHz();
        channelCount = frame.channelCount();
        lastFinite = new float[channelCount];
        continuity.clear();
    }

    /** The encoder restarts at the next frame it encodes; it holds back no samples. */
    @Override
    public int restart() {
        restartEncoder = true;
        return 0;
    }

    /** Whether the encoder is to restart now; clears the request. */
    boolean takeRestart() {
        boolean restart = restartEncoder;
        restartEncoder = false;
        return restart;
    }

    @Override
    public FrameContinuity continuity() {
        return continuity;
    }

    @Override
    public float[] lastFinite() {
        return lastFinite;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeDouble(sampleRateHz);
        out.writeInt(channelCount);
        continuity.write(out);
        out.writeBoolean(restartEncoder);
        Snapshots.writeFloats(out, lastFinite);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        sampleRateHz = in.readDouble();
        int channels = in.readInt();
        if (channels != channelCount) {
            channelCount = channels;
            lastFinite = new float[channels];
        }
        continuity.read(in);
        restartEncoder = in.readBoolean();
        Snapshots.readFloats(in, lastFinite, "last finite values");
    }
}
