package io.spikeline.runtime.bmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static io.spikeline.runtime.report.ReportFiles.f;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.decode.KalmanDecoder;
import io.spikeline.models.decode.WienerDecoder;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/** The classical decoders beside the online one, on the session the run decodes. */
class BmiBaselinesTest {

    /** 1 − Σ(v − v̂)² / Σ(v − v̄)², averaged over the two outputs. */
    private static double r2(List<float[]> truth, List<float[]> decoded) {
        double sum = 0;
        for (int o = 0; o < 2; o++) {
            double mean = 0;
            for (float[] v : truth) {
                mean += v[o];
            }
            mean /= truth.size();
            double residual = 0;
            double total = 0;
            for (int i = 0; i < truth.size(); i++) {
                residual += Math.pow(truth.get(i)[o] - decoded.get(i)[o], 2);
                total += Math.pow(truth.get(i)[o] - mean, 2);
            }
            sum += 1 - residual / total;
        }
        return sum / 2;
    }

    @Test
    void onSpikeCountsTheBaselinesEqualDecodersFittedDirectlyOnTheSimulatorsCounts() {
        BmiSettings settings = BmiSettings.defaults().withInput(BmiSettings.Input.SPIKE_COUNTS).withSeconds(20);
        int heldOut = 250;
        BmiBaselines baselines = BmiBaselines.compute(settings, heldOut);

        int batches = 1000;
        WienerDecoder wiener = new WienerDecoder(96, 2, BmiBaselines.LAGS);
        KalmanDecoder kalman = new KalmanDecoder(96, 2);
        List<float[]> truth = new ArrayList<>();
        List<float[]> wienerOut = new ArrayList<>();
        List<float[]> kalmanOut = new ArrayList<>();
        try (ReachingSimulator sim = new ReachingSimulator("anywhere", settings.session())) {
            for (int b = 0; b < batches; b++) {
                ReachingBatch batch = sim.read();
                float[] counts = new float[96];
                SpikeBatch spikes = batch.spikes();
                for (int bin = 0; bin < spikes.binCount(); bin++) {
                    float[] dense = new float[96];
                    spikes.denseBin(bin, dense);
                    for (int c = 0; c < 96; c++) {
                        counts[c] += dense[c];
                    }
                }
                float[] velocity = batch.velocity().target();
                if (b < batches - heldOut) {
                    wiener.addTrainingSample(counts, velocity);
                    kalman.addTrainingSample(counts, velocity);
                    if (b == batches - heldOut - 1) {
                        wiener.fit(BmiBaselines.RIDGE);
                        kalman.fit(BmiBaselines.OBSERVATION_RIDGE);
                    }
                } else {
                    truth.add(velocity);
                    float[] w = new float[2];
                    wiener.decode(counts, w);
                    wienerOut.add(w);
                    float[] k = new float[2];
                    kalman.decode(counts, k);
                    kalmanOut.add(k);
                }
            }
        }
        assertThat(baselines.trainBatches()).isEqualTo(750);
        assertThat(baselines.heldOutBatches()).isEqualTo(heldOut);
        assertThat(baselines.wiener().heldOutR2()).isCloseTo(r2(truth, wienerOut), within(1e-9));
        assertThat(baselines.kalman().heldOutR2()).isCloseTo(r2(truth, kalmanOut), within(1e-9));
        // The smoothing's group delay costs a little at 20 ms decodes; it is a lag, not a different decoder.
        for (BmiBaselines.Scores s : List.of(baselines.wiener(), baselines.kalman())) {
            assertThat(s.heldOutR2()).isGreaterThan(0.3);
            assertThat(s.smoothedR2()).isGreaterThan(0.3).isNotEqualTo(s.heldOutR2());
        }
    }

