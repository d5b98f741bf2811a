package nl.transfertafel.capacity.reservation.domain;

import static nl.transfertafel.contracts.events.capacity.ReservationChanged.State.CONFIRMED;
import static nl.transfertafel.contracts.events.capacity.ReservationChanged.State.EXPIRED;
import static nl.transfertafel.contracts.events.capacity.ReservationChanged.State.HELD;
import static nl.transfertafel.contracts.events.capacity.ReservationChanged.State.RELEASED;

import java.util.UUID;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.contracts.events.capacity.ReservationChanged.State;

/**
 * The one place that says which reservation transitions are legal:
 * <pre>
 *   HELD → CONFIRMED   (transfer completed)
 *   HELD → RELEASED    (transfer ended without it, or released by the transfer table)
 *   HELD → EXPIRED     (hold time passed; the place returns)
 * </pre>
 * Asking again for the state a reservation is already in changes nothing (idempotent), and so does
 * releasing an expired reservation (its place has returned already). Confirming a released or
 * expired reservation, or releasing a confirmed one, is refused.
 */
public final class ReservationLifecycle {

    public static final String NOT_HELD = "reservation-not-held";
    public static final String CONFIRMED_ALREADY = "reservation-confirmed";

    private ReservationLifecycle() {
    }

    public sealed interface Transition permits Move, Stay, Refuse {
    }

    public record Move(State to) implements Transition {
    }

    public record Stay() implements Transition {
    }

    public record Refuse(Refusal refusal) implements Transition {
    }

    public static Transition decide(UUID reservationId, State from, State target) {
        if (from == HELD && target != HELD) {
            return new Move(target);
        }
        if (from == target || target == EXPIRED || target == RELEASED && from == EXPIRED) {
            return new Stay();
        }
        if (target == RELEASED && from == CONFIRMED) {
            return new Refuse(Refusal.conflict(CONFIRMED_ALREADY, "reservation " + reservationId
                    + " is confirmed: the transfer completed and the place is used"));
        }
        return new Refuse(Refusal.conflict(NOT_HELD, "reservation " + reservationId + " is " + from
                + "; only a held reservation can be " + target.name().toLowerCase()));
    }
}
