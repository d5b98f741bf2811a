package nl.transfertafel.platform.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.platform.events.IdempotentConsumer;
import nl.transfertafel.testkit.engines.PostgresServer;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A harness, not a test: what the platform's consume path costs per event on real PostgreSQL, one
 * event per transaction ({@link IdempotentConsumer#process}, what every consumer does today) against
 * a poll's events in one transaction ({@link IdempotentConsumer#processAll}, the opt-in batch consumer).
 * The effect is one insert, like a small read-model update. Events are consumed one after the other,
 * as one partition's consumer does. Prints events/s for each, with {@code synchronous_commit} as the
 * server has it (the embedded engine: off) and on.
 *
 * <p>Run: {@code platform/bench-consume.sh [events] [batch]} (defaults 3000 and 100).
 */
public final class ConsumePathBench {

    private ConsumePathBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        PostgresServer postgres = SharedEngines.postgres();
        String database = "platform_bench";
        postgres.createDatabaseIfMissing(database);
        try (Connection jdbc = postgres.connect(database); Statement ddl = jdbc.createStatement()) {
            ddl.execute("""
                    create table if not exists processed_event (consumer text not null, event_id uuid not null,
                        event_type text not null, processed_at timestamptz not null default now(),
                        primary key (consumer, event_id))""");
            ddl.execute("create table if not exists bench_effect (id bigserial primary key, event_id uuid not null, region text)");
        }
        for (String synchronousCommit : List.of("server default", "on")) {
            if (synchronousCommit.equals("on")) {
                try (Connection jdbc = postgres.connect(database); Statement ddl = jdbc.createStatement()) {
                    ddl.execute("alter database " + database + " set synchronous_commit = on");
                }
            }
            ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(
                            ConnectionFactoryOptions.parse(postgres.r2dbcUrl(database)).mutate()
                                    .option(ConnectionFactoryOptions.USER, postgres.username())
                                    .option(ConnectionFactoryOptions.PASSWORD, postgres.password()).build()))
                    .maxSize(4).build());
            DatabaseClient db = DatabaseClient.create(pool);
            TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
            IdempotentConsumer consumer = new IdempotentConsumer(db, tx, new SimpleMeterRegistry());
            Function<EventEnvelope, Mono<?>> effect = event -> db.sql(
                            "insert into bench_effect (event_id, region) values (:id, :region)")
                    .bind("id", event.eventId()).bind("region", event.region()).then();

            // warm-up (JIT, pool), then measure
            perEvent(consumer, envelopes(500), effect);
            batched(consumer, envelopes(500), effect, batch);
            List<EventEnvelope> one = envelopes(events);
            List<EventEnvelope> other = envelopes(events);
            long start = System.nanoTime();
            perEvent(consumer, one, effect);
            double perEventRate = events / seconds(start);
            start = System.nanoTime();
            batched(consumer, other, effect, batch);
            double batchedRate = events / seconds(start);
            System.out.printf("synchronous_commit=%s events=%d batch=%d per_event_per_s=%.0f batched_per_s=%.0f ratio=%.1f%n",
                    synchronousCommit.replace(' ', '_'), events, batch, perEventRate, batchedRate, batchedRate / perEventRate);
            pool.dispose();
        }
        System.exit(0);
    }

    private static void perEvent(IdempotentConsumer consumer, List<EventEnvelope> events,
            Function<EventEnvelope, Mono<?>> effect) {
        for (EventEnvelope event : events) {
            consumer.process("bench.per-event", event, effect).block(Duration.ofSeconds(30));
        }
    }

    private static void batched(IdempotentConsumer consumer, List<EventEnvelope> events,
            Function<EventEnvelope, Mono<?>> effect, int batch) {
        for (int from = 0; from < events.size(); from += batch) {
            consumer.processAll("bench.batched", events.subList(from, Math.min(events.size(), from + batch)), effect)
                    .block(Duration.ofSeconds(30));
        }
    }

    private static List<EventEnvelope> envelopes(int count) {
        List<EventEnvelope> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NewEvent event = nl.transfertafel.platform.events.BenchEvents.referralReceived("bench-" + UUID.randomUUID());
            all.add(EventJson.envelop(event, event.eventId()));
        }
        return all;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
