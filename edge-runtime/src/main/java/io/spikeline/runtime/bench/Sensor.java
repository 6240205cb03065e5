package io.spikeline.runtime.bench;

import java.io.Serializable;

/**
 * What a scenario's source sends, record by record, on a clock that starts when the source opens: record
 * {@code i} is complete (its last sample taken, its last event seen) {@link #readyUs(long) readyUs(i)} after the
 * start, and its event times lie on that clock. The paced source releases each record when it is ready, as a live
 * sensor would.
 *
 * @param <I> the record type
 */
public interface Sensor<I> extends Serializable {

    /** Prepares whatever the records are drawn from; called once in the source task before any record. */
    void open();

    /** When record {@code index} is complete, µs after the start. Non-decreasing in {@code index}. */
    long readyUs(long index);

    /** Record {@code index}, its event times on the clock whose start is {@code startUs} (wall clock, µs). */
    I record(long index, long startUs);
}
