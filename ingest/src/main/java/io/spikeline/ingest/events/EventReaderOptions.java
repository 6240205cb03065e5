package io.spikeline.ingest.events;

/**
 * How to read an event-camera recording and cut it into {@link io.spikeline.models.record.EventBatch}es.
 *
 * <p>A batch closes when it holds {@code maxEventsPerBatch} events, or when the next event lies
 * {@code maxBatchSpanUs} or more after the batch's first event, whichever comes first.
 *
 * @param sourceKey key of the produced batches; {@code null} takes the file name without its extension
 * @param maxEventsPerBatch most events in one batch; default 8192
 * @param maxBatchSpanUs longest time span of one batch in µs; 0 = no time limit (the default)
 * @param width sensor width in pixels; 0 takes it from the file (formats that do not state it need it here)
 * @param height sensor height in pixels; 0 takes it from the file, like {@code width}
 */
public record EventReaderOptions(String sourceKey, int maxEventsPerBatch, long maxBatchSpanUs, int width, int height) {

    public EventReaderOptions {
        if (maxEventsPerBatch <= 0) {
            throw new IllegalArgumentException("max events per batch must be > 0, was " + maxEventsPerBatch);
        }
        if (maxBatchSpanUs < 0) {
            throw new IllegalArgumentException("max batch span must be >= 0 us (0 = no limit), was " + maxBatchSpanUs);
        }
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("sensor geometry must be both > 0 or both 0 (from the file), was "
                    + width + "x" + height);
        }
        if (width > Short.MAX_VALUE || height > Short.MAX_VALUE) {
            throw new IllegalArgumentException("sensor geometry must fit 16-bit coordinates, was " + width + "x" + height);
        }
    }

    public static EventReaderOptions defaults() {
        return new EventReaderOptions(null, 8192, 0, 0, 0);
    }

    public EventReaderOptions withSourceKey(String key) {
        return new EventReaderOptions(key, maxEventsPerBatch, maxBatchSpanUs, width, height);
    }

    public EventReaderOptions withMaxEventsPerBatch(int events) {
        return new EventReaderOptions(sourceKey, events, maxBatchSpanUs, width, height);
    }

    public EventReaderOptions withMaxBatchSpanUs(long spanUs) {
        return new EventReaderOptions(sourceKey, maxEventsPerBatch, spanUs, width, height);
    }

    public EventReaderOptions withGeometry(int sensorWidth, int sensorHeight) {
        return new EventReaderOptions(sourceKey, maxEventsPerBatch, maxBatchSpanUs, sensorWidth, sensorHeight);
    }

    boolean hasGeometry() {
        return width > 0;
    }
}
