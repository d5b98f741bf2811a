package nl.transfertafel.capacity.reservation.domain;

import static nl.transfertafel.capacity.fixtures.Fixtures.CLOCK;
import static nl.transfertafel.capacity.fixtures.Fixtures.NOW;
import static nl.transfertafel.capacity.fixtures.Fixtures.aLine;
import static nl.transfertafel.capacity.fixtures.Fixtures.assertValid;
import static nl.transfertafel.capacity.fixtures.Fixtures.at;
import static nl.transfertafel.capacity.fixtures.Fixtures.done;
import static nl.transfertafel.capacity.fixtures.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.transfertafel.capacity.announcement.domain.CapacityLine;
import nl.transfertafel.capacity.announcement.domain.LineOpenPolicy;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.ReservationChanged;
import nl.transfertafel.contracts.events.capacity.ReservationChanged.State;
import org.junit.jupiter.api.Test;

class ReservationTest {

    private static final Duration HOLD = Duration.ofDays(10);

    private static Reservation.OnLine held(CapacityLine line) {
        return done(Reservation.hold(line, "proposal-1", HOLD, CLOCK)).state();
    }

    @Test
    void holding_takes_one_place_and_reports_both_the_reservation_and_the_line() {
        var done = done(Reservation.hold(aLine(3, 2), "proposal-1", HOLD, CLOCK));

        assertThat(done.state().reservation().state()).isEqualTo(State.HELD);
        assertThat(done.state().reservation().expiresAt()).isEqualTo(NOW.plus(HOLD));
        assertThat(done.state().line().placesLeft()).isEqualTo(1);
        assertThat(done.events()).extracting(event -> (Object) event.payload().getClass())
                .containsExactly(CapacityLineChanged.class, ReservationChanged.class);
        assertThat(((ReservationChanged) done.events().get(1).payload()).placesLeft()).isEqualTo(1);
        assertValid(done.events());
    }

    @Test
    void a_line_without_a_place_left_refuses_the_hold() {
        assertThat(refusal(Reservation.hold(aLine(3, 0), "proposal-1", HOLD, CLOCK)).rule())
                .isEqualTo(LineOpenPolicy.NO_PLACE_LEFT);
    }

    @Test
    void confirming_twice_confirms_once() {
        var held = held(aLine(3, 3));
        var first = done(held.reservation().confirm(held.line(), CLOCK));
        var second = done(first.state().reservation().confirm(first.state().line(), CLOCK));

        assertThat(first.state().reservation().state()).isEqualTo(State.CONFIRMED);
        assertThat(first.state().line().placesLeft()).as("a confirmed place stays taken").isEqualTo(2);
        assertThat(first.events()).singleElement().extracting(e -> e.payload().getClass()).isEqualTo(ReservationChanged.class);
        assertThat(second.changed()).isFalse();
    }

    @Test
    void releasing_returns_the_place_once() {
        var held = held(aLine(1, 1));
        var first = done(held.reservation().release(held.line(), CLOCK));
        var second = done(first.state().reservation().release(first.state().line(), CLOCK));

        assertThat(held.line().state()).isEqualTo(CapacityLineChanged.State.FULL);
        assertThat(first.state().reservation().state()).isEqualTo(State.RELEASED);
        assertThat(first.state().line().placesLeft()).isEqualTo(1);
        assertThat(first.state().line().state()).isEqualTo(CapacityLineChanged.State.OPEN);
        assertThat(second.changed()).isFalse();
        assertThat(second.state().line().placesLeft()).isEqualTo(1);
        assertValid(first.events());
    }

    @Test
    void a_confirmed_place_cannot_be_released_and_a_released_one_cannot_be_confirmed() {
        var held = held(aLine(3, 3));
        var confirmed = done(held.reservation().confirm(held.line(), CLOCK)).state();
        var released = done(held.reservation().release(held.line(), CLOCK)).state();

        assertThat(refusal(confirmed.reservation().release(confirmed.line(), CLOCK)).rule())
                .isEqualTo(ReservationLifecycle.CONFIRMED_ALREADY);
        assertThat(refusal(released.reservation().confirm(released.line(), CLOCK)).rule())
                .isEqualTo(ReservationLifecycle.NOT_HELD);
    }

    @Test
    void an_unconfirmed_hold_expires_after_the_hold_time_and_its_place_returns() {
        var held = held(aLine(2, 2));
        var early = done(held.reservation().expireIfDue(held.line(), at(NOW.plus(HOLD).minusSeconds(1))));
        var due = done(held.reservation().expireIfDue(held.line(), at(NOW.plus(HOLD))));
        var releasedLater = done(due.state().reservation().release(due.state().line(), at(NOW.plus(HOLD))));

        assertThat(early.changed()).isFalse();
        assertThat(due.state().reservation().state()).isEqualTo(State.EXPIRED);
        assertThat(due.state().line().placesLeft()).isEqualTo(2);
        assertThat(releasedLater.changed()).as("its place has returned already").isFalse();
        assertValid(due.events());
    }

    @Test
    void a_confirmed_reservation_never_expires() {
        var held = held(aLine(2, 2));
        var confirmed = done(held.reservation().confirm(held.line(), CLOCK)).state();

        assertThat(done(confirmed.reservation().expireIfDue(confirmed.line(), at(NOW.plus(HOLD.multipliedBy(3)))))
                .changed()).isFalse();
    }
}
