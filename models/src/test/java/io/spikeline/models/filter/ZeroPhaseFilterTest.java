package io.spikeline.models.filter;

import static io.spikeline.models.filter.FilterVectors.assertClose;
import static io.spikeline.models.filter.FilterVectors.assertWithinFloatRounding;
import static io.spikeline.models.filter.FilterVectors.channel;
import static io.spikeline.models.filter.FilterVectors.interleave;
import static io.spikeline.models.filter.FilterVectors.scaled;
import static io.spikeline.models.filter.FilterVectors.toDoubles;
import static io.spikeline.models.filter.FilterVectors.toFloats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.filter.FilterVectors.Case;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ZeroPhaseFilterTest {

    static List<Case> cases() {
        return FilterVectors.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void padLengthFollowsSciPysRule(Case c) {
        assertThat(c.node().get("sosfiltfilt").get("padtype").asText()).isEqualTo("odd");
        assertThat(ZeroPhaseFilter.padLength(c.sos()))
                .isEqualTo(c.node().get("sosfiltfilt").get("padlen").asInt())
                .isEqualTo(3 * c.node().get("sosfiltfilt").get("ntaps").asInt());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesSciPySosfiltfiltOnEveryChannel(Case c) {
        double[] reference = c.expected("sosfiltfilt", "y");
        double[] data = interleave(c.input(), scaled(c.input(), -2.5), c.otherInput());
        double[] y = ZeroPhaseFilter.filtfilt(c.sos(), data, 3);

        assertClose(channel(y, 0, 3), reference, 1e-9);
        assertClose(channel(y, 1, 3), scaled(reference, -2.5), 1e-9);
        assertThat(channel(y, 2, 3)).containsExactly(ZeroPhaseFilter.filtfilt(c.sos(), c.otherInput(), 1));
        assertThat(channel(data, 0, 3)).as("input untouched").containsExactly(c.input());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void floatDataIsWithinFloatRoundingOfSciPy(Case c) {
        float[] y = ZeroPhaseFilter.filtfilt(c.sos(), toFloats(interleave(c.input(), scaled(c.input(), 0.25))), 2);
        double[] reference = c.expected("sosfiltfilt", "y");
        assertWithinFloatRounding(toFloats(channel(toDoubles(y), 0, 2)), reference);
        assertWithinFloatRounding(toFloats(channel(toDoubles(y), 1, 2)), scaled(reference, 0.25));
    }

    @Test
    void aSignalNoLongerThanThePaddingIsRejected() {
        Case c = FilterVectors.bandPass30k();
        int pad = ZeroPhaseFilter.padLength(c.sos());
        assertThat(pad).isEqualTo(27);
        double[] tooShort = interleave(Arrays.copyOf(c.input(), pad), Arrays.copyOf(c.input(), pad));
        assertThatThrownBy(() -> ZeroPhaseFilter.filtfilt(c.sos(), tooShort, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pads 27 samples at each end")
                .hasMessageContaining("needs more than 27 samples per channel, got 27");
        double[] justLongEnough = Arrays.copyOf(c.input(), pad + 1);
        assertThat(ZeroPhaseFilter.filtfilt(c.sos(), justLongEnough, 1)).hasSize(pad + 1).doesNotContain(Double.NaN);
        assertThatThrownBy(() -> ZeroPhaseFilter.filtfilt(c.sos(), new double[101], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a multiple of 2 channels");
    }

    @Test
    void aConstantPassesALowPassUnchanged() {
        Case lowPass = FilterVectors.cases().get(2);
        double[] constant = new double[300];
        Arrays.fill(constant, 42.0);
        assertClose(ZeroPhaseFilter.filtfilt(lowPass.sos(), constant, 1), constant, 1e-12);
    }
}
