package nl.transfertafel.transfertable.common.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.matching.MatchingEngine;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.client.ServiceClients;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.transfertable.common.application.TransferTableSettings;
import nl.transfertafel.transfertable.escalation.application.EscalationService;
import nl.transfertafel.transfertable.escalation.domain.EscalationPolicy;
import nl.transfertafel.transfertable.escalation.infrastructure.EscalationRepository;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.matching.application.MatchingService;
import nl.transfertafel.transfertable.matching.application.RegionDebouncer;
import nl.transfertafel.transfertable.matching.domain.Eligibility;
import nl.transfertafel.transfertable.matching.domain.MatchRound;
import nl.transfertafel.transfertable.matching.infrastructure.BlockRepository;
import nl.transfertafel.transfertable.proposal.application.OfferService;
import nl.transfertafel.transfertable.proposal.application.ProposalChanges;
import nl.transfertafel.transfertable.proposal.application.ReservationGateway;
import nl.transfertafel.transfertable.proposal.application.ScreeningService;
import nl.transfertafel.transfertable.proposal.infrastructure.CapacityReservationClient;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import nl.transfertafel.transfertable.proposal.infrastructure.QueueEvents;
import nl.transfertafel.transfertable.readmodel.application.ReadModelProjector;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.waitinglist.application.WaitingListScreeningService;
import nl.transfertafel.transfertable.waitinglist.infrastructure.WaitingListScreeningRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.transfertafel.platform.jobs.PeriodicJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires the transfer table: plain domain objects, the application services, the repositories, the
 * reservation client and the debounced matching trigger. Settings are the
 * {@code transfertafel.transfer-table.*} properties (defaults in transfer-table-service.yml).
 */
