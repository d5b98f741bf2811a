package nl.transfertafel.intake.waitinglist.domain;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;

/**
 * Statuses go stale when providers do not update them (seeds 002: the Wlz report found many
 * outdated statuses). A placed entry whose status nobody confirmed for {@code staleAfterDays} is
 * stale, once, until someone confirms or changes it again.
 */
public record StalePolicy(int staleAfterDays) {

    public StalePolicy {
        if (staleAfterDays < 1) {
            throw new IllegalArgumentException("staleAfterDays must be at least 1");
        }
    }

    public boolean isDue(WaitingEntry entry, LocalDate today) {
        return entry.placement() == Placement.PLACED
                && EntryLifecycle.stillWaiting(entry.stage())
                && !entry.stale()
                && !entry.statusConfirmedOn().plusDays(staleAfterDays).isAfter(today);
    }

    /** Entries confirmed on or before this day are due (for a query that pre-selects them). */
    public LocalDate confirmedOnOrBefore(LocalDate today) {
        return today.minusDays(staleAfterDays);
    }
}
