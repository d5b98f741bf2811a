package nl.transfertafel.transfertable.proposal.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.client.ServiceClients;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.events.TraceContext;
import nl.transfertafel.platform.jobs.PeriodicJob;
import nl.transfertafel.transfertable.common.application.TransferTableSettings;
import nl.transfertafel.transfertable.common.infrastructure.JobLeases;
import nl.transfertafel.transfertable.escalation.application.EscalationService;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.matching.application.RegionDebouncer;
import nl.transfertafel.transfertable.matching.application.RegionSnapshots;
import nl.transfertafel.transfertable.matching.domain.Eligibility;
import nl.transfertafel.transfertable.matching.domain.MatchRound;
import nl.transfertafel.transfertable.matching.infrastructure.BlockRepository;
import nl.transfertafel.transfertable.proposal.application.MatchingRounds;
import nl.transfertafel.transfertable.proposal.application.OfferService;
import nl.transfertafel.transfertable.proposal.application.ProposalChanges;
import nl.transfertafel.transfertable.proposal.application.ReactionsToCapacityAndIntake;
import nl.transfertafel.transfertable.proposal.application.ReservationGateway;
import nl.transfertafel.transfertable.proposal.application.ScreeningBacklog;
import nl.transfertafel.transfertable.proposal.application.ScreeningService;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.readmodel.infrastructure.RegionCandidates;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.waitinglist.infrastructure.WaitingListScreeningRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Proposals: the matching rounds that make them (and the debounced trigger that asks for rounds), screening,
 * offers and reservations, the reactions to intake's and capacity's events, and the time-driven jobs.
 */
@Configuration(proxyBeanMethods = false)
public class ProposalConfiguration {

    @Bean
    ProposalRepository proposalRepository(DatabaseClient db) {
        return new ProposalRepository(db);
    }

    @Bean
    RegionSnapshots regionSnapshots(ReadModelRepository readModel, RegionCandidates candidates,
            ProposalRepository proposals, WaitingListScreeningRepository screenings) {
        return new RegionSnapshotQuery(readModel, candidates, proposals, screenings);
    }

    @Bean
    ReservationGateway reservationGateway(ServiceClients clients,
            @Value("${transfertafel.services.capacity-url}") String capacityUrl,
            @Value("${transfertafel.transfer-table.reservation-timeout:10s}") Duration timeout) {
        return new CapacityReservationClient(clients, capacityUrl, timeout);
    }

    @Bean
    QueueEvents queueEvents() {
        return new QueueEvents();
    }

    // ------------------------------------------------------------------ matching rounds and their trigger

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
     * for a quiet region, coalesced while one runs (ADR 0703); waiting-list changes share rounds (ADR 1180).
     */
    @Bean
    RegionDebouncer<Observation> regionDebouncer(ScheduledExecutorService matchingRounds, MatchingRounds rounds,
            ObjectProvider<ObservationRegistry> observations, TraceContext traces,
            @Value("${transfertafel.transfer-table.matching.min-gap}") Duration minGap,
            @Value("${transfertafel.transfer-table.matching.waiting-list-gap}") Duration waitingListGap,
            @Value("${transfertafel.transfer-table.matching.enabled:true}") boolean enabled) {
        RegionDebouncer.Scheduler scheduler = (task, delay) -> {
            var future = matchingRounds.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
        // each round continues the trace of the first request it covers (ADR 0740)
        return new RegionDebouncer<>(minGap, waitingListGap, scheduler, Clock.systemUTC(), new ObservedRounds(rounds,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), traces, enabled));
    }

    @Bean
    MatchTrigger matchTrigger(RegionDebouncer<Observation> debouncer, ObjectProvider<ObservationRegistry> observations) {
        return new MatchTrigger(debouncer, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    MatchingRounds matchingRoundsService(RegionSnapshots snapshots, ReadModelRepository readModel,
            ProposalRepository proposals, BlockRepository blocks, Outbox outbox, AuditLog audit,
            TransactionalOperator tx, MatchRound round, Eligibility eligibility, TransferTableSettings settings,
            Clock clock, MeterRegistry meters) {
        return new MatchingRounds(snapshots, readModel, proposals, blocks, outbox, audit, tx, round, eligibility,
                settings, clock, meters);
    }

    // ------------------------------------------------------------------ screening, offers, reactions

    @Bean
    ProposalChanges proposalChanges(ProposalRepository proposals, Outbox outbox) {
        return new ProposalChanges(proposals, outbox);
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
    ReactionsToCapacityAndIntake reactionsToCapacityAndIntake(ProposalRepository proposals, ProposalChanges changes,
            BlockRepository blocks, MatchTrigger trigger, Clock clock, MeterRegistry meters) {
        return new ReactionsToCapacityAndIntake(proposals, changes, blocks, trigger, clock, meters);
    }

    // ------------------------------------------------------------------ time-driven jobs

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
    ScreeningBacklog screeningBacklog(ProposalRepository proposals, MeterRegistry meters) {
        return new ScreeningBacklog(proposals, meters);
    }

    /** Counts the screening backlog per region for its gauge (issue 12), on the jobs' interval. */
    @Bean
    @ConditionalOnProperty(name = "transfertafel.transfer-table.jobs.enabled", havingValue = "true", matchIfMissing = true)
    PeriodicJob screeningBacklogJob(ScreeningBacklog backlog, MeterRegistry meters,
            @Value("${transfertafel.transfer-table.jobs.interval}") Duration interval) {
        return new PeriodicJob("transfer-table-screening-backlog", interval,
                () -> backlog.refresh().block(Duration.ofMinutes(1)), meters);
    }
}
