package nl.transfertafel.transfertable.common.infrastructure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.transfertable.escalation.application.EscalationService;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.proposal.application.OfferService;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The scheduled work of the transfer table, each job on the injected business clock and callable
 * directly from tests: expiring offers, reminding of overdue screenings, opening escalations,
 * retrying reservations that capacity-service could not take, and a full matching round of every
 * region (time passing changes priorities and ends refusal cool-downs without any event).
 */
public class TransferTableJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TransferTableJobs.class);

    private final OfferService offers;
    private final EscalationService escalations;
    private final ReadModelRepository readModel;
    private final MatchTrigger trigger;
    private final boolean enabled;
    private final Duration interval;
    private final Duration matchingSchedule;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public TransferTableJobs(OfferService offers, EscalationService escalations, ReadModelRepository readModel,
            MatchTrigger trigger, boolean enabled, Duration interval, Duration matchingSchedule) {
        this.offers = offers;
        this.escalations = escalations;
        this.readModel = readModel;
        this.trigger = trigger;
        this.enabled = enabled;
        this.interval = interval;
        this.matchingSchedule = matchingSchedule;
    }

    /** One pass of the time-driven jobs; returns a short report. */
    public String runOnce() {
        int expired = offers.expireOffers().block(Duration.ofMinutes(2));
        int overdue = offers.signalOverdueScreenings().block(Duration.ofMinutes(2));
        int retried = offers.retryReservations().block(Duration.ofMinutes(2));
        int escalated = escalations.openDueEscalations().block(Duration.ofMinutes(5));
        return "expired=" + expired + " overdue=" + overdue + " reserved=" + retried + " escalated=" + escalated;
    }

    /** Asks for a matching round in every region with waiting clients. */
    public void rematchAllRegions() {
        readModel.regions().doOnNext(trigger::request).blockLast(Duration.ofMinutes(1));
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "transfer-table-jobs");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> guarded("jobs", this::runOnce), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("rematch", () -> {
            rematchAllRegions();
            return "requested";
        }), matchingSchedule.toMillis(), matchingSchedule.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void guarded(String name, java.util.function.Supplier<String> job) {
        try {
            String report = job.get();
            log.debug("transfer-table {}: {}", name, report);
        } catch (RuntimeException e) {
            log.warn("transfer-table {} failed, will retry: {}", name, e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
