package io.spikeline.models.random;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64) whose whole state is four
 * longs, so it can live in keyed state and be snapshotted: a restored generator continues the exact
 * sequence. Not thread-safe; one generator per key.
 */
public final class SeededRandom implements Snapshottable {
    private static final int TAG = Snapshots.tag("RNG1");
    private static final int VERSION = 1;
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final float FLOAT_UNIT = 0x1.0p-24f;

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public SeededRandom(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix(x);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * FLOAT_UNIT;
    }

    /** Uniform in [0, bound), without modulo bias (Lemire's method). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, was " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal by the Box–Muller transform; draws two uniforms per call and keeps no spare. */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Exponential with the given mean. */
    public double nextExponential(double mean) {
        return -mean * Math.log(1.0 - nextDouble());
    }

    /** Poisson-distributed count with the given mean (Knuth's product method below 30, normal beyond). */
    public int nextPoisson(double mean) {
        if (!(mean >= 0)) {
            throw new IllegalArgumentException("Poisson mean must be >= 0, was " + mean);
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double product = nextDouble();
            int count = 0;
            while (product > limit) {
                product *= nextDouble();
                count++;
            }
            return count;
        }
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * nextGaussian()));
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeLong(s0);
        out.writeLong(s1);
        out.writeLong(s2);
        out.writeLong(s3);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        s0 = in.readLong();
        s1 = in.readLong();
        s2 = in.readLong();
        s3 = in.readLong();
    }
}
