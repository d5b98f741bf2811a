package nl.transfertafel.platform.web.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires {@link IdempotentRequests} into every service, and purges expired keys now and then. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
public class IdempotencyConfiguration {

    @Bean
    IdempotentRequests idempotentRequests(DatabaseClient db, TransactionalOperator tx, Clock clock,
            @Value("${transfertafel.idempotency.retention:P7D}") Duration retention) {
        return new IdempotentRequests(db, tx, clock, retention);
    }

    @Bean
    SmartLifecycle idempotencyKeyPurger(IdempotentRequests requests,
            @Value("${transfertafel.idempotency.purge-interval:PT1H}") Duration interval) {
        return new Purger(requests, interval);
    }

    static final class Purger implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(Purger.class);

        private final IdempotentRequests requests;
        private final Duration interval;
        private ScheduledExecutorService scheduler;
        private volatile boolean running;

        Purger(IdempotentRequests requests, Duration interval) {
            this.requests = requests;
            this.interval = interval;
        }

        @Override
        public void start() {
            running = true;
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "idempotency-key-purge");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void purge() {
            try {
                Long purged = requests.purgeExpired().block(Duration.ofMinutes(1));
                log.debug("purged {} expired idempotency keys", purged);
            } catch (RuntimeException e) {
                log.warn("purging expired idempotency keys failed, will retry: {}", e.toString());
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
}
