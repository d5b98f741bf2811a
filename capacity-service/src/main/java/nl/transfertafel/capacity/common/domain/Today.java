package nl.transfertafel.capacity.common.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Calendar dates in this service (available from/until, stop and pause periods) are Dutch dates,
 * so "today" is taken in the Netherlands' time zone from the injected clock.
 */
public final class Today {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private Today() {
    }

    public static LocalDate of(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
