package io.spikeline.runtime.bench;

import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.record.SampleFrame;
import java.util.Arrays;

/**
 * {@code probes} probes sending 1 ms broadband frames in turn: record {@code i} is frame {@code i / probes} of probe
 * {@code i % probes} (key {@code probe-<n>}), ready at the frame's end. The frames' samples come from a cycle of
 * {@link ProbesScenario#CYCLE_FRAMES} frames of the reaching simulator's broadband, drawn at {@link #open}.
 */
final class ProbeSensor implements Sensor<SampleFrame> {
    private static final long serialVersionUID = 1L;

    private final int channels;
    private final long seed;
    private final int probes;
    private transient float[][] cycle;
    private transient String[] keys;

    /** Probes of {@code channels} channels sending {@link ProbesScenario#session} of {@code seed}. */
    ProbeSensor(int channels, long seed, int probes) {
        this.channels = channels;
        this.seed = seed;
        this.probes = probes;
    }

    @Override
    public void open() {
        int frameValues = ProbesScenario.FRAME_SAMPLES * channels;
        cycle = new float[ProbesScenario.CYCLE_FRAMES][];
        try (ReachingSimulator simulator = new ReachingSimulator("probe", ProbesScenario.session(channels, seed))) {
            int f = 0;
            while (f < cycle.length) {
                ReachingBatch batch = simulator.read();
                float[] data = batch.broadband().data();
                for (int from = 0; from < data.length && f < cycle.length; from += frameValues) {
                    cycle[f++] = Arrays.copyOfRange(data, from, from + frameValues);
                }
            }
        }
        keys = new String[probes];
        for (int p = 0; p < probes; p++) {
            keys[p] = "probe-" + p;
        }
    }

    @Override
    public long readyUs(long index) {
        return (index / probes + 1) * ProbesScenario.FRAME_US;
    }

    @Override
    public SampleFrame record(long index, long startUs) {
        long frame = index / probes;
        return new SampleFrame(keys[(int) (index % probes)], frame, startUs + frame * ProbesScenario.FRAME_US,
                ReachingParameters.BROADBAND_RATE_HZ, channels, ProbesScenario.FRAME_SAMPLES,
                cycle[(int) (frame % cycle.length)]);
    }
}
