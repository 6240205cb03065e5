package io.spikeline.runtime.bench;

import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.Gesture;
import io.spikeline.models.encode.PolarityChannels;
import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.readout.ClassifierRule;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.signal.EventBinningFunction;
import io.spikeline.operators.signal.EventBinningSpec;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * An event camera at a given events/s: one camera ({@value EventSensor#KEY}) of {@value EventSensor#WIDTH} ×
 * {@value EventSensor#HEIGHT} pixels sending a batch every 10 ms ({@link EventSensor}). The pipeline: event binning
 * into 1 ms bins over 4 × 4 pooled cells with separate polarities ({@link EventBinningFunction}, 2 048 channels) →
 * SNN classifier ({@link #classifier}), one decoding per 10 ms window. A window completes when the first event after
 * it arrives, so a trial of n batches yields n − 1 decodings; a decoding is due at its window's end.
 *
 * @param seed the seed of the events' pixels and polarities
 */
public record EventsScenario(long seed) implements Scenario<EventBatch> {
    private static final long serialVersionUID = 1L;
    static final long BIN_US = 1000;
    static final int POOLING = 4;
    /** Bins per decode window: 10 ms, one camera batch. */
    static final int WINDOW_BINS = 10;
    static final int HIDDEN = 128;
    /** Loads below this leave some 1 ms bins of a batch without events. */
    static final long MIN_EVENTS_PER_SECOND = 1000;

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String loadUnit() {
        return "events/s";
    }

    /** From 100 000 events/s up to 50 M events/s, within 25 %. */
    @Override
    public LoadSearch.Range searchRange() {
        return new LoadSearch.Range(100_000, 50_000_000, 0.25);
    }

    @Override
    public Sensor<EventBatch> sensor(long load) {
        if (load < MIN_EVENTS_PER_SECOND) {
            throw new IllegalArgumentException("events/s must be >= " + MIN_EVENTS_PER_SECOND + ", was " + load);
        }
        return new EventSensor(eventsPerBatch(load), seed);
    }

    @Override
    public long records(long load, double seconds) {
        return Math.max(2, (long) Math.ceil(seconds * 1e6 / EventSensor.BATCH_US));
    }

    @Override
    public long decodings(long load, long records) {
        return Math.max(0, records - 1);
    }

    @Override
    public long dueUs(Decoding decoding) {
        return decoding.eventTimeUs() + EventSensor.BATCH_US;
    }

    @Override
    public double unitsPerDecoding(long load) {
        return eventsPerBatch(load);
    }

    @Override
    public String throughputUnit() {
        return "events/s";
    }

    @Override
    public TypeInformation<EventBatch> type() {
        return RecordTypes.EVENT_BATCH;
    }

    @Override
    public KafkaRecordType<EventBatch> kafkaType() {
        return KafkaRecordType.eventBatches();
    }

    @Override
    public DataStream<Decoding> decode(DataStream<EventBatch> batches) {
        DataStream<SpikeBatch> spikes = batches.keyBy(EventBatch::sourceKey)
                .process(new EventBinningFunction(new EventBinningSpec(BIN_US, POOLING, PolarityChannels.SEPARATE,
                        false))).returns(RecordTypes.SPIKE_BATCH)
                .name("event binning");
        return SpikingDecoder.decode(spikes, EventsScenario::classifier);
    }

    /**
     * The pooled cells of both polarities → a sparse (5 %) layer of {@value #HIDDEN} LIF units (τ 20 ms) → a
     * delta-rule classifier over the gesture classes, deciding every 10 ms.
     */
    public static NetworkSpec classifier() {
        int inputs = 2 * (EventSensor.WIDTH / POOLING) * (EventSensor.HEIGHT / POOLING);
        LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), BIN_US / 1000.0);
        LayerSpec hidden = LayerSpec.of(new NeuronModel.Lif(lif), HIDDEN,
                ConnectionSpec.of(new Connectivity.Sparse(0.05), -0.2, 0.6, 7));
        return NetworkSpec.of(inputs, BIN_US, List.of(hidden), 20,
                new ReadoutSpec.Classifier(Gesture.values().length, ClassifierRule.DELTA, new StepSize.Constant(0.01)),
                WINDOW_BINS, 16);
    }

    private static int eventsPerBatch(long load) {
        return Math.toIntExact(Math.round(load * (EventSensor.BATCH_US / 1e6)));
    }
}
