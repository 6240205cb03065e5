package io.spikeline.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The CPU meter on a made-up clock: one second idle, then two seconds with 1.5 processors busy, then idle again; the
 * span asked for, not when it is asked, decides the figure.
 */
class CpuMeterTest {
    private long wallUs;
    private long cpuNs;

    private CpuMeter meterOverTheStory() {
        CpuMeter meter = new CpuMeter(() -> wallUs, () -> cpuNs);
        for (int tenth = 0; tenth <= 40; tenth++) {
            wallUs = 1_000_000_000L + tenth * 100_000L;
            meter.sample();
            if (tenth >= 10 && tenth < 30) {
                cpuNs += 150_000_000L;
            }
        }
        return meter;
    }

    @Test
    void theBusySpanReadsAsTheProcessorsItKeptBusy() {
        CpuMeter meter = meterOverTheStory();
        assertThat(meter.coresBusy(1_001_000_000L, 1_003_000_000L)).isCloseTo(1.5, within(1e-9));
        assertThat(meter.coresBusy(1_000_000_000L, 1_001_000_000L)).isCloseTo(0, within(1e-9));
        // Half busy, half idle.
        assertThat(meter.coresBusy(1_002_000_000L, 1_004_000_000L)).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void aSpanBetweenSamplesWidensToTheSamplesAroundIt() {
        CpuMeter meter = meterOverTheStory();
        // 1.00105 s to 1.00295 s: the samples at 1.0010 s and 1.0030 s.
        assertThat(meter.coresBusy(1_001_050_000L, 1_002_950_000L)).isCloseTo(1.5, within(1e-9));
        // Beyond the samples: the first and the last.
        assertThat(meter.coresBusy(0, Long.MAX_VALUE)).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void noSpanIsNoFigure() {
        assertThat(new CpuMeter(() -> 5, () -> 7).coresBusy(0, 10)).isZero();
        CpuMeter meter = meterOverTheStory();
        assertThat(meter.coresBusy(1_002_000_000L, 1_002_000_000L)).isZero();
    }
}
