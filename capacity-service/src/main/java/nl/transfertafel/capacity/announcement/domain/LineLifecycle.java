package nl.transfertafel.capacity.announcement.domain;

import static nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State.FULL;
import static nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State.OPEN;
import static nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State.STALE;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged.Change;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State;

/**
 * The one place that says which changes a capacity line may go through in which state:
 * <pre>
 *   OPEN  ⇄ FULL           (a reservation takes the last place / a place comes back)
 *   OPEN, FULL → STALE      (not confirmed for the configured time: out of matching)
 *   STALE → OPEN, FULL      (confirmed or corrected by the provider)
 *   OPEN, FULL, STALE → WITHDRAWN | EXPIRED   (final)
 * </pre>
 * A place coming back is accepted in every state (a reservation held before the line closed can
 * still be released), but only a FULL line opens again by it.
 */
public final class LineLifecycle {

    private static final Set<State> LIVE = EnumSet.of(OPEN, FULL, STALE);

    private static final Map<Change, Set<State>> FROM = Map.of(
            Change.CORRECTED, LIVE,
            Change.CONFIRMED, LIVE,
            Change.WITHDRAWN, LIVE,
            Change.EXPIRED, LIVE,
            Change.STALE, EnumSet.of(OPEN, FULL),
            Change.RESERVED, EnumSet.of(OPEN),
            Change.RELEASED, EnumSet.allOf(State.class));

    private LineLifecycle() {
    }

    /** Live lines still count: they can be matched (OPEN), refilled (FULL) or confirmed again (STALE). */
    public static boolean isLive(State state) {
        return LIVE.contains(state);
    }

    public static Decision allows(CapacityLine line, Change change, LocalDate today) {
        if (!FROM.get(change).contains(line.state())) {
            return Decision.refuse(Refusal.conflict("line-closed",
                    "capacity line " + line.id() + " is " + line.state() + "; it cannot be " + change.name().toLowerCase()));
        }
        if (change == Change.CONFIRMED && line.availableUntil() != null && line.availableUntil().isBefore(today)) {
            return Decision.refuse(Refusal.conflict("line-closed", "capacity line " + line.id()
                    + " ended on " + line.availableUntil() + "; correct its period or announce new capacity"));
        }
        return Decision.allow();
    }
}