@Configuration(proxyBeanMethods = false)
public class TransferTableConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TransferTableConfiguration.class);

    @Bean
    TransferTableSettings transferTableSettings(
            @Value("${transfertafel.transfer-table.offer-ttl}") Duration offerTtl,
            @Value("${transfertafel.transfer-table.refusal-cooldown}") Duration refusalCooldown,
            @Value("${transfertafel.transfer-table.screening-overdue-after}") Duration screeningOverdueAfter,
            @Value("${transfertafel.transfer-table.escalation.no-capacity-after}") Duration noCapacityAfter,
            @Value("${transfertafel.transfer-table.escalation.urgent-after}") Duration urgentAfter,
            @Value("${transfertafel.transfer-table.default-max-travel-km}") int defaultMaxTravelKm) {
        return new TransferTableSettings(offerTtl, refusalCooldown, screeningOverdueAfter, noCapacityAfter, urgentAfter,
                defaultMaxTravelKm);
    }

    // ------------------------------------------------------------------ domain

    @Bean
    Eligibility eligibility() {
        return Eligibility.standard();
    }

    @Bean
    FourEyesPolicy fourEyesPolicy() {
        return new FourEyesPolicy();
    }

    @Bean
    MatchRound matchRound(Eligibility eligibility,
            @Value("${transfertafel.transfer-table.matching.parallelism:1}") int parallelism) {
        return new MatchRound(new MatchingEngine(parallelism), eligibility);
    }

    @Bean
    EscalationPolicy escalationPolicy(TransferTableSettings settings) {
        return new EscalationPolicy(settings.escalationNoCapacityAfter(), settings.escalationUrgentAfter());
    }

    // ------------------------------------------------------------------ repositories and clients

    @Bean
    ReadModelRepository readModelRepository(DatabaseClient db) {
        return new ReadModelRepository(db);
    }

    @Bean
    ProposalRepository proposalRepository(DatabaseClient db) {
        return new ProposalRepository(db);
    }

    @Bean
    BlockRepository blockRepository(DatabaseClient db) {
        return new BlockRepository(db);
    }

    @Bean
    WaitingListScreeningRepository waitingListScreeningRepository(DatabaseClient db) {
        return new WaitingListScreeningRepository(db);
    }

    @Bean
    EscalationRepository escalationRepository(DatabaseClient db) {
        return new EscalationRepository(db);
    }

    @Bean
    ReservationGateway reservationGateway(ServiceClients clients,
            @Value("${transfertafel.services.capacity-url}") String capacityUrl,
            @Value("${transfertafel.transfer-table.reservation-timeout:10s}") Duration timeout) {
        return new CapacityReservationClient(clients, capacityUrl, timeout);
    }

    @Bean
    nl.transfertafel.transfertable.figures.infrastructure.FiguresRepository figuresRepository(DatabaseClient db) {
        return new nl.transfertafel.transfertable.figures.infrastructure.FiguresRepository(db);
    }

    @Bean
    QueueEvents queueEvents() {
        return new QueueEvents();
    }

    // ------------------------------------------------------------------ matching trigger

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService matchingRounds() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "matching-rounds");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Rounds run on real time (the system clock), not on the business clock that tests move: at once
     * for a quiet region, coalesced while one runs (ADR 0703).
     */
    @Bean
    RegionDebouncer regionDebouncer(ScheduledExecutorService matchingRounds, MatchingService matching,
            @Value("${transfertafel.transfer-table.matching.min-gap}") Duration minGap,
            @Value("${transfertafel.transfer-table.matching.enabled:true}") boolean enabled) {
        RegionDebouncer.Scheduler scheduler = (task, delay) -> {
            var future = matchingRounds.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
        return new RegionDebouncer(minGap, scheduler, Clock.systemUTC(), region -> {
            if (!enabled) {
                return;
            }
            try {
                matching.runRegion(region).block(Duration.ofMinutes(5));
            } catch (RuntimeException e) {
                log.warn("matching round for region {} failed, the next event or the schedule retries: {}", region,
                        e.toString());
            }
        });
    }

    @Bean
    MatchTrigger matchTrigger(RegionDebouncer debouncer) {
        return new MatchTrigger(debouncer);
    }

    // ------------------------------------------------------------------ application services

    @Bean
    MatchingService matchingService(ReadModelRepository readModel, ProposalRepository proposals, BlockRepository blocks,
            WaitingListScreeningRepository screenings, Outbox outbox, AuditLog audit, TransactionalOperator tx,
            MatchRound round, Eligibility eligibility, TransferTableSettings settings, Clock clock,
            MeterRegistry meters) {
        return new MatchingService(readModel, proposals, blocks, screenings, outbox, audit, tx, round, eligibility,
                settings, clock, meters);
    }

    @Bean
    ProposalChanges proposalChanges(ProposalRepository proposals, Outbox outbox) {
        return new ProposalChanges(proposals, outbox);
    }

    @Bean
    EscalationService escalationService(EscalationRepository escalations, ReadModelRepository readModel,
            MatchingService matching, Eligibility eligibility, EscalationPolicy policy, Outbox outbox, AuditLog audit,
            TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        return new EscalationService(escalations, readModel, matching, eligibility, policy, outbox, audit, tx, clock,
                meters);
    }

    @Bean
    OfferService offerService(ProposalRepository proposals, ProposalChanges changes, ReservationGateway reservations,
            ReadModelRepository readModel, EscalationService escalations, Outbox outbox, AuditLog audit,
            TransactionalOperator tx, MatchTrigger trigger, TransferTableSettings settings, Clock clock,
            MeterRegistry meters) {
        return new OfferService(proposals, changes, reservations, readModel, escalations, outbox, audit, tx, trigger,
                settings, clock, meters);
    }

    @Bean
    ScreeningService screeningService(ProposalRepository proposals, ProposalChanges changes, OfferService offers,
            FourEyesPolicy fourEyes, AuditLog audit, TransactionalOperator tx, MatchTrigger trigger, Clock clock,
            MeterRegistry meters) {
        return new ScreeningService(proposals, changes, offers, fourEyes, audit, tx, trigger, clock, meters);
    }

    @Bean
    WaitingListScreeningService waitingListScreeningService(WaitingListScreeningRepository screenings,
            ReadModelRepository readModel, FourEyesPolicy fourEyes, AuditLog audit, TransactionalOperator tx,
            MatchTrigger trigger, Clock clock) {
        return new WaitingListScreeningService(screenings, readModel, fourEyes, audit, tx, trigger, clock);
    }

    @Bean
    ReadModelProjector readModelProjector(ReadModelRepository repository, BlockRepository blocks, OfferService offers,
            MatchTrigger trigger, Clock clock) {
        return new ReadModelProjector(repository, blocks, offers, trigger, clock);
    }

    @Bean
    JobLeases jobLeases(DatabaseClient db) {
        return new JobLeases(db);
    }

    @Bean
    TransferTableJobs transferTableJobs(OfferService offers, EscalationService escalations,
            ReadModelRepository readModel, MatchTrigger trigger, JobLeases leases, Clock clock,
            @Value("${transfertafel.transfer-table.matching.schedule}") Duration matchingSchedule) {
        return new TransferTableJobs(offers, escalations, readModel, trigger, leases, clock, matchingSchedule);
    }

    /** Expiry, overdue screenings, reservation retries and escalations, on the platform's job mechanism. */
    @Bean
    @ConditionalOnProperty(name = "transfertafel.transfer-table.jobs.enabled", havingValue = "true", matchIfMissing = true)
    PeriodicJob transferTableJob(TransferTableJobs jobs, MeterRegistry meters,
            @Value("${transfertafel.transfer-table.jobs.interval}") Duration interval) {
        return new PeriodicJob("transfer-table-jobs", interval, jobs::runOnce, meters);
    }

    /** A full rematch of every region now and then, besides the event-driven rounds. */
    @Bean
    @ConditionalOnProperty(name = "transfertafel.transfer-table.jobs.enabled", havingValue = "true", matchIfMissing = true)
    PeriodicJob rematchJob(TransferTableJobs jobs, MeterRegistry meters,
            @Value("${transfertafel.transfer-table.matching.schedule}") Duration matchingSchedule) {
        return new PeriodicJob("transfer-table-rematch", matchingSchedule, jobs::rematchAllRegions, meters);
    }

    @Bean
    nl.transfertafel.transfertable.proposal.application.ScreeningBacklog screeningBacklog(ProposalRepository proposals,
            MeterRegistry meters) {
        return new nl.transfertafel.transfertable.proposal.application.ScreeningBacklog(proposals, meters);
    }

    /** Counts the screening backlog per region for its gauge (issue 12), on the jobs' interval. */
    @Bean
    @ConditionalOnProperty(name = "transfertafel.transfer-table.jobs.enabled", havingValue = "true", matchIfMissing = true)
    PeriodicJob screeningBacklogJob(nl.transfertafel.transfertable.proposal.application.ScreeningBacklog backlog,
            MeterRegistry meters, @Value("${transfertafel.transfer-table.jobs.interval}") Duration interval) {
        return new PeriodicJob("transfer-table-screening-backlog", interval,
                () -> backlog.refresh().block(Duration.ofMinutes(1)), meters);
    }
}
