package nl.transfertafel.intake.validation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.transfertafel.intake.waitinglist.domain.Refusal;
import org.junit.jupiter.api.Test;

class DeadlinePolicyTest {

    private final DeadlinePolicy policy = new DeadlinePolicy(Duration.ofDays(1), Duration.ofDays(60), Duration.ofDays(7));
    private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void a_deadline_two_weeks_ahead_is_fine_and_the_reminder_period_follows_it() {
        Instant deadline = now.plus(Duration.ofDays(14));
        assertThat(policy.check(deadline, now)).isEmpty();
        assertThat(policy.reminderUntil(deadline)).isEqualTo(deadline.plus(Duration.ofDays(7)));
    }

    @Test
    void a_deadline_in_the_past_or_too_soon_is_refused_naming_field_and_rule() {
        assertThat(policy.check(now.minusSeconds(1), now)).get().extracting(Refusal::field, Refusal::rule)
                .containsExactly("deadline", "Future");
        assertThat(policy.check(now.plus(Duration.ofHours(23)), now)).get().extracting(Refusal::rule).isEqualTo("Future");
    }

    @Test
    void a_deadline_beyond_sixty_days_is_refused() {
        assertThat(policy.check(now.plus(Duration.ofDays(61)), now)).get().extracting(Refusal::rule)
                .isEqualTo("AtMost60Days");
        assertThat(policy.check(now.plus(Duration.ofDays(60)), now)).isEmpty();
    }
}
