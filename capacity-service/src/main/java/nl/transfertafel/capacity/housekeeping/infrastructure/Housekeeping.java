package nl.transfertafel.capacity.housekeeping.infrastructure;

import java.time.Duration;
import nl.transfertafel.capacity.announcement.application.LineHousekeeping;
import nl.transfertafel.capacity.figures.application.FiguresService;
import nl.transfertafel.capacity.reservation.application.ReservationService;
import nl.transfertafel.capacity.restriction.application.RestrictionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The time-driven jobs, run every {@code transfertafel.capacity.housekeeping-interval} by the
 * platform's {@code PeriodicJob} (see {@link HousekeepingConfiguration}): held
 * reservations past their hold expire (their place returns), lines past their last day expire,
 * unconfirmed lines go stale, stops and pauses past their last day are lifted, and the gauges are
 * refreshed. The jobs read time from the injected Clock only; tests call {@link #runOnce()} (or the
 * jobs themselves) after moving the clock. Several instances may run it at once: every change locks
 * its row and the domain decides again on the locked state, so nothing happens twice.
 */
@Component
public class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ReservationService reservations;
    private final LineHousekeeping lines;
    private final RestrictionService restrictions;
    private final FiguresService figures;

    public Housekeeping(ReservationService reservations, LineHousekeeping lines,
            RestrictionService restrictions, FiguresService figures) {
        this.reservations = reservations;
        this.lines = lines;
        this.restrictions = restrictions;
        this.figures = figures;
    }

    /** One round of every job, in order (reservations first, so places return before lines are judged). */
    public void runOnce() {
        int expiredHolds = reservations.expireDue().blockOptional(Duration.ofMinutes(5)).orElse(0);
        int expiredLines = lines.expireLines().blockOptional(Duration.ofMinutes(5)).orElse(0);
        int staleLines = lines.markStaleLines().blockOptional(Duration.ofMinutes(5)).orElse(0);
        int endedRestrictions = restrictions.endRestrictionsPastTheirPeriod().blockOptional(Duration.ofMinutes(5)).orElse(0);
        figures.refreshGauges().block(Duration.ofMinutes(1));
        if (expiredHolds + expiredLines + staleLines + endedRestrictions > 0) {
            log.info("housekeeping: {} hold(s) expired, {} line(s) expired, {} line(s) stale, {} restriction(s) ended",
                    expiredHolds, expiredLines, staleLines, endedRestrictions);
        }
    }
}
