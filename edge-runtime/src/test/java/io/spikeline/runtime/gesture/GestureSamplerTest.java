package io.spikeline.runtime.gesture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.sim.GestureBatch;
import io.spikeline.ingest.sim.GestureParameters;
import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.models.encode.EventBinningEncoder;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.record.SpikeBatchBuilder;
import io.spikeline.models.snapshot.Snapshots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GestureSamplerTest {
    private static final String KEY = "cam";
    /**
     * A 32×32 sensor in 2×2-pixel cells (16×16 per polarity: OFF channels 0..255, ON 256..511), 1 ms bins; samples of
     * 4 bins of 2 ms over 8×8-pixel cells (4×4 per polarity), decoded every 2 bins; onset at a contrast of 10 after
     * 5 bins of mean contrast below 1; labels up to 20 ms after their onset.
     */
    private static final SamplerParams SMALL = new SamplerParams(32, 32, 1000, 2, 2, 4, 10, 5, 1, 4, 2, 20_000);

    private final List<SpikeBatch> samples = new ArrayList<>();
    private final List<Feedback> labels = new ArrayList<>();

    /** One batch of 1 ms bins from {@code startMs}, bin b spiking on channels {@code bins[b]} (ascending). */
    private static SpikeBatch fine(long startMs, int[]... bins) {
        SpikeBatchBuilder b = new SpikeBatchBuilder(512);
        for (int[] bin : bins) {
            b.openBin();
            for (int c : bin) {
                b.add(c);
            }
        }
        return b.build(KEY, startMs, startMs * 1000, 1000);
    }

    /** ON cells 256 + 0 .. 256 + n − 1: the first n cells of the top rows turning ON. */
    private static int[] on(int n) {
        int[] cells = new int[n];
        for (int i = 0; i < n; i++) {
            cells[i] = 256 + i;
        }
        return cells;
    }

    private static int[] quiet() {
        return new int[0];
    }

    private void accept(GestureSampler s, SpikeBatch batch) {
        s.accept(batch, samples::add, labels::add);
    }

    @Test
    void anOnBurstAfterQuietStartsOneSampleOfPooledMergedBins() {
        GestureSampler s = new GestureSampler(SMALL);
        // 5 quiet bins, the burst at 5 ms, then bins with one ON cell at pixel (20, 4) = cell (10, 2) → 256 + 2·16 + 10.
        accept(s, fine(0, quiet(), quiet(), quiet(), quiet(), quiet(), on(12), new int[] {298}, quiet(),
                new int[] {0, 298}, quiet(), quiet(), quiet(), quiet()));
        assertThat(s.samples()).isEqualTo(1);
        assertThat(samples).hasSize(1);
        SpikeBatch sample = samples.get(0);
        assertThat(sample.startTimeUs()).isEqualTo(5000);
        assertThat(sample.binWidthUs()).isEqualTo(2000);
        assertThat(sample.channelCount()).isEqualTo(32);
        assertThat(sample.binCount()).isEqualTo(4);
        // Bin 0 merges 5 and 6 ms: ON cells 0..11 of the fine grid are pixels x 0..23 of row 0, i.e. coarse ON
        // cells 0, 1, 2 (x / 8) → 16, 17, 18; pixel (20, 4) is coarse cell (2, 0) → 18. Bin 1: nothing but
        // (x 20, y 4) at 8 ms and OFF pixel (0, 0) → coarse 0 and 18.
        assertThat(bin(sample, 0)).containsExactly(16, 17, 18);
        assertThat(bin(sample, 1)).containsExactly(0, 18);
        assertThat(bin(sample, 2)).isEmpty();
        assertThat(bin(sample, 3)).isEmpty();
    }

    private static int[] bin(SpikeBatch batch, int b) {
        return Arrays.copyOfRange(batch.channelIndices(), batch.binOffsets()[b], batch.binOffsets()[b + 1]);
    }

    @Test
    void noOnsetWithoutQuietBeforeNorOnAnOffBurst() {
        GestureSampler s = new GestureSampler(SMALL);
        int[] off = new int[12];
        for (int i = 0; i < 12; i++) {
            off[i] = i;
        }
        // Five bins of contrast 2 (not below 1), then a burst: no onset; an OFF burst after quiet: none.
        accept(s, fine(0, on(2), on(2), on(2), on(2), on(2), on(12), quiet(), quiet(), quiet(), quiet(), quiet(), off));
        assertThat(s.samples()).isZero();
        assertThat(samples).isEmpty();
        // Quiet again, then a burst: one sample, spread over two batches that join up.
        accept(s, fine(12, quiet(), on(11), quiet()));
        accept(s, fine(15, quiet(), quiet(), quiet(), quiet(), quiet(), quiet(), quiet()));
        assertThat(s.samples()).isEqualTo(1);
        assertThat(samples).hasSize(2);
        assertThat(samples.get(0).startTimeUs()).isEqualTo(13_000);
        assertThat(samples.get(0).binCount()).isEqualTo(1);
        assertThat(samples.get(1).startTimeUs()).isEqualTo(15_000);
        assertThat(samples.get(1).binCount()).isEqualTo(3);
    }

    @Test
    void aGapInTheInputInsideASampleCountsAsEmptyBins() {
        GestureSampler s = new GestureSampler(SMALL);
        accept(s, fine(0, quiet(), quiet(), quiet(), quiet(), quiet(), on(12)));
        // Bins 6 .. 8 never arrive; bin 9 spikes on OFF pixel (0, 0), then the sample's last bins.
        accept(s, fine(9, new int[] {0}, quiet(), quiet(), quiet()));
        // The first batch completed no sample bin; the second completes them all.
        assertThat(samples).hasSize(1);
        SpikeBatch sample = samples.get(0);
        assertThat(sample.startTimeUs()).isEqualTo(5000);
        assertThat(sample.binCount()).isEqualTo(4);
        // Sample bins: [5, 6] (the burst), [7, 8] (missing: empty), [9, 10] (OFF cell 0), [11, 12].
        assertThat(bin(sample, 0)).containsExactly(16, 17, 18);
        assertThat(bin(sample, 1)).isEmpty();
        assertThat(bin(sample, 2)).containsExactly(0);
        assertThat(bin(sample, 3)).isEmpty();
    }

    @Test
    void labelsAreStampedOnTheLastDecodeWindowOfTheirGesturesSample() {
        GestureSampler s = new GestureSampler(SMALL);
        // Labelled at 16 ms before the bins reach it: held.
        s.label(Feedback.ofClass(KEY, 16_000, 7), labels::add);
        assertThat(labels).isEmpty();
        assertThat(s.heldLabels()).isEqualTo(1);
        accept(s, fine(0, quiet(), quiet(), quiet(), quiet(), quiet(), on(12), quiet(), quiet(), quiet(), quiet()));
        assertThat(labels).isEmpty();
        accept(s, fine(10, quiet(), quiet(), quiet(), quiet(), quiet(), quiet(), quiet()));
        // Onset 5 ms, sample bins of 2 ms, last window (2 bins) starts at bin 2: 5 + 4 = 9 ms.
        assertThat(labels).containsExactly(Feedback.ofClass(KEY, 9_000, 7));
        // A second label for the same onset: its gesture's own onset was missed.
        s.label(Feedback.ofClass(KEY, 16_500, 3), labels::add);
        assertThat(labels).hasSize(1);
        assertThat(s.unalignedLabels()).isEqualTo(1);
        List<GestureSampler.Unmatched> unmatched = s.takeUnmatched();
        assertThat(unmatched).hasSize(1);
        assertThat(unmatched.get(0).label()).isEqualTo(Feedback.ofClass(KEY, 16_500, 3));
        assertThat(unmatched.get(0).why()).isEqualTo("the sample at its latest onset (0.005 s) has a label already: "
                + "the onset of its gesture was missed");
        assertThat(s.takeUnmatched()).isEmpty();
        // More than 20 ms after the latest onset: unaligned too.
        accept(s, fine(17, new int[20][0]));
        s.label(Feedback.ofClass(KEY, 26_000, 3), labels::add);
        assertThat(s.unalignedLabels()).isEqualTo(2);
        assertThat(s.takeUnmatched()).extracting(GestureSampler.Unmatched::why).containsExactly("it comes 0.021 s "
                + "after the latest onset (0.005 s), more than a gesture's 0.02 s");
        // Before any onset there is nothing to stamp.
        GestureSampler fresh = new GestureSampler(SMALL);
        fresh.accept(fine(0, quiet(), quiet()), samples::add, labels::add);
        fresh.label(Feedback.ofClass(KEY, 1_000, 1), labels::add);
        assertThat(fresh.unalignedLabels()).isEqualTo(1);
        assertThat(fresh.takeUnmatched()).extracting(GestureSampler.Unmatched::why)
                .containsExactly("no gesture onset has been seen");
        // A label past the end of the input is aligned by flush.
        s.label(Feedback.ofClass(KEY, 40_000, 2), labels::add);
        assertThat(s.heldLabels()).isEqualTo(1);
        s.flush(labels::add);
        assertThat(s.heldLabels()).isZero();
        assertThat(s.unalignedLabels()).isEqualTo(3);
        assertThat(s.alignedLabels()).isEqualTo(1);
    }

    @Test
    void eachSimulatedGestureGetsOneSampleFromItsStart() {
        GestureSettings settings = GestureSettings.defaults().withSeed(4);
        GestureParameters camera = settings.recording();
        GestureSampler s = new GestureSampler(settings.sampler());
        GestureSimulator simulator = new GestureSimulator(KEY, camera);
        EventBinningEncoder binning = new EventBinningEncoder(settings.sampler().fineGrid());
        List<Feedback> truth = new ArrayList<>();
        for (int b = 0; b < 6000; b++) {
            GestureBatch batch = simulator.read();
            binning.encode(batch.events()).ifPresent(fine -> accept(s, fine));
            for (Feedback label : batch.labels()) {
                truth.add(label);
                s.label(label, labels::add);
            }
        }
        assertThat(truth).hasSizeGreaterThan(24);
        assertThat(s.unalignedLabels()).isZero();
        assertThat(labels).hasSize(truth.size());
        assertThat(s.samples()).isBetween((long) truth.size(), truth.size() + 1L);
        for (int g = 0; g < truth.size(); g++) {
            long onsetUs = labels.get(g).eventTimeUs() - settings.sampler().lastWindowOffsetUs();
            long durationUs = truth.get(g).eventTimeUs() - onsetUs;
            // Gestures last gestureMs scaled by 0.8 .. 1.2; the hand appears within the first step of its gesture, so
            // the onset is the start of the 1 ms bin holding the gesture's start.
            assertThat(durationUs).as("gesture %d", g)
                    .isBetween(Math.round(0.8 * camera.gestureMs() * 1000),
                            Math.round(1.2 * camera.gestureMs() * 1000) + settings.sampler().fineBinUs());
            assertThat(labels.get(g).classId()).isEqualTo(truth.get(g).classId());
        }
        long bins = 0;
        for (SpikeBatch sample : samples) {
            bins += sample.binCount();
        }
        // Every sample is whole, except perhaps one cut by the end of the input.
        assertThat(bins).isBetween((s.samples() - 1) * settings.sampler().sampleBins() + 1,
                s.samples() * settings.sampler().sampleBins());
    }

    @Test
    void snapshotThenRestoreContinuesBitForBit() throws Exception {
        GestureSettings settings = GestureSettings.defaults().withSeed(2);
        List<SpikeBatch> input = new ArrayList<>();
        List<List<Feedback>> inputLabels = new ArrayList<>();
        GestureSimulator simulator = new GestureSimulator(KEY, settings.recording());
        EventBinningEncoder binning = new EventBinningEncoder(settings.sampler().fineGrid());
        for (int b = 0; b < 900; b++) {
            GestureBatch batch = simulator.read();
            Optional<SpikeBatch> fine = binning.encode(batch.events());
            input.add(fine.orElse(null));
            inputLabels.add(batch.labels());
        }
        GestureSampler whole = new GestureSampler(settings.sampler());
        List<Object> expected = run(whole, input, inputLabels, 0, input.size());
        // Cut in the middle of a sample (the first onset is at 0.5 s, a sample lasts 1 s).
        int cut = 113;
        GestureSampler first = new GestureSampler(settings.sampler());
        List<Object> actual = run(first, input, inputLabels, 0, cut);
        GestureSampler restored = new GestureSampler(settings.sampler());
        Snapshots.restore(restored, Snapshots.toBytes(first));
        actual.addAll(run(restored, input, inputLabels, cut, input.size()));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).toString()).isEqualTo(expected.get(i).toString());
            if (expected.get(i) instanceof SpikeBatch e) {
                SpikeBatch a = (SpikeBatch) actual.get(i);
                assertThat(a.binOffsets()).isEqualTo(e.binOffsets());
                assertThat(a.channelIndices()).isEqualTo(e.channelIndices());
            }
        }
        assertThat(restored.samples()).isEqualTo(whole.samples());
        assertThat(restored.alignedLabels()).isEqualTo(whole.alignedLabels()).isPositive();
    }

    private static List<Object> run(GestureSampler s, List<SpikeBatch> input, List<List<Feedback>> labels, int from,
                                    int to) {
        List<Object> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (input.get(i) != null) {
                s.accept(input.get(i), out::add, out::add);
            }
            for (Feedback label : labels.get(i)) {
                s.label(label, out::add);
            }
        }
        return out;
    }

    @Test
    void invalidParametersAndInputAreRefused() {
        assertThatThrownBy(() -> new SamplerParams(32, 32, 1000, 2, 2, 4, 10, 5, 1, 4, 3, 20_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of decodeBins");
        assertThatThrownBy(() -> new SamplerParams(32, 32, 1000, 2, 2, 4, 10, 5, 11, 4, 2, 20_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quietContrast in 1..onsetContrast");
        assertThatThrownBy(() -> new SamplerParams(32, 32, 1000, 2, 2, 4, 10, 5, 1, 4, 2, 5_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one sample (8000 us)");
        GestureSampler s = new GestureSampler(SMALL);
        SpikeBatch wrongWidth = new SpikeBatch(KEY, 0, 0, 500, 512, 1, new int[] {0, 0}, new int[0]);
        assertThatThrownBy(() -> s.accept(wrongWidth, samples::add, labels::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bins of 1000 us over 512 channels");
    }
}
