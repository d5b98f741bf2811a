package nl.transfertafel.capacity.reservation.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.announcement.domain.CapacityLine;
import nl.transfertafel.capacity.common.domain.Events;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.capacity.ReservationChanged;
import nl.transfertafel.contracts.events.capacity.ReservationChanged.State;

/**
 * One place on a capacity line held for one proposal of the transfer table: the single point that
 * prevents double booking. A held place is confirmed when the transfer completes, released when it
 * ends without one, and expires (its place returns) when nobody confirms it in time. Transitions
 * are decided by {@link ReservationLifecycle}.
 */
public record Reservation(
        UUID id,
        UUID capacityLineId,
        String proposalId,
        String providerAgb,
        String region,
        State state,
        Instant expiresAt,
        Instant createdAt,
        long version) {

    /** The reservation together with the line it took its place from, as they are after a change. */
    public record OnLine(Reservation reservation, CapacityLine line) {
    }

    /** Takes one place of the line for the proposal, held for {@code hold}. */
    public static Outcome<OnLine> hold(CapacityLine line, String proposalId, Duration hold, Clock clock) {
        Outcome<CapacityLine> taken = line.takePlace(clock);
        if (taken instanceof Outcome.Rejected<CapacityLine> rejected) {
            return Outcome.rejected(rejected.refusal());
        }
        Outcome.Done<CapacityLine> done = (Outcome.Done<CapacityLine>) taken;
        Instant now = clock.instant();
        Reservation reservation = new Reservation(UUID.randomUUID(), line.id(), proposalId, line.providerAgb(),
                line.region(), State.HELD, now.plus(hold), now, 0);
        return Outcome.done(new OnLine(reservation, done.state()),
                combine(done.events(), reservation.changed(done.state(), clock)));
    }

    /** The transfer completed: the place is used for good. Repeating it changes nothing. */
    public Outcome<OnLine> confirm(CapacityLine line, Clock clock) {
        ReservationLifecycle.Transition transition = ReservationLifecycle.decide(id, state, State.CONFIRMED);
        if (transition instanceof ReservationLifecycle.Refuse refuse) {
            return Outcome.rejected(refuse.refusal());
        }
        if (transition instanceof ReservationLifecycle.Stay) {
            return Outcome.unchanged(new OnLine(this, line));
        }
        Reservation confirmed = with(State.CONFIRMED);
        return Outcome.done(new OnLine(confirmed, line), confirmed.changed(line, clock));
    }

    /** The transfer ended without using the place: it returns to the line. Repeating it changes nothing. */
    public Outcome<OnLine> release(CapacityLine line, Clock clock) {
        return giveBack(State.RELEASED, line, clock);
    }

    /** Not confirmed within the hold time: the place returns to the line (housekeeping job). */
    public Outcome<OnLine> expireIfDue(CapacityLine line, Clock clock) {
        if (state != State.HELD || clock.instant().isBefore(expiresAt)) {
            return Outcome.unchanged(new OnLine(this, line));
        }
        return giveBack(State.EXPIRED, line, clock);
    }

    private Outcome<OnLine> giveBack(State target, CapacityLine line, Clock clock) {
        ReservationLifecycle.Transition transition = ReservationLifecycle.decide(id, state, target);
        if (transition instanceof ReservationLifecycle.Refuse refuse) {
            return Outcome.rejected(refuse.refusal());
        }
        if (!(transition instanceof ReservationLifecycle.Move move)) {
            return Outcome.unchanged(new OnLine(this, line));
        }
        // returning a place never fails: at worst (line already complete) it changes nothing
        Outcome.Done<CapacityLine> returned = (Outcome.Done<CapacityLine>) line.returnPlace(clock);
        Reservation changed = with(move.to());
        return Outcome.done(new OnLine(changed, returned.state()),
                combine(returned.events(), changed.changed(returned.state(), clock)));
    }

    private Reservation with(State next) {
        return new Reservation(id, capacityLineId, proposalId, providerAgb, region, next, expiresAt, createdAt,
                version + 1);
    }

    private List<NewEvent> changed(CapacityLine line, Clock clock) {
        return List.of(Events.event(clock, region, id.toString(), new ReservationChanged(id.toString(),
                capacityLineId.toString(), proposalId, providerAgb, state, expiresAt, line.placesLeft())));
    }

    private static List<NewEvent> combine(List<NewEvent> first, List<NewEvent> second) {
        List<NewEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
