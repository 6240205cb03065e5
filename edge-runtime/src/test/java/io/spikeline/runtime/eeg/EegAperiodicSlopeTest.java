package io.spikeline.runtime.eeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.EegFrame;
import io.spikeline.ingest.sim.EegParameters;
import io.spikeline.ingest.sim.EegSimulator;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class EegAperiodicSlopeTest {
    /**
     * The job on the simulated recording without its artefacts (blinks, muscle, line noise), alpha as strong as ever:
     * the slopes of its windows average to the simulator's β in either eyes state, although the eyes-closed alpha at
     * the back carries four times the background's power.
     */
    @Test
    void withoutArtefactsTheJobsSlopesRecoverTheSimulatorsExponentInBothEyesStates() throws Exception {
        EegSettings settings = EegSettings.defaults();
        EegParameters recording = settings.recording().clean();
        List<SampleFrame> frames = new ArrayList<>();
        List<Feedback> states = new ArrayList<>();
        try (EegSimulator simulator = new EegSimulator(EegSettings.SOURCE_KEY, recording)) {
            for (long i = 0; i < settings.frames(); i++) {
                EegFrame frame = simulator.read();
                frames.add(frame.frame());
                states.add(frame.state());
            }
        }
        StreamExecutionEnvironment env = EmbeddedJob.environment();
        EegScore score = new EegScore(settings);
        EmbeddedJob.collect(EegJob.fromFrames(env, settings, env.fromData(frames, RecordTypes.SAMPLE_FRAME),
                        env.fromData(states, RecordTypes.FEEDBACK), List.of()).output(),
                "aperiodic without artefacts", r -> r.isLeft(), score::add, 1e9, s -> { });
        double beta = recording.aperiodicExponent();
        // 120 s in windows of 16 frames of 256 ms: 29 whole windows, 11 held eyes open and 8 eyes closed; a window's
        // mean over channels scatters by about 0.04.
        assertThat(score.aperiodicWindows()).isEqualTo(29);
        assertThat(score.meanAperiodicExponent()).isCloseTo(beta, within(0.03));
        for (int state : new int[] {EegParameters.EYES_OPEN, EegParameters.EYES_CLOSED}) {
            assertThat(score.meanAperiodicExponent(state)).as("state %s", state).isCloseTo(beta, within(0.04));
            assertThat(score.aperiodicStandardError(state)).as("state %s", state).isLessThan(0.03);
        }
        // One channel's window scatters by about 0.18, its mean over 29 windows by 0.035.
        for (double channel : score.channelAperiodicExponents()) {
            assertThat(channel).isCloseTo(beta, within(0.12));
        }
    }

    /**
     * The default run, blinks and all: the back, which they do not reach, still reads the simulator's β, the front
     * reads steeper, and the report says why.
     */
    @Test
    void onTheDefaultRecordingBlinksSteepenTheFrontAndTheReportSaysSo() throws Exception {
        EegSettings settings = EegSettings.defaults().withSeconds(60);
        EegRun.Result result = EegRun.run(settings, 1e9, progress -> { });
        EegScore score = result.score();
        double beta = settings.recording().aperiodicExponent();
        // 60 s in windows of 16 frames of 256 ms: 14 whole windows.
        assertThat(score.aperiodicWindows()).isEqualTo((int) (settings.frames() / EegJob.APERIODIC_WINDOW_FRAMES));
        double[] channels = score.channelAperiodicExponents();
        int n = settings.recording().channels();
        assertThat(channels).hasSize(n);
        // The back third of the channels gets at most a hundredth of the frontal blink's power; one channel's mean over
        // 14 windows scatters by about 0.05, seven channels' by 0.02.
        double back = mean(channels, n - 7, n);
        double front = mean(channels, 0, 7);
        assertThat(back).isCloseTo(beta, within(0.06));
        assertThat(front).isGreaterThan(back + 0.1);
        assertThat(score.meanAperiodicExponent()).isGreaterThan(beta);
        assertThat(new EegReport(result).text()).contains("aperiodic 1/f    exponent")
                .contains("aperiodic range  channels from ")
                .contains(String.format("simulator background %.2f, steepened by blinks", beta));
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
