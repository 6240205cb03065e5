package io.spikeline.runtime.eeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EegAperiodicSlopeTest {
    @Test
    void theJobsSlopesRecoverTheSimulatorsExponentInBothEyesStates() throws Exception {
        EegSettings settings = EegSettings.defaults().withSeconds(60);
        EegRun.Result result = EegRun.run(settings, 1e9, progress -> { });
        EegScore score = result.score();
        double beta = settings.recording().aperiodicExponent();
        // 60 s in windows of 16 frames of 256 ms: 14 whole windows.
        assertThat(score.aperiodicWindows()).isEqualTo((int) (settings.frames() / EegJob.APERIODIC_WINDOW_FRAMES));
        assertThat(score.meanAperiodicExponent()).isCloseTo(beta, within(0.25));
        // Alpha differs between the states but lies in the excluded band: the background exponent does not.
        assertThat(score.meanAperiodicExponent(0)).isCloseTo(beta, within(0.3));
        assertThat(score.meanAperiodicExponent(1)).isCloseTo(beta, within(0.3));
        assertThat(new EegReport(result).text()).contains("aperiodic 1/f    exponent")
                .contains(String.format("simulator %.2f", beta));
    }
}
