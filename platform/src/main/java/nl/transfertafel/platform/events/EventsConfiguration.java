package nl.transfertafel.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.propagation.Propagator;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Map;
import nl.transfertafel.platform.jobs.ClusterLock;
import nl.transfertafel.platform.jobs.PeriodicJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the one outbox, relay and idempotent-consumer mechanism into every service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
public class EventsConfiguration {

    @Bean
    Outbox outbox(DatabaseClient db, @Value("${transfertafel.outbox.lanes:32}") int lanes, TraceContext traces) {
        return new Outbox(db, lanes, traces);
    }

    /** The trace across outbox and Kafka; without Micrometer Tracing's beans it carries nothing. */
    @Bean
    TraceContext traceContext(ObjectProvider<ObservationRegistry> registry, ObjectProvider<Propagator> propagator) {
        return new TraceContext(registry.getIfAvailable(() -> ObservationRegistry.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean(destroyMethod = "close")
    KafkaPublisher kafkaPublisher(Environment environment,
            @Value("${transfertafel.kafka.partitions:32}") int partitions,
            @Value("${transfertafel.kafka.replication-factor:1}") short replicationFactor,
            ObjectProvider<ObservationRegistry> observations, MeterRegistry meters) {
        // Spring Kafka's KafkaTemplate, observed (producer spans, trace headers) and metered (client metrics)
        return new KafkaPublisher(KafkaClientSettings.of(environment), partitions, replicationFactor,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), meters);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaPublisher publisher, MeterRegistry meters,
            @Value("${transfertafel.outbox.batch-size:200}") int batchSize,
            @Value("${transfertafel.outbox.lanes:32}") int lanes,
            @Value("${transfertafel.outbox.max-attempts:5}") int maxAttempts) {
        return new OutboxRelay(db, tx, publisher, meters, new OutboxRelay.Settings(batchSize, lanes, maxAttempts));
    }

    /**
     * The relay's job: woken on commit by {@link OutboxWakeUp}, otherwise a slow fallback poll
     * ({@code poll-interval}); after a failed send it tries again after {@code retry-interval}.
     */
    @Bean
    PeriodicJob outboxRelayJob(OutboxRelay relay, MeterRegistry meters,
            @Value("${transfertafel.outbox.poll-interval:5s}") Duration pollInterval,
            @Value("${transfertafel.outbox.retry-interval:1s}") Duration retryInterval) {
        PeriodicJob[] job = new PeriodicJob[1]; // the work schedules its own retry on the job that runs it
        job[0] = new PeriodicJob("outbox-relay", Duration.ofMillis(100), pollInterval, () -> {
            if (relay.drain() == OutboxRelay.Outcome.RETRY) {
                job[0].wakeIn(retryInterval);
            }
        }, meters);
        return job[0];
    }

    @Bean
    OutboxWakeUp outboxWakeUp(ConnectionFactory connections, @Qualifier("outboxRelayJob") PeriodicJob outboxRelayJob,
            MeterRegistry meters) {
        return new OutboxWakeUp(connections, outboxRelayJob, meters);
    }

    @Bean
    ParkedOutboxController parkedOutboxController(OutboxRelay relay, @Qualifier("outboxRelayJob") PeriodicJob outboxRelayJob) {
        return new ParkedOutboxController(relay, outboxRelayJob);
    }

    @Bean
    ClusterLock clusterLock(DatabaseClient db) {
        return new ClusterLock(db);
    }

    @Bean
    OutboxHousekeeping outboxHousekeeping(DatabaseClient db, OutboxRelay relay,
            @Value("${transfertafel.outbox.sent-retention:P3D}") Duration sentRetention,
            @Value("${transfertafel.events.processed-retention:P14D}") Duration processedRetention) {
        return new OutboxHousekeeping(db, relay, sentRetention, processedRetention);
    }

    @Bean
    PeriodicJob outboxHousekeepingJob(OutboxHousekeeping housekeeping, ClusterLock clusterLock, MeterRegistry meters,
            @Value("${transfertafel.outbox.housekeeping-interval:PT5M}") Duration interval) {
        return new PeriodicJob("outbox-housekeeping", interval,
                clusterLock.onOneInstance("outbox-housekeeping", housekeeping::runOnce), meters);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(DatabaseClient db, TransactionalOperator tx, MeterRegistry meters) {
        return new IdempotentConsumer(db, tx, meters);
    }

    @Bean
    EventConsumers eventConsumers(IdempotentConsumer idempotentConsumer, TraceContext traces) {
        return new EventConsumers(idempotentConsumer, traces);
    }

    /** Retries and dead letters of every consumer binding: see {@link ConsumerErrorHandling}. */
    @Bean
    ConsumerErrorHandling consumerErrorHandling(Environment environment,
            @Value("${transfertafel.events.infrastructure-retry.initial-backoff:200ms}") Duration initialBackOff,
            @Value("${transfertafel.events.infrastructure-retry.max-backoff:10s}") Duration maxBackOff,
            @Value("${transfertafel.events.batch.max-poll-records:100}") int batchMaxPollRecords,
            MeterRegistry meters) {
        return new ConsumerErrorHandling(KafkaClientSettings.of(environment), initialBackOff, maxBackOff, meters,
                batchMaxPollRecords);
    }
}
