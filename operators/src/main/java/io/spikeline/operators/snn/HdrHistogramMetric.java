package io.spikeline.operators.snn;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.flink.metrics.HistogramStatistics;

/**
 * A Flink histogram metric over an HdrHistogram that the operator records into (a {@code ConcurrentHistogram}, so
 * that the reporter thread may read while the task records): the whole distribution since the instance opened, to
 * two significant digits, in constant memory. Statistics are computed on a copy taken when asked for.
 * {@link HistogramStatistics#getValues()} holds one value per occupied bucket (the distribution keeps no sample).
 */
final class HdrHistogramMetric implements org.apache.flink.metrics.Histogram {
    private final Histogram recorded;
    private final long maxValue;

    /** @param maxValue values above it are recorded as it, below 0 as 0 */
    HdrHistogramMetric(Histogram recorded, long maxValue) {
        this.recorded = recorded;
        this.maxValue = maxValue;
    }

    @Override
    public void update(long value) {
        recorded.recordValue(Math.max(0, Math.min(maxValue, value)));
    }

    @Override
    public long getCount() {
        return recorded.getTotalCount();
    }

    @Override
    public HistogramStatistics getStatistics() {
        Histogram copy = recorded.copy();
        return new HistogramStatistics() {
            @Override
            public double getQuantile(double quantile) {
                return copy.getValueAtPercentile(quantile * 100);
            }

            @Override
            public long[] getValues() {
                int buckets = 0;
                for (HistogramIterationValue ignored : copy.recordedValues()) {
                    buckets++;
                }
                long[] values = new long[buckets];
                int i = 0;
                for (HistogramIterationValue v : copy.recordedValues()) {
                    values[i++] = v.getValueIteratedTo();
                }
                return values;
            }

            @Override
            public int size() {
                return (int) Math.min(Integer.MAX_VALUE, copy.getTotalCount());
            }

            @Override
            public double getMean() {
                return copy.getMean();
            }

            @Override
            public double getStdDev() {
                return copy.getStdDeviation();
            }

            @Override
            public long getMax() {
                return copy.getMaxValue();
            }

            @Override
            public long getMin() {
                return copy.getMinValue();
            }
        };
    }
}
