package nl.transfertafel.platform.bench;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.platform.events.EventConsumers;
import nl.transfertafel.platform.events.IdempotentConsumer;
import nl.transfertafel.testkit.engines.PostgresServer;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A harness, not a test: what the platform's consume path costs per event on real PostgreSQL, through
 * the consumers services bind: {@link EventConsumers#consumer} (one record, one transaction) against
 * {@link EventConsumers#batchConsumer} (one poll of {@code batch} records, one transaction), both handed
 * the records' bytes as the binder does (envelope parsing, observation, MDC and all; no broker). The
 * effect is one insert, like a small read-model update. Records are consumed one after the other, as
 * one partition's consumer does. Prints events/s and PostgreSQL commits per event (the database's
 * {@code xact_commit}) for each, with {@code synchronous_commit} as the server has it (the embedded
 * engine: off) and on.
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
            // warm-up (JIT) on connections of its own, then each way on fresh connections: a backend reports
            // its commits when it ends, so closing the pool makes the count complete
            run(postgres, database, false, records(500), batch);
            run(postgres, database, true, records(500), batch);
            List<byte[]> one = records(events);
            List<byte[]> other = records(events);
            long commits = commits(postgres, database);
            double perEventRate = events / run(postgres, database, false, one, batch);
            long perEventCommits = commits(postgres, database) - commits;
            commits = commits(postgres, database);
            double batchedRate = events / run(postgres, database, true, other, batch);
            long batchedCommits = commits(postgres, database) - commits;
            System.out.printf("synchronous_commit=%s events=%d batch=%d per_event_per_s=%.0f batched_per_s=%.0f ratio=%.1f"
                            + " per_event_commits_per_event=%.3f batched_commits_per_event=%.3f%n",
                    synchronousCommit.replace(' ', '_'), events, batch, perEventRate, batchedRate, batchedRate / perEventRate,
                    (double) perEventCommits / events, (double) batchedCommits / events);
        }
        System.exit(0);
    }

    /** Consumes the records one way on a pool of its own, closed afterwards; returns the seconds it took. */
    private static double run(PostgresServer postgres, String database, boolean perPoll, List<byte[]> records, int batch) {
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(
                        ConnectionFactoryOptions.parse(postgres.r2dbcUrl(database)).mutate()
                                .option(ConnectionFactoryOptions.USER, postgres.username())
                                .option(ConnectionFactoryOptions.PASSWORD, postgres.password()).build()))
                .maxSize(4).build());
        try {
            DatabaseClient db = DatabaseClient.create(pool);
            TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
            EventConsumers consumers = new EventConsumers(new IdempotentConsumer(db, tx, new SimpleMeterRegistry()));
            Function<EventEnvelope, Mono<?>> effect = event -> db.sql(
                            "insert into bench_effect (event_id, region) values (:id, :region)")
                    .bind("id", event.eventId()).bind("region", event.region()).then();
            long start = System.nanoTime();
            if (perPoll) {
                batched(consumers.batchConsumer("bench.per-poll", effect), records, batch);
            } else {
                perEvent(consumers.consumer("bench.per-record", effect), records);
            }
            return seconds(start);
        } finally {
            pool.dispose();
        }
    }

    private static void perEvent(Consumer<Message<byte[]>> consumer, List<byte[]> records) {
        for (byte[] record : records) {
            consumer.accept(MessageBuilder.withPayload(record).build());
        }
    }

    private static void batched(Consumer<Message<List<byte[]>>> consumer, List<byte[]> records, int batch) {
        for (int from = 0; from < records.size(); from += batch) {
            consumer.accept(MessageBuilder.withPayload(records.subList(from, Math.min(records.size(), from + batch))).build());
        }
    }

    private static List<byte[]> records(int count) {
        List<byte[]> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NewEvent event = nl.transfertafel.platform.events.BenchEvents.referralReceived("bench-" + UUID.randomUUID());
            all.add(EventJson.write(EventJson.envelop(event, event.eventId())).getBytes(StandardCharsets.UTF_8));
        }
        return all;
    }

    /**
     * Commits of the bench database so far, as PostgreSQL counts them (backends report when they end or
     * after a while): read until the count stays the same, inside one open transaction so the reads add
     * no commits of their own.
     */
    private static long commits(PostgresServer postgres, String database) throws Exception {
        try (Connection jdbc = postgres.connect(database)) {
            jdbc.setAutoCommit(false);
            AtomicLong last = new AtomicLong(-1);
            try {
                await().pollDelay(Duration.ofMillis(1_100)).pollInterval(Duration.ofMillis(1_100))
                        .atMost(Duration.ofSeconds(35)).until(() -> last.getAndSet(xactCommit(jdbc)) == last.get());
            } catch (ConditionTimeoutException stillMoving) {
                // the count kept moving for 35 s: report the last one read, as before
            }
            jdbc.rollback();
            return last.get();
        }
    }

    private static long xactCommit(Connection jdbc) throws Exception {
        try (Statement query = jdbc.createStatement()) {
            query.execute("select pg_stat_clear_snapshot()");
            try (var rows = query.executeQuery(
                    "select xact_commit from pg_stat_database where datname = current_database()")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
