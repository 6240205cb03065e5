package io.spikeline.runtime.bench;

import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.encode.SampleEncoder;
import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.signal.BesselFilterFunction;
import io.spikeline.operators.signal.SampleEncodeFunction;
import io.spikeline.runtime.bmi.BmiDecoders;
import io.spikeline.runtime.bmi.BmiSettings;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Broadband probes: each load unit is one probe of {@code channels} channels at 30 kHz (384 for a Neuropixels
 * probe), its own source key, sending 1 ms frames. The pipeline is the {@code bmi} application's broadband path per
 * key: Bessel band-pass ({@link BmiSettings#BAND_PASS}) → threshold crossing ({@link BmiSettings#DETECTION}) → SNN
 * decoder ({@link #decoder}), one decoding per 20 ms window (20 frames). A decoding is due when the last frame of
 * its window is complete.
 *
 * <p>The signal is the reaching simulator's broadband ({@link ReachingSimulator}, seed {@code seed}): a cycle of
 * {@value #CYCLE_FRAMES} frames drawn once and sent by every probe in turn, so drawing the signal costs the source
 * nothing during the trial (the cycle's seam is one discontinuity per 240 ms, which the filter and the detector take
 * as they would any artefact).
 *
 * @param channels channels per probe, 1..4096
 * @param seed the simulated session's seed
 */
public record ProbesScenario(int channels, long seed) implements Scenario<SampleFrame> {
    private static final long serialVersionUID = 1L;
    /** Channels of a Neuropixels probe. */
    public static final int NEUROPIXELS_CHANNELS = 384;
    /** Samples per frame: 1 ms at 30 kHz. */
    static final int FRAME_SAMPLES = 30;
    static final long FRAME_US = 1000;
    /** Frames per decode window (20 ms, as the bmi decoder's). */
    static final int WINDOW_FRAMES = 20;
    /** Frames in the cycle of signal the probes send: 240 ms. */
    static final int CYCLE_FRAMES = 240;
    /** The most probes a trial sends. */
    static final int MAX_PROBES = 1024;

    public ProbesScenario {
        session(channels, seed);
    }

    @Override
    public String name() {
        return "probes";
    }

    @Override
    public String loadUnit() {
        return "probes";
    }

    /** From 1 probe up to {@value #MAX_PROBES}, to the probe. */
    @Override
    public LoadSearch.Range searchRange() {
        return new LoadSearch.Range(1, MAX_PROBES, 0);
    }

    @Override
    public Sensor<SampleFrame> sensor(long load) {
        if (load < 1 || load > MAX_PROBES) {
            throw new IllegalArgumentException("probes must lie in 1.." + MAX_PROBES + ", was " + load);
        }
        return new ProbeSensor(channels, seed, (int) load);
    }

    @Override
    public long records(long load, double seconds) {
        long windows = Math.max(1, (long) Math.ceil(seconds * 1e6 / (FRAME_US * WINDOW_FRAMES)));
        return windows * WINDOW_FRAMES * load;
    }

    @Override
    public long decodings(long load, long records) {
        return records / load / WINDOW_FRAMES * load;
    }

    @Override
    public long dueUs(Decoding decoding) {
        return decoding.eventTimeUs() + WINDOW_FRAMES * FRAME_US;
    }

    @Override
    public double unitsPerDecoding(long load) {
        return (double) channels * FRAME_SAMPLES * WINDOW_FRAMES;
    }

    @Override
    public String throughputUnit() {
        return "channel-samples/s";
    }

    @Override
    public TypeInformation<SampleFrame> type() {
        return RecordTypes.SAMPLE_FRAME;
    }

    @Override
    public KafkaRecordType<SampleFrame> kafkaType() {
        return KafkaRecordType.sampleFrames(SamplePacking.float32());
    }

    @Override
    public DataStream<Decoding> decode(DataStream<SampleFrame> frames) {
        DataStream<SpikeBatch> spikes = frames.keyBy(SampleFrame::sourceKey)
                .process(new BesselFilterFunction(BmiSettings.BAND_PASS)).returns(RecordTypes.SAMPLE_FRAME)
                .name("bessel band-pass")
                .keyBy(SampleFrame::sourceKey)
                .process(new SampleEncodeFunction(BmiSettings.DETECTION)).returns(RecordTypes.SPIKE_BATCH)
                .name("threshold crossing");
        return SpikingDecoder.decode(spikes, this::decoder);
    }

    /**
     * The bmi decoder's network ({@link BmiDecoders#velocityDecoder}: a sparse 25 % layer of
     * {@value BmiDecoders#HIDDEN} LIF units, τ 20 ms, and a normalised-LMS readout of a 2-D velocity) stepping on the
     * detector's own bins (one per 30 kHz sample, {@link SampleEncoder#binWidthUs}) with a decode every 600 bins,
     * 20 ms. The bmi job first merges those bins into 1 ms bins (its {@code SpikeRebinFunction}, not public); the
     * network here steps 30 times as often, so the benchmark's load on the decoder is the heavier one.
     */
    public NetworkSpec decoder() {
        long binUs = SampleEncoder.binWidthUs(ReachingParameters.BROADBAND_RATE_HZ);
        LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), binUs / 1000.0);
        LayerSpec hidden = LayerSpec.of(new NeuronModel.Lif(lif), BmiDecoders.HIDDEN,
                ConnectionSpec.of(new Connectivity.Sparse(0.25), -0.4, 1.2, 11));
        return NetworkSpec.of(channels, binUs, List.of(hidden), 100,
                new ReadoutSpec.Lms(2, new StepSize.Normalised(0.05, 1e-3)), WINDOW_FRAMES * FRAME_SAMPLES, 64);
    }

    /** The simulated session: the reaching defaults (20 ms batches) with broadband on {@code channels}. */
    static ReachingParameters session(int channels, long seed) {
        return ReachingParameters.defaults(seed).withChannels(channels).withBroadband(true);
    }
}
