package nl.transfertafel.capacity.announcement.domain;

import java.time.LocalDate;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State;

/**
 * May a place on this line be reserved now? Only when the line is OPEN (not withdrawn, expired or
 * stale, and not past its last day even if the expiry job has not run yet) and a place is left.
 * The database update that takes the place repeats the "open and a place left" condition, so no
 * line is oversold even when many reservations race.
 */
public final class LineOpenPolicy {

    public static final String LINE_NOT_OPEN = "line-not-open";
    public static final String NO_PLACE_LEFT = "no-place-left";

    private LineOpenPolicy() {
    }

    public static Decision reservable(CapacityLine line, LocalDate today) {
        if (line.state() == State.WITHDRAWN || line.state() == State.EXPIRED || line.state() == State.STALE) {
            return Decision.refuse(Refusal.conflict(LINE_NOT_OPEN, "capacity line " + line.id() + " is "
                    + line.state() + " and takes no reservations"));
        }
        if (line.availableUntil() != null && line.availableUntil().isBefore(today)) {
            return Decision.refuse(Refusal.conflict(LINE_NOT_OPEN, "capacity line " + line.id() + " ended on "
                    + line.availableUntil()));
        }
        if (line.state() == State.FULL || line.placesLeft() <= 0) {
            return Decision.refuse(Refusal.conflict(NO_PLACE_LEFT, "capacity line " + line.id()
                    + " has no place left"));
        }
        return Decision.allow();
    }
}
