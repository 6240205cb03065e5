package io.spikeline.runtime.packets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptureClockTest {

    @Test
    void keepsShortGapsClampsLongOnesJoinsFilesAndNeverGoesBack() {
        CaptureClock clock = new CaptureClock();
        long start = 1_700_000_000_000_000L;
        assertThat(clock.next(start, true)).isZero();
        assertThat(clock.next(start + 250, false)).isEqualTo(250);
        // Hours of silence replay as the longest gap.
        assertThat(clock.next(start + 3_600_000_000L, false)).isEqualTo(250 + CaptureClock.MAX_GAP_US);
        // A clock stepping back keeps the time where it was.
        assertThat(clock.next(start, false)).isEqualTo(250 + CaptureClock.MAX_GAP_US);
        // A new file, recorded years earlier, starts where the last one ended.
        assertThat(clock.next(1_000_000, true)).isEqualTo(250 + CaptureClock.MAX_GAP_US);
        assertThat(clock.next(1_000_010, false)).isEqualTo(260 + CaptureClock.MAX_GAP_US);
    }
}
