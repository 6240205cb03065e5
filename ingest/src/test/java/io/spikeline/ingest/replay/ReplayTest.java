package io.spikeline.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.ingest.RecordReader;
import io.spikeline.ingest.edf.EdfOptions;
import io.spikeline.ingest.edf.EdfReader;
import io.spikeline.ingest.sim.EegParameters;
import io.spikeline.ingest.sim.EegSimulator;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.testing.SharedFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {

    /** A clock that only moves when the replay sleeps, so pacing can be checked exactly. */
    private static final class VirtualClock implements ReplayClock {
        long now = 1_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadline) {
            sleeps.add(deadline);
            now = Math.max(now, deadline);
        }
    }

    @Test
    void releasesEachRecordAtItsEventTimeDividedByTheSpeed() throws IOException {
        VirtualClock clock = new VirtualClock();
        List<ReplayProgress> reports = new ArrayList<>();
        EdfReader edf = EdfReader.open(SharedFiles.data("eeg/eegmmidb_S001R01_eyes_open.edf"), EdfOptions.defaults());
        long start = edf.startEpochUs();
        try (Replay<SampleFrame> replay = new Replay<>(edf, SampleFrame::firstSampleTimeUs,
                new ReplayOptions(4, 2_000_000_000L, reports::add), clock)) {
            List<Long> releasedAt = new ArrayList<>();
            for (SampleFrame f; (f = replay.read()) != null; ) {
                releasedAt.add(clock.now);
                // One-second records at 4x: each released 250 ms after the one before.
                assertThat(clock.now - 1_000_000_000L).isEqualTo((f.firstSampleTimeUs() - start) * 1000 / 4);
            }
            assertThat(releasedAt).hasSize(61);
            ReplayProgress last = reports.get(reports.size() - 1);
            assertThat(last.finished()).isTrue();
            assertThat(last.records()).isEqualTo(61);
            assertThat(last.signalSeconds()).isEqualTo(60.0);
            assertThat(last.wallSeconds()).isEqualTo(15.0);
            assertThat(last.realTimeFactor()).isEqualTo(4.0);
            // A report every 2 s of wall time: 15 s / 2 s.
            assertThat(reports).hasSize(7 + 1);
            assertThat(replay.read()).isNull();
        }
    }

    @Test
    void asFastAsPossibleNeverWaitsAndPassesRecordsThroughUnchanged() throws IOException {
        VirtualClock clock = new VirtualClock();
        EegSimulator direct = new EegSimulator("h", EegParameters.defaults(5));
        Replay<SampleFrame> replay = new Replay<>(bounded(new EegSimulator("h", EegParameters.defaults(5)), 100),
                SampleFrame::firstSampleTimeUs, new ReplayOptions(ReplayOptions.AS_FAST_AS_POSSIBLE, 1, r -> { }), clock);
        for (int i = 0; i < 100; i++) {
            assertThat(replay.read()).isEqualTo(direct.read().frame());
        }
        assertThat(replay.read()).isNull();
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void realClockReplayTakesAtLeastTheScaledSignalDuration() throws IOException {
        List<ReplayProgress> reports = new ArrayList<>();
        Replay<SampleFrame> replay = new Replay<>(bounded(new EegSimulator("h", EegParameters.defaults(5)), 40),
                SampleFrame::firstSampleTimeUs, new ReplayOptions(50, 1_000_000_000L, reports::add));
        while (replay.read() != null) {
            // drain
        }
        ReplayProgress done = reports.get(reports.size() - 1);
        // 39 frames of 64 samples at 250 Hz after the first: 9.984 s of signal at 50x is at least 0.19968 s.
        assertThat(done.signalSeconds()).isCloseTo(9.984, within(1e-9));
        assertThat(done.wallSeconds()).isGreaterThanOrEqualTo(9.984 / 50);
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> new ReplayOptions(-1, 1, r -> { })).hasMessageContaining("speed");
        assertThatThrownBy(() -> new ReplayOptions(1, 0, r -> { })).hasMessageContaining("progress interval");
    }

    private static RecordReader<SampleFrame> bounded(EegSimulator sim, int frames) {
        return new RecordReader<>() {
            int left = frames;

            @Override
            public SampleFrame read() {
                return left-- > 0 ? sim.read().frame() : null;
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }
}
