package io.spikeline.runtime.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.operators.snn.NetworkControl;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ControlMessagesTest {

    private static NetworkControl parse(String json) {
        return ControlMessages.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void controlsFollowTheJobsOwnInSequence() {
        assertThat(parse("{\"sequence\": 1, \"effectiveTimeUs\": 10000000, \"action\": \"freeze\"}"))
                .isEqualTo(NetworkControl.freeze(2, 10_000_000, null, true));
        assertThat(parse("{\"sequence\": 3, \"effectiveTimeUs\": 0, \"action\": \"LEARNING_RATE_SCALE\", \"scale\": 0.5,"
                + " \"targetKey\": \"implant-2\"}"))
                .isEqualTo(NetworkControl.learningRateScale(4, 0, "implant-2", 0.5));
        assertThat(parse("{\"sequence\": 7, \"effectiveTimeUs\": 5, \"action\": \"THRESHOLD_SCALE\", \"scale\": 2,"
                + " \"layer\": 0}"))
                .isEqualTo(NetworkControl.thresholdScale(8, 5, null, 0, 2));
    }

    @Test
    void everyMalformedControlIsNamed() {
        String[][] cases = {
            {"vx=1", "is not JSON"},
            {"[1, 2]", "must be a JSON object, was [1,2]"},
            {"{\"sequence\": 1, \"effectiveTimeUs\": 0, \"action\": \"FREEZE\", \"when\": 3}",
                "unknown control field 'when'"},
            {"{\"effectiveTimeUs\": 0, \"action\": \"FREEZE\"}", "control field sequence is missing"},
            {"{\"sequence\": 1.5, \"effectiveTimeUs\": 0, \"action\": \"FREEZE\"}",
                "control field sequence must be an integer, was 1.5"},
            {"{\"sequence\": 0, \"effectiveTimeUs\": 0, \"action\": \"FREEZE\"}", "control sequence must be >= 1, was 0"},
            {"{\"sequence\": 1, \"effectiveTimeUs\": 0, \"action\": \"REWIND\"}", "control action 'REWIND' is unknown"},
            {"{\"sequence\": 1, \"effectiveTimeUs\": 0, \"action\": \"LOAD\"}", "LOAD carries a model snapshot"},
            {"{\"sequence\": 1, \"effectiveTimeUs\": 0, \"action\": \"LEARNING_RATE_SCALE\", \"scale\": -1}", "-1"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> parse(c[0])).as(c[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c[1]);
        }
    }
}
