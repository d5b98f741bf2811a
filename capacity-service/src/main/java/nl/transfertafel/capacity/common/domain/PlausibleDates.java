package nl.transfertafel.capacity.common.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * How far from today a date in a capacity announcement or a registration stop or pause may lie
 * (issue 11 item 19). Places that opened more than a month ago and were never announced are not a
 * plausible announcement but a typing error, and so is an announcement or stop that starts or ends
 * more than two years ahead: matching only looks a few months ahead, and contracts and budget
 * ceilings are agreed per year. The bounds also keep every stored date inside the four-digit years
 * the event schemas allow (a date like {@code +10000-01-01} used to fail in the outbox with a 500).
 */
public final class PlausibleDates {

    /** A period may start at most this many days before today (a late announcement of places that are still free). */
    public static final int MAX_DAYS_PAST = 31;
    /** A period may start or end at most this far after today. */
    public static final Period MAX_AHEAD = Period.ofYears(2);

    private PlausibleDates() {
    }

    /** Refuses a date (when given) more than {@link #MAX_DAYS_PAST} days before today: rule {@code not-long-past}. */
    public static Decision notLongPast(String field, LocalDate date, LocalDate today) {
        return date == null || !date.isBefore(today.minusDays(MAX_DAYS_PAST)) ? Decision.allow()
                : Decision.refuse(Refusal.invalid(field, "not-long-past",
                        "must not lie more than " + MAX_DAYS_PAST + " days in the past"));
    }

    /** Refuses a date (when given) more than {@link #MAX_AHEAD} after today: rule {@code not-too-far-ahead}. */
    public static Decision notTooFarAhead(String field, LocalDate date, LocalDate today) {
        return date == null || !date.isAfter(today.plus(MAX_AHEAD)) ? Decision.allow()
                : Decision.refuse(Refusal.invalid(field, "not-too-far-ahead",
                        "must not lie more than " + MAX_AHEAD.getYears() + " years ahead"));
    }
}
