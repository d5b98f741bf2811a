package nl.transfertafel.transfertable.proposal.infrastructure;

import java.time.Clock;
import java.time.Duration;
import nl.transfertafel.transfertable.common.infrastructure.JobLeases;
import nl.transfertafel.transfertable.escalation.application.EscalationService;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.proposal.application.OfferService;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled work of the transfer table, each job on the injected business clock and callable
 * directly from tests: expiring offers, reminding of overdue screenings, opening escalations,
 * retrying reservations that capacity-service could not take, and a full matching round of every
 * region (time passing changes priorities and ends refusal cool-downs without any event).
 */
public class TransferTableJobs {

    private static final Logger log = LoggerFactory.getLogger(TransferTableJobs.class);
    static final String REMATCH = "transfer-table-rematch";

    private final OfferService offers;
    private final EscalationService escalations;
    private final ReadModelRepository readModel;
    private final MatchTrigger trigger;
    private final JobLeases leases;
    private final Clock clock;
    private final Duration rematchInterval;

    public TransferTableJobs(OfferService offers, EscalationService escalations, ReadModelRepository readModel,
            MatchTrigger trigger, JobLeases leases, Clock clock, Duration rematchInterval) {
        this.offers = offers;
        this.escalations = escalations;
        this.readModel = readModel;
        this.trigger = trigger;
        this.leases = leases;
        this.clock = clock;
        this.rematchInterval = rematchInterval;
    }

    /** One pass of the time-driven jobs; returns a short report. */
    public String runOnce() {
        int expired = offers.expireOffers().block(Duration.ofMinutes(2));
        int overdue = offers.signalOverdueScreenings().block(Duration.ofMinutes(2));
        int retried = offers.retryReservations().block(Duration.ofMinutes(2));
        int escalated = escalations.openDueEscalations().block(Duration.ofMinutes(5));
        String report = "expired=" + expired + " overdue=" + overdue + " reserved=" + retried + " escalated=" + escalated;
        log.debug("transfer-table jobs: {}", report);
        return report;
    }

    /**
     * Asks for a matching round in every region with waiting clients, on one instance per interval:
     * every instance schedules this, the one that claims the lease runs it (the others' rounds
     * would only repeat the same work under the region locks). Returns the number of regions asked.
     */
    public int rematchAllRegions() {
        if (!Boolean.TRUE.equals(leases.claim(REMATCH, clock.instant(), rematchInterval).block(Duration.ofMinutes(1)))) {
            log.debug("full rematch skipped: another instance ran it less than {} ago", rematchInterval);
            return 0;
        }
        return readModel.regions().doOnNext(trigger::request).count().blockOptional(Duration.ofMinutes(1))
                .orElse(0L).intValue();
    }
}
