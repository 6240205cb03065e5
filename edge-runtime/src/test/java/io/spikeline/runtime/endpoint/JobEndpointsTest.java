package io.spikeline.runtime.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobEndpointsTest {
    @Test
    void aSourceOfLabelledRecordsIsItsOwnFeedback() {
        JobEndpoints broker = JobEndpoints.selfLabelled("kafka://h/packets", "file:flows.jsonl", null);
        assertThat(broker.feedback()).isSameAs(broker.source());
        assertThat(broker.simulated()).isFalse();
        assertThat(broker.bounded()).isFalse();
        assertThat(broker.describeInput()).isEqualTo("kafka://h/packets (its records labelled)");

        JobEndpoints simulator = JobEndpoints.selfLabelled("sim:packets?seed=2", null, "file:dead.jsonl");
        assertThat(simulator.feedback()).isNull();
        assertThat(simulator.simulator().options()).containsEntry("seed", "2");
        assertThat(JobEndpoints.selfLabelled(null, "file:flows.jsonl", null).simulated()).isTrue();
        assertThat(JobEndpoints.selfLabelled(null, null, null).any()).isFalse();
    }

    @Test
    void aSourceWithoutLabelsStillNeedsItsFeedback() {
        JobEndpoints two = JobEndpoints.parse("kafka://h/events", "kafka://h/labels", null, null, null);
        assertThat(two.describeInput()).isEqualTo("kafka://h/events, feedback from kafka://h/labels");
        assertThatThrownBy(() -> JobEndpoints.parse("kafka://h/events", null, null, null, null))
                .hasMessageContaining("--source kafka://h/events needs --feedback");
        assertThatThrownBy(() -> JobEndpoints.selfLabelled("kafka://h/packets", "sim:packets", null))
                .hasMessageContaining("'sim:packets' is a simulator, which can only be a source");
    }
}
