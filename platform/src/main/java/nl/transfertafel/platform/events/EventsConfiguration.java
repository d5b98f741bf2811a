package nl.transfertafel.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import nl.transfertafel.platform.jobs.PeriodicJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the one outbox, relay and idempotent-consumer mechanism into every service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
public class EventsConfiguration {

    @Bean
    Outbox outbox(DatabaseClient db) {
        return new Outbox(db);
    }

    @Bean(destroyMethod = "close")
    KafkaPublisher kafkaPublisher(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${transfertafel.kafka.partitions:3}") int partitions,
            @Value("${transfertafel.kafka.replication-factor:1}") short replicationFactor) {
        return new KafkaPublisher(brokers, partitions, replicationFactor);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaPublisher publisher, MeterRegistry meters,
            @Value("${transfertafel.outbox.batch-size:200}") int batchSize) {
        return new OutboxRelay(db, tx, publisher, meters, batchSize);
    }

    @Bean
    PeriodicJob outboxRelayJob(OutboxRelay relay, MeterRegistry meters,
            @Value("${transfertafel.outbox.poll-interval:100ms}") Duration pollInterval) {
        return new PeriodicJob("outbox-relay", pollInterval, relay::drain, meters);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(DatabaseClient db, TransactionalOperator tx, MeterRegistry meters) {
        return new IdempotentConsumer(db, tx, meters);
    }

    @Bean
    EventConsumers eventConsumers(IdempotentConsumer idempotentConsumer) {
        return new EventConsumers(idempotentConsumer);
    }
}
