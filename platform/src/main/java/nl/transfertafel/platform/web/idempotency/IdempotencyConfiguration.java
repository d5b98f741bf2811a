package nl.transfertafel.platform.web.idempotency;

import java.time.Clock;
import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import nl.transfertafel.platform.jobs.PeriodicJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
    PeriodicJob idempotencyKeyPurge(IdempotentRequests requests, MeterRegistry meters,
            @Value("${transfertafel.idempotency.purge-interval:PT1H}") Duration interval) {
        return new PeriodicJob("idempotency-key-purge", interval, () -> requests.purgeExpired().block(Duration.ofMinutes(1)),
                meters);
    }
}
