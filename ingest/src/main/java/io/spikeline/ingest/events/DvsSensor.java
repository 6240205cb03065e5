package io.spikeline.ingest.events;

import java.util.Locale;

/**
 * iniVation / jAER sensors whose AEDAT 2.0 address layout and geometry the readers know. Coordinates are those
 * jAER gives: x mirrored from the address field ({@code width - 1 - field}), y as stored.
 */
public enum DvsSensor {
    /**
     * DVS128, 128×128: polarity bit 0 (0 = ON, as jAER's Tmpdiff128 reads it), x field bits 7..1, y bits 14..8;
     * every address is a polarity event.
     */
    DVS128(128, 128) {
        @Override
        boolean isPolarityEvent(int address) {
            return true;
        }

        @Override
        int xField(int address) {
            return address >>> 1 & 0x7f;
        }

        @Override
        int y(int address) {
            return address >>> 8 & 0x7f;
        }

        @Override
        int polarity(int address) {
            return 1 - (address & 1);
        }
    },
    /**
     * DAVIS346, 346×260: a polarity event when bit 31 (APS / IMU sample) and bit 10 (external input) are clear;
     * polarity bit 11 (1 = ON), x field bits 21..12, y bits 30..22.
     */
    DAVIS346(346, 260) {
        @Override
        boolean isPolarityEvent(int address) {
            return (address & 0x8000_0400) == 0;
        }

        @Override
        int xField(int address) {
            return address >>> 12 & 0x3ff;
        }

        @Override
        int y(int address) {
            return address >>> 22 & 0x1ff;
        }

        @Override
        int polarity(int address) {
            return address >>> 11 & 1;
        }
    };

    private final int width;
    private final int height;

    DvsSensor(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    abstract boolean isPolarityEvent(int address);

    abstract int xField(int address);

    abstract int y(int address);

    abstract int polarity(int address);

    int x(int address) {
        return width - 1 - xField(address);
    }

    /** The sensor a header's source name ({@code DVS128}, {@code DAVIS346…}) designates, or null. */
    static DvsSensor named(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (DvsSensor s : values()) {
            if (upper.contains(s.name())) {
                return s;
            }
        }
        return null;
    }
}
