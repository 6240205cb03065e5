package io.spikeline.connectors.wire;

/**
 * How sample values travel: as float32 (exact) or as int16 steps of {@code scale} physical units (half the
 * bytes; values are rounded to the nearest step and must fit ±32767 steps).
 */
public record SamplePacking(Kind kind, float scale) {

    /** The packed sample type. */
    public enum Kind { FLOAT32, INT16 }

    public SamplePacking {
        if (kind == Kind.INT16 && !(scale > 0 && Float.isFinite(scale))) {
            throw new IllegalArgumentException("int16 packing needs a finite positive scale, was " + scale);
        }
        if (kind == Kind.FLOAT32 && scale != 1f) {
            throw new IllegalArgumentException("float32 packing has scale 1, was " + scale);
        }
    }

    public static SamplePacking float32() {
        return new SamplePacking(Kind.FLOAT32, 1f);
    }

    /** int16 steps of {@code scale} physical units (for example 0.195 µV for an Intan amplifier). */
    public static SamplePacking int16(float scale) {
        return new SamplePacking(Kind.INT16, scale);
    }
}
