package io.spikeline.connectors.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    @Test
    void delaysDoubleFromTheInitialDelayUpToTheBound() {
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        long[] expectedMs = {100, 200, 400, 800, 1000, 1000};
        for (int failures = 0; failures < expectedMs.length; failures++) {
            assertThat(backoff.delay(failures)).isEqualTo(Duration.ofMillis(expectedMs[failures]));
        }
        assertThat(backoff.delay(63)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLargeBoundIsNeverOverflowed() {
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(3), Duration.ofDays(365));
        Duration previous = Duration.ZERO;
        for (int failures = 0; failures < 100; failures++) {
            Duration delay = backoff.delay(failures);
            assertThat(delay).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofDays(365));
            previous = delay;
        }
        assertThat(previous).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void invalidBoundsAreRejected() {
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("initial backoff must be positive, was PT0S");
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("at least the initial PT2S, was PT1S");
    }
}
