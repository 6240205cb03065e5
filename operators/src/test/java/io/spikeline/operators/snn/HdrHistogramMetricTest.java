package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.ConcurrentHistogram;
import org.apache.flink.metrics.HistogramStatistics;
import org.junit.jupiter.api.Test;

class HdrHistogramMetricTest {

    @Test
    void statisticsOfOneToAHundredAreThoseOfTheUniformSequence() {
        HdrHistogramMetric metric = new HdrHistogramMetric(new ConcurrentHistogram(1_000_000, 2), 1_000_000);
        for (long v = 1; v <= 100; v++) {
            metric.update(v);
        }
        HistogramStatistics stats = metric.getStatistics();
        assertThat(metric.getCount()).isEqualTo(100);
        assertThat(stats.size()).isEqualTo(100);
        assertThat(stats.getMin()).isEqualTo(1);
        assertThat(stats.getMax()).isEqualTo(100);
        assertThat(stats.getMean()).isEqualTo(50.5);
        // Population standard deviation of 1..100: sqrt((100² − 1) / 12).
        assertThat(stats.getStdDev()).isCloseTo(Math.sqrt((100.0 * 100 - 1) / 12), org.assertj.core.data.Offset
                .offset(1e-9));
        assertThat(stats.getQuantile(0.5)).isEqualTo(50);
        assertThat(stats.getQuantile(0.99)).isEqualTo(99);
        assertThat(stats.getValues()).hasSize(100).startsWith(1, 2, 3).endsWith(100);
    }

    @Test
    void valuesOutsideTheRangeAreClampedAndLaterUpdatesDoNotChangeTakenStatistics() {
        HdrHistogramMetric metric = new HdrHistogramMetric(new ConcurrentHistogram(1_000, 2), 1_000);
        metric.update(-5);
        metric.update(5_000);
        HistogramStatistics stats = metric.getStatistics();
        metric.update(500);
        assertThat(stats.getMin()).isZero();
        // To two significant digits: the bucket of 1000 reports its highest equivalent value.
        assertThat(stats.getMax()).isBetween(1_000L, 1_010L);
        assertThat(stats.size()).isEqualTo(2);
        assertThat(metric.getCount()).isEqualTo(3);
    }
}
