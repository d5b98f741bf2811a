package nl.transfertafel.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka in id order, keyed by region, and marks them sent. Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so several instances of a service never publish the same row
 * twice at once. When the broker is down the send fails, nothing is marked, and the rows go out on
 * a later tick: a restart or an outage loses nothing. (A crash between send and mark can publish a
 * row again; consumers are idempotent by event id, which is why that is safe.)
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaPublisher publisher;
    private final int batchSize;
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaPublisher publisher, MeterRegistry meters,
            int batchSize) {
        this.db = db;
        this.tx = tx;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.published = Counter.builder("transfertafel.outbox.published").register(meters);
        this.failures = Counter.builder("transfertafel.outbox.publish.failures").register(meters);
    }

    /** Publishes one batch; returns how many rows went out. Public for tests and for a manual flush. */
    public int publishBatch() {
        Integer sent = tx.transactional(db.sql("""
                                select id, topic, message_key, event_type, envelope from outbox
                                where published_at is null order by id limit :limit for update skip locked""")
                        .bind("limit", batchSize)
                        .map(row -> new Row(row.get("id", Long.class), row.get("topic", String.class),
                                row.get("message_key", String.class), row.get("event_type", String.class),
                                row.get("envelope", String.class)))
                        .all()
                        .collectList()
                        // Kafka sends block: never on the database driver's event loop
                        .publishOn(Schedulers.boundedElastic())
                        .flatMap(rows -> {
                            List<Long> done = new ArrayList<>();
                            String error = null;
                            Long failed = null;
                            for (Row row : rows) {
                                try {
                                    send(row);
                                    done.add(row.id());
                                } catch (RuntimeException e) {
                                    failed = row.id();
                                    error = e.getClass().getSimpleName() + ": " + e.getMessage();
                                    break; // keep per-region order: nothing after a failed row goes out first
                                }
                            }
                            return markPublished(done)
                                    .then(markFailed(failed, error))
                                    .thenReturn(done.size());
                        }))
                .blockOptional(Duration.ofMinutes(1))
                .orElse(0);
        published.increment(sent);
        return sent;
    }

    private void send(Row row) {
        publisher.send(row.topic(), row.key(), row.type(), row.envelope());
    }

    private Mono<Void> markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update outbox set published_at = now() where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .then();
    }

    private Mono<Void> markFailed(Long id, String error) {
        if (id == null) {
            return Mono.empty();
        }
        failures.increment();
        log.warn("outbox row {} not published yet, will retry: {}", id, error);
        return db.sql("update outbox set attempts = attempts + 1, last_error = :error where id = :id")
                .bind("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .bind("id", id)
                .then();
    }

    /** Publishes batches until the outbox is empty (or a batch fails): one run of the relay's job. */
    public void drain() {
        int sent;
        do {
            sent = publishBatch();
        } while (sent == batchSize && !Thread.currentThread().isInterrupted());
    }

    private record Row(Long id, String topic, String key, String type, String envelope) {
    }
}
