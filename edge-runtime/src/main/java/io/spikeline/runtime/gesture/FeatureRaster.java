package io.spikeline.runtime.gesture;

import static io.spikeline.runtime.report.ReportFiles.f;

import io.spikeline.ingest.sim.GestureBatch;
import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.models.encode.EventBinningEncoder;
import io.spikeline.models.network.SpikingNetwork;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.runtime.report.ReportFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The feature layer's spikes over the first gesture samples of a simulated run, as an SVG raster. The feature layer
 * has no plastic synapses and returns to rest at each sample, so its spikes depend on the events alone, not on what
 * the readout has learned: a replay of the recording through the same binning, sampler and network (whose untrained
 * readout never reaches a confident decision, so every sample is integrated to its end) shows exactly the spikes the
 * job's network fired, up to each sample's early decision.
 */
final class FeatureRaster {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 390;
    private static final int LEFT = 50;
    private static final int TOP = 70;
    private static final int BOTTOM = 30;

    /** Spikes as (sample, ms into it, neuron), and each sample's gesture. */
    private final List<long[]> spikes = new ArrayList<>();
    private final int[] gesture;
    private final int neurons;
    private final long sampleMs;

    private FeatureRaster(int samples, int neurons, long sampleMs) {
        this.gesture = new int[samples];
        Arrays.fill(gesture, -1);
        this.neurons = neurons;
        this.sampleMs = sampleMs;
    }

    /** Replays {@code settings}' recording until {@code samples} labelled gesture samples have passed. */
    static FeatureRaster of(GestureSettings settings, int samples) {
        SamplerParams params = settings.sampler();
        FeatureRaster raster = new FeatureRaster(samples, GestureJob.HIDDEN, params.sampleUs() / 1000);
        SpikingNetwork network = new SpikingNetwork(GestureJob.classifier(settings));
        GestureSampler sampler = new GestureSampler(params);
        EventBinningEncoder binning = new EventBinningEncoder(params.fineGrid());
        List<Long> onsets = new ArrayList<>();
        int[] input = new int[params.sampleGrid().channelCount()];
        Consumer<SpikeBatch> step = batch -> {
            for (int b = 0; b < batch.binCount(); b++) {
                long binUs = batch.binStartTimeUs(b);
                if (onsets.isEmpty() || binUs >= onsets.get(onsets.size() - 1) + params.sampleUs()) {
                    onsets.add(binUs);
                }
                int from = batch.binOffsets()[b];
                int count = batch.binOffsets()[b + 1] - from;
                System.arraycopy(batch.channelIndices(), from, input, 0, count);
                network.step(binUs, input, count);
                int sample = onsets.size() - 1;
                if (sample < samples) {
                    long ms = (binUs - onsets.get(sample)) / 1000;
                    int[] fired = network.layerSpikes(0);
                    for (int k = 0; k < network.layerSpikeCount(0); k++) {
                        raster.spikes.add(new long[] {sample, ms, fired[k]});
                    }
                }
            }
        };
        Consumer<Feedback> label = l -> {
            int sample = onsets.indexOf(l.eventTimeUs() - params.lastWindowOffsetUs());
            if (sample >= 0 && sample < samples) {
                raster.gesture[sample] = l.classId();
            }
        };
        try (GestureSimulator camera = new GestureSimulator(GestureSettings.SOURCE_KEY, settings.recording())) {
            for (long b = 0; b < settings.batches() && !raster.complete(); b++) {
                GestureBatch batch = camera.read();
                binning.encode(batch.events()).ifPresent(fine -> sampler.accept(fine, step, label));
                for (Feedback l : batch.labels()) {
                    sampler.label(l, label);
                }
            }
        }
        return raster;
    }

    private boolean complete() {
        return gesture[gesture.length - 1] >= 0;
    }

    /** Spikes recorded over the samples. */
    int spikeCount() {
        return spikes.size();
    }

    /** The raster: samples side by side, each named by its gesture; a dot per spike. */
    String svg() {
        int samples = gesture.length;
        double panel = (WIDTH - LEFT - 10) / (double) samples;
        StringBuilder svg = new StringBuilder(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-size=\"10\">\n", WIDTH, HEIGHT));
        for (int s = 0; s < samples; s++) {
            double x0 = LEFT + s * panel;
            svg.append(f("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"none\" stroke=\"#ccc\"/>\n",
                    x0, TOP, panel, HEIGHT - TOP - BOTTOM));
            String name = gesture[s] >= 0 ? GestureSettings.CLASSES[gesture[s]] : "(no label)";
            svg.append(f("<text x=\"%.1f\" y=\"%d\" transform=\"rotate(-35 %.1f %d)\">%s</text>\n", x0 + 2, TOP - 6,
                    x0 + 2, TOP - 6, ReportFiles.escape(name)));
        }
        for (long[] spike : spikes) {
            double x = LEFT + spike[0] * panel + spike[1] / (double) sampleMs * panel;
            double y = TOP + spike[2] / (double) neurons * (HEIGHT - TOP - BOTTOM);
            svg.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"1\" height=\"1\" fill=\"black\"/>\n", x, y));
        }
        svg.append(f("<text x=\"%d\" y=\"%d\">0 .. %d ms of each sample; neurons 0 .. %d from the top</text>\n", LEFT,
                HEIGHT - 8, sampleMs, neurons - 1));
        svg.append(f("<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">feature neuron"
                + "</text>\n", (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2));
        return svg.append("</svg>\n").toString();
    }
}
