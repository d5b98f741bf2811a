package nl.transfertafel.intake.clock.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import nl.transfertafel.intake.clock.application.WaitingClockJob;
import nl.transfertafel.intake.clock.domain.TreeknormSignals;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.intake.waitinglist.domain.StalePolicy;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.jobs.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The waiting clocks and their schedule: {@code transfertafel.intake.clocks.interval} (how often),
 * {@code initial-delay}, {@code at-risk-days} (default 7: one week before a deadline) and
 * {@code stale-after-days} (default 30).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    SignalRepository signalRepository(DatabaseClient db, Clock clock) {
        return new SignalRepository(db, clock);
    }

    @Bean
    StalePolicy stalePolicy(@Value("${transfertafel.intake.clocks.stale-after-days:30}") int staleAfterDays) {
        return new StalePolicy(staleAfterDays);
    }

    @Bean
    TreeknormSignals treeknormSignals(@Value("${transfertafel.intake.clocks.at-risk-days:7}") int atRiskDays) {
        return new TreeknormSignals(atRiskDays);
    }

    @Bean
    WaitingClockJob waitingClockJob(WaitingEntryRepository entries, SignalRepository signals, EntryChanges changes,
            Outbox outbox, TransactionalOperator tx, TreeknormSignals treeknorm, StalePolicy stalePolicy,
            MeterRegistry meters, Clock clock) {
        return new WaitingClockJob(entries, signals, changes, outbox, tx, treeknorm, stalePolicy, meters, clock);
    }

    @Bean
    PeriodicJob waitingClockSchedule(WaitingClockJob job, MeterRegistry meters,
            @Value("${transfertafel.intake.clocks.interval:PT15M}") Duration interval,
            @Value("${transfertafel.intake.clocks.initial-delay:PT30S}") Duration initialDelay) {
        return new PeriodicJob("waiting-clocks", initialDelay, interval, () -> {
            WaitingClockJob.Run run = job.run().block(Duration.ofMinutes(10));
            if (run != null && (run.signals() > 0 || run.stale() > 0)) {
                log.info("waiting clocks: {} Treeknorm signals, {} entries flagged stale", run.signals(), run.stale());
            }
        }, meters);
    }
}
