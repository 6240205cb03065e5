package io.spikeline.models.filter;

import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Near-zero-phase streaming filtering: the stream is cut into consecutive blocks of {@code blockSize} (B)
 * samples, and each block is filtered forward, then backward (in reverse sample order) through the same
 * cascade. The backward pass cancels most of the phase of the forward one at the cost of B samples of
 * latency: a block is emitted only once its last sample has arrived.
 *
 * <p>Input arrives in chunks of any number of samples (interleaved, {@code data[s * channels + c]}); each
 * call emits the blocks it completes and keeps the partial block, so chunking changes nothing, bit for bit.
 * Buffers are allocated once, at construction: processing allocates nothing. The state, the partial block
 * and the values between the two passes are double precision (see {@link SosFilter} for why).
 *
 * <p>NaN or infinite input propagates into the outputs of its block and, with
 * {@link Variant#FORWARD_CARRIED_BACKWARD_ZERO}, into every later block until {@link #reset()}.
 *
 * <p>Not thread-safe; one instance per stream (key).
 */
public final class BlockBidirectionalFilter implements Snapshottable {
    private static final int TAG = Snapshots.tag("FBID");
    private static final int VERSION = 1;

    /** How the two passes over each block start. */
    public enum Variant {
        /**
         * Each block through SciPy's {@code sosfiltfilt(sos, block, padlen=0)}: no padding, the forward
         * pass starts from the steady state of the block's first sample ({@code zi · block[0]}), the backward
         * pass from the steady state of the last forward output.
         */
        FILTFILT_PADLEN0,
        /** Both passes of every block start from zero state. */
        ZERO_STATE,
        /**
         * The forward pass is the continuous causal filter, its state carried across blocks (zero at the
         * start of the stream); the backward pass of each block starts from zero state.
         */
        FORWARD_CARRIED_BACKWARD_ZERO
    }

    private final Variant variant;
    private final int channelCount;
    private final int blockSize;
    /** Runs the per-block passes whose state is set at the start of each pass. */
    private final SosFilter blockPasses;
    /** The continuous forward filter of {@link Variant#FORWARD_CARRIED_BACKWARD_ZERO}; null otherwise. */
    private final SosFilter carriedForward;
    /** The current block, one row per sample; its first {@code pending} rows are filled. */
    private final double[][] block;
    private int pending;

    /**
     * @param coefficients the cascade used in both directions
     * @param channelCount interleaved channels per sample (positive)
     * @param blockSize B, samples per block and the output latency (positive)
     * @param variant how the passes of each block start
     */
    public BlockBidirectionalFilter(SosCoefficients coefficients, int channelCount, int blockSize, Variant variant) {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be > 0 samples, was " + blockSize);
        }
        if (variant == null) {
            throw new IllegalArgumentException("variant must not be null");
        }
        this.blockPasses = new SosFilter(coefficients, channelCount);
        this.carriedForward = variant == Variant.FORWARD_CARRIED_BACKWARD_ZERO
                ? new SosFilter(coefficients, channelCount) : null;
        this.variant = variant;
        this.channelCount = channelCount;
        this.blockSize = blockSize;
        this.block = new double[blockSize][channelCount];
    }

    public Variant variant() {
        return variant;
    }

    public int channelCount() {
        return channelCount;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Samples of the current, incomplete block held back until it completes (0 .. B − 1). */
    public int pendingSamples() {
        return pending;
    }

    /** How many samples the next call emits when given {@code inputSamples} samples: whole blocks only. */
    public int outputSamplesFor(int inputSamples) {
        if (inputSamples < 0) {
            throw new IllegalArgumentException("inputSamples must be >= 0, was " + inputSamples);
        }
        return (int) ((pending + (long) inputSamples) / blockSize * blockSize);
    }

    /**
     * Appends interleaved {@code input} to the stream and writes every block it completes to the start of
     * {@code output}, which must hold at least {@link #outputSamplesFor outputSamplesFor(input samples)} ×
     * channels values and must not be the input array.
     *
     * @return the number of samples written to {@code output} (a multiple of B)
     */
    public int process(float[] input, float[] output) {
        return process(input, input.length, output, output.length);
    }

    /** As {@link #process(float[], float[])} for double samples. */
    public int process(double[] input, double[] output) {
        return process(input, input.length, output, output.length);
    }

    /** Forgets the partial block (its samples are never emitted) and returns to the start-of-stream state. */
    public void reset() {
        pending = 0;
        if (carriedForward != null) {
            carriedForward.reset();
        }
    }

    /** The shared chunk loop; {@code input} and {@code output} are both float[] or both double[]. */
    private int process(Object input, int inputLength, Object output, int outputLength) {
        if (input == output) {
            throw new IllegalArgumentException("output must be another array than input: blocks are emitted "
                    + "up to B samples after they arrive");
        }
        int samples = SosFilter.samplesIn(inputLength, channelCount);
        int due = outputSamplesFor(samples);
        if (outputLength < due * channelCount) {
            throw new IllegalArgumentException("output holds " + outputLength + " values but this input completes "
                    + due + " samples x " + channelCount + " channels");
        }
        int channels = channelCount;
        int read = 0;
        int written = 0;
        while (read < samples) {
            int take = Math.min(blockSize - pending, samples - read);
            for (int i = 0; i < take; i++) {
                copyIntoRow(input, (read + i) * channels, block[pending + i]);
            }
            pending += take;
            read += take;
            if (pending == blockSize) {
                filterBlock();
                for (int s = 0; s < blockSize; s++) {
                    copyFromRow(block[s], output, (written + s) * channels);
                }
                written += blockSize;
                pending = 0;
            }
        }
        return written;
    }

    private void filterBlock() {
        switch (variant) {
            case FILTFILT_PADLEN0 -> blockPasses.filtfiltRows(block, blockSize);
            case ZERO_STATE -> {
                blockPasses.reset();
                blockPasses.filterRows(block, blockSize, false);
                backwardFromZero();
            }
            case FORWARD_CARRIED_BACKWARD_ZERO -> {
                carriedForward.filterRows(block, blockSize, false);
                backwardFromZero();
            }
        }
    }

    private void backwardFromZero() {
        blockPasses.reset();
        blockPasses.filterRows(block, blockSize, true);
    }

    private static void copyIntoRow(Object input, int from, double[] row) {
        if (input instanceof float[]) {
            float[] source = (float[]) input;
            for (int c = 0; c < row.length; c++) {
                row[c] = source[from + c];
            }
        } else {
            System.arraycopy((double[]) input, from, row, 0, row.length);
        }
    }

    private static void copyFromRow(double[] row, Object output, int to) {
        if (output instanceof float[]) {
            float[] target = (float[]) output;
            for (int c = 0; c < row.length; c++) {
                target[to + c] = (float) row[c];
            }
        } else {
            System.arraycopy(row, 0, (double[]) output, to, row.length);
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(variant.ordinal());
        out.writeInt(channelCount);
        out.writeInt(blockSize);
        out.writeInt(pending);
        for (int s = 0; s < pending; s++) {
            for (double v : block[s]) {
                out.writeDouble(v);
            }
        }
        if (carriedForward != null) {
            carriedForward.writeSnapshot(out);
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, variant.ordinal(), "variant ordinal");
        Snapshots.expectInt(in, channelCount, "channel count");
        Snapshots.expectInt(in, blockSize, "block size");
        int restoredPending = in.readInt();
        if (restoredPending < 0 || restoredPending >= blockSize) {
            throw new SnapshotFormatException("snapshot holds " + restoredPending
                    + " pending samples; a block of " + blockSize + " holds 0.." + (blockSize - 1));
        }
        for (int s = 0; s < restoredPending; s++) {
            double[] row = block[s];
            for (int c = 0; c < channelCount; c++) {
                row[c] = in.readDouble();
            }
        }
        pending = restoredPending;
        if (carriedForward != null) {
            carriedForward.readSnapshot(in);
        }
    }
}
