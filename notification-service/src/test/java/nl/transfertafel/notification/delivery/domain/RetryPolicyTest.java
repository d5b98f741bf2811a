package nl.transfertafel.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(12, Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void the_backoff_doubles_from_the_initial_wait_up_to_the_maximum() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.backoff(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.backoff(11)).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.backoff(200)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitter_keeps_the_wait_between_half_and_all_of_the_backoff() {
        RetryPolicy.RetryAt earliest = (RetryPolicy.RetryAt) policy.afterFailure(3, now, 0.0);
        RetryPolicy.RetryAt latest = (RetryPolicy.RetryAt) policy.afterFailure(3, now, 0.999_999);
        assertThat(earliest.at()).isEqualTo(now.plusSeconds(60));
        assertThat(latest.at()).isBetween(now.plusMillis(119_000), now.plusSeconds(120));
    }

    @Test
    void after_the_last_attempt_the_delivery_is_dead_lettered() {
        assertThat(policy.afterFailure(11, now, 0.5)).isInstanceOf(RetryPolicy.RetryAt.class);
        assertThat(policy.afterFailure(12, now, 0.5)).isInstanceOf(RetryPolicy.DeadLetter.class);
    }

    @Test
    void the_default_settings_outlast_a_receiver_outage_of_an_hour() {
        Duration waited = Duration.ZERO;
        int attempts = 1;
        while (policy.afterFailure(attempts, now, 0.0) instanceof RetryPolicy.RetryAt at) {
            waited = waited.plus(at.backoff());
            attempts++;
        }
        assertThat(waited).isGreaterThan(Duration.ofHours(1));
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
