package nl.transfertafel.transfertable.screening.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import nl.transfertafel.transfertable.screening.domain.Screener;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** What both screenings (proposals and waiting-list screenings) take from the edge: the screener and the race retry. */
class ScreenersTest {

    @Test
    void the_screener_is_who_the_token_says_with_every_role() {
        Actor actor = new Actor("coordinator-a", EnumSet.of(Role.COORDINATOR, Role.PROVIDER), "22000001", "rotterdam");

        Screener screener = Screeners.screener(actor);

        assertThat(screener.userId()).isEqualTo("coordinator-a");
        assertThat(screener.organisation()).isEqualTo("22000001");
        assertThat(screener.region()).isEqualTo("rotterdam");
        assertThat(screener.roles()).containsExactlyInAnyOrder("COORDINATOR", "PROVIDER");
        assertThat(screener.isCoordinator()).isTrue();
    }

    @Test
    void a_decision_that_lost_a_race_is_taken_again_on_a_fresh_copy() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> decision = Mono.defer(() -> attempts.incrementAndGet() < 3
                ? Mono.error(Refused.conflict("concurrent-update", "someone else decided first"))
                : Mono.just("approved"));

        assertThat(decision.retryWhen(Screeners.concurrentUpdates()).block()).isEqualTo("approved");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void a_race_lost_every_time_ends_after_a_bounded_number_of_attempts_with_the_refusal_itself() {
        AtomicInteger attempts = new AtomicInteger();
        Refused lost = Refused.conflict("concurrent-update", "someone else decided first");
        Mono<String> decision = Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(lost);
        });

        assertThatThrownBy(() -> decision.retryWhen(Screeners.concurrentUpdates()).block()).isSameAs(lost);
        assertThat(attempts).hasValue(Screeners.ATTEMPTS);
    }

    @Test
    void a_refusal_for_any_other_reason_is_the_answer_at_once() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> decision = Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(Refused.forbidden("four-eyes", "you approved this proposal already"));
        });

        assertThatThrownBy(() -> decision.retryWhen(Screeners.concurrentUpdates()).block())
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.rule()).isEqualTo("four-eyes"));
        assertThat(attempts).hasValue(1);
    }
}
