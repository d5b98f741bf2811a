package nl.transfertafel.intake.clock.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.intake.clock.application.WaitingClockJob;
import nl.transfertafel.intake.clock.domain.TreeknormSignals;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.intake.waitinglist.domain.StalePolicy;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import nl.transfertafel.platform.events.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
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
    SmartLifecycle waitingClockSchedule(WaitingClockJob job,
            @Value("${transfertafel.intake.clocks.interval:PT15M}") Duration interval,
            @Value("${transfertafel.intake.clocks.initial-delay:PT30S}") Duration initialDelay) {
        return new Schedule(job, interval, initialDelay);
    }

    static final class Schedule implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(Schedule.class);

        private final WaitingClockJob job;
        private final Duration interval;
        private final Duration initialDelay;
        private ScheduledExecutorService scheduler;
        private volatile boolean running;

        Schedule(WaitingClockJob job, Duration interval, Duration initialDelay) {
            this.job = job;
            this.interval = interval;
            this.initialDelay = initialDelay;
        }

        private void tick() {
            try {
                WaitingClockJob.Run run = job.run().block(Duration.ofMinutes(10));
                if (run != null && (run.signals() > 0 || run.stale() > 0)) {
                    log.info("waiting clocks: {} Treeknorm signals, {} entries flagged stale", run.signals(), run.stale());
                }
            } catch (RuntimeException e) {
                log.warn("waiting clocks run failed, will run again next interval: {}", e.toString());
            }
        }

        @Override
        public void start() {
            running = true;
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "waiting-clocks");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::tick, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
}