    @Test
    void aSplitWithoutEnoughToTrainOnIsRefused() {
        BmiSettings settings = BmiSettings.defaults().withInput(BmiSettings.Input.SPIKE_COUNTS).withSeconds(1);
        assertThatThrownBy(() -> BmiBaselines.compute(settings, 45)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("held-out batches must lie in [1, 38]").hasMessageContaining("was 45");
        assertThatThrownBy(() -> BmiBaselines.compute(settings, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The in-process detection counts what the job's band-pass, threshold crossing and rebinning detect. */
    @Test
    void onBroadbandTheCountsAreTheSpikesTheJobDetects() throws Exception {
        BmiSettings settings = BmiSettings.defaults().withSeconds(1.2).withChannels(16);
        BmiBaselines.Session session = BmiBaselines.session(settings);
        List<SampleFrame> frames = new ArrayList<>();
        try (ReachingSimulator sim = new ReachingSimulator(BmiSettings.SOURCE_KEY, settings.session())) {
            for (int b = 0; b < settings.batches(); b++) {
                frames.add(sim.read().broadband());
            }
        }
        StreamExecutionEnvironment env = EmbeddedJob.environment();
        long batchUs = Math.round(settings.batchSeconds() * 1e6);
        float[][] detected = new float[(int) settings.batches()][16];
        long spikes = 0;
        try (CloseableIterator<SpikeBatch> out = BmiJob.spikes(settings,
                env.fromData(frames, RecordTypes.SAMPLE_FRAME).setParallelism(1)).executeAndCollect("detection")) {
            while (out.hasNext()) {
                SpikeBatch batch = out.next();
                assertThat(batch.binWidthUs()).isEqualTo(1000);
                for (int bin = 0; bin < batch.binCount(); bin++) {
                    int b = (int) (batch.binStartTimeUs(bin) / batchUs);
                    int[] offsets = batch.binOffsets();
                    for (int i = offsets[bin]; i < offsets[bin + 1]; i++) {
                        detected[b][batch.channelIndices()[i]]++;
                        spikes++;
                    }
                }
            }
        }
        assertThat(spikes).isGreaterThan(100);
        assertThat(session.counts()).isDeepEqualTo(detected);
    }

    /** A default run, shortened: the offline decoders on its last fifth beside the online one. */
    @Test
    void aRunReportsTheBaselinesOnItsHeldOutSpanWellAboveTheOnlineDecodersStart() throws Exception {
        BmiSettings settings = BmiSettings.defaults().withSeconds(24);
        BmiRun.Result result = BmiRun.run(settings, 0, p -> { });
        BmiBaselines b = result.baselines().orElseThrow();
        BmiReport report = new BmiReport(result);
        assertThat(b.heldOutBatches()).isEqualTo(report.partDecodes()).isEqualTo(240);
        assertThat(b.trainBatches()).isEqualTo(960);
        for (BmiBaselines.Scores s : List.of(b.wiener(), b.kalman())) {
            assertThat(s.heldOutR2()).isFinite().isGreaterThan(report.firstPartR2() + 0.2);
            assertThat(s.smoothedR2()).isFinite().isGreaterThan(report.firstPartR2() + 0.2);
        }
        String text = report.text();
        System.out.print(text);
        assertThat(text).containsPattern("baselines +decoder +\\| trained on +\\| R2 held out \\(last 4\\.8 s\\) \\| "
                + "R2 smoothed")
                .containsPattern(" SNN +\\| online, learning throughout +\\| " + f("%.3f", report.lastPartR2()))
                .containsPattern(" Wiener +\\| first 19\\.2 s, offline .*\\| "
                        + f("%.3f", b.wiener().heldOutR2()) + " +\\| "
                        + f("%.3f", b.wiener().smoothedR2()))
                .containsPattern(" Kalman +\\| first 19\\.2 s, offline .*\\| "
                        + f("%.3f", b.kalman().heldOutR2()));
        assertThat(report.html()).contains("<table>").contains("<td>Wiener</td>").contains("<td>Kalman</td>");
    }
}
