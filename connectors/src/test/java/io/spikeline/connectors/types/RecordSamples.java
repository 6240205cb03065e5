package io.spikeline.connectors.types;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;

/**
 * Records of every type for serializer and connector tests, covering the edges of each layout: empty and
 * multi-chunk arrays, NaN, negative zero and subnormal samples, every {@link Feedback} kind, IPv4 and IPv6 flows
 * with extreme ports, labelled and unlabelled packets.
 */
public final class RecordSamples {
    private RecordSamples() {
    }

    /** A 1 ms block of a 384-channel probe at 30 kHz (46 kB of samples: several serializer chunks). */
    public static SampleFrame probeFrame(String key, long sequence, SeededRandom random) {
        int channels = 384;
        int samples = 30;
        float[] data = new float[channels * samples];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * 50.0);
        }
        return new SampleFrame(key, sequence, 1_700_000_000_000_000L + sequence * 1000, 30_000, channels, samples, data);
    }

    public static SampleFrame[] sampleFrames() {
        SeededRandom random = new SeededRandom(11);
        return new SampleFrame[] {
            probeFrame("probe-0", 0, random),
            probeFrame("probe-ü", 41, random),
            new SampleFrame("eeg", 7, -5, 256, 3, 1,
                    new float[] {Float.NaN, -0.0f, Float.MIN_VALUE}),
            new SampleFrame("edge", Long.MAX_VALUE, Long.MIN_VALUE, Double.MIN_VALUE, 1, 1, new float[] {Float.MAX_VALUE}),
        };
    }

    public static EventBatch[] eventBatches() {
        SeededRandom random = new SeededRandom(12);
        int n = 5000;
        long[] t = new long[n];
        short[] x = new short[n];
        short[] y = new short[n];
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_000_000L + i / 3;
            x[i] = (short) random.nextInt(1280);
            y[i] = (short) random.nextInt(720);
            p[i] = (byte) random.nextInt(2);
        }
        return new EventBatch[] {
            new EventBatch("cam", 3, 346, 260, new long[] {5, 5, 9}, new short[] {0, 345, 17}, new short[] {259, 0, 3},
                    new byte[] {1, 0, 1}),
            new EventBatch("cam-hd", 0, 1280, 720, t, x, y, p),
            new EventBatch("quiet", 9, 1, 1, new long[0], new short[0], new short[0], new byte[0]),
        };
    }

    public static SpikeBatch[] spikeBatches() {
        return new SpikeBatch[] {
            new SpikeBatch("implant", 8, 1000, 1000, 96, 3, new int[] {0, 2, 2, 3}, new int[] {4, 95, 0}),
            new SpikeBatch("silent", 0, -3, 1, 1, 2, new int[] {0, 0, 0}, new int[0]),
        };
    }

    public static PacketRecord[] packetRecords() {
        byte[] v6 = new byte[16];
        v6[15] = 1;
        byte[] other6 = new byte[16];
        other6[0] = (byte) 0xfe;
        return new PacketRecord[] {
            new PacketRecord(77, new FlowKey(v6, other6, 65535, 0, 255), new byte[] {1, 2, 3}, 1200,
                    PacketRecord.NO_LABEL),
            new PacketRecord(78, new FlowKey(new byte[] {10, 0, 0, 1}, new byte[] {(byte) 192, (byte) 168, 0, 2}, 1, 2, 6),
                    new byte[0], 0, 4),
        };
    }

    public static Feedback[] feedback() {
        return new Feedback[] {
            Feedback.ofClass("cam", 5, 3),
            Feedback.ofClass("cam", 5, 0, 0.5f),
            Feedback.ofVector("implant", 6, new float[] {1.5f, -2f, 0f}),
            Feedback.ofVector("implant", 6, new float[] {1f}, -0.25f),
            Feedback.ofReward("net", -7, -1f),
        };
    }

    public static Decoding[] decodings() {
        return new Decoding[] {
            new Decoding("implant", 9, new float[] {0.1f, 0.2f}, Decoding.NO_CLASS, Float.NaN, 10, 20),
            new Decoding("cam", 9, new float[0], 7, 0.9f, 10, 25),
            new Decoding("cam", Long.MIN_VALUE, new float[] {Float.NaN}, 0, 0f, Long.MIN_VALUE, Long.MAX_VALUE),
        };
    }
}
