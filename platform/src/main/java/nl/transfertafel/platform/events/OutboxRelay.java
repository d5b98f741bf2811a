package nl.transfertafel.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.transfertafel.platform.events.KafkaPublisher.Outgoing;
import nl.transfertafel.platform.events.KafkaPublisher.Sent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka, keyed by region, and marks them sent; see
 * docs/adr/0010-outbox-lanes-keep-region-order-across-instances.md.
 *
 * <p>Rows sit in lanes (hash of the region). A lane is relayed by one relay at a time, in id order,
 * under a transaction-level advisory lock: with any number of instances a region's rows leave in the
 * order the outbox holds them, and instances share the work lane by lane (a relay skips a lane
 * another holds). A row is published only once its transaction committed, so one committed later
 * goes out later. When the broker is down the send fails, nothing after the failed row is marked,
 * and the lane goes out on a later run: an outage or a restart loses nothing. (A crash between send
 * and mark can publish rows again, in order; consumers are idempotent by event id.)
 *
 * <p>A row the broker refuses for good (too large, invalid topic) is <em>parked</em> after
 * {@code maxAttempts} attempts: it no longer holds up its lane, and an admin sees and replays it
 * ({@code /api/v1/admin/outbox/parked}).
 */
public class OutboxRelay {

    /** First key of the relay's lane locks (two-int advisory lock space: "TfOb"). */
    static final int LANE_LOCK_SPACE = 0x54664F62;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** What a run of the relay left behind. */
    public enum Outcome {
        /** Every lane this relay could take is empty (lanes held by another instance are its job). */
        DRAINED,
        /** A send failed (broker away); run again soon. */
        RETRY
    }

    public record Settings(int batchSize, int lanes, int maxAttempts) {
        public Settings {
            if (batchSize < 1 || lanes < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("outbox relay settings must be positive: " + this);
            }
        }
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaPublisher publisher;
    private final Settings settings;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaPublisher publisher, MeterRegistry meters,
            int batchSize) {
        this(db, tx, publisher, meters, new Settings(batchSize, Outbox.DEFAULT_LANES, 5));
    }

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaPublisher publisher, MeterRegistry meters,
            Settings settings) {
        this.db = db;
        this.tx = tx;
        this.publisher = publisher;
        this.settings = settings;
        this.published = Counter.builder("transfertafel.outbox.published").register(meters);
        this.failures = Counter.builder("transfertafel.outbox.publish.failures").register(meters);
        Gauge.builder("transfertafel.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked after the broker refused them for good (an admin replays them)")
                .register(meters);
        Gauge.builder("transfertafel.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows waiting to be published (as of the relay's last run)").register(meters);
        Gauge.builder("transfertafel.outbox.oldest.age", oldestAgeMillis, value -> value.get() / 1000.0)
                .baseUnit("seconds")
                .description("Age of the oldest outbox row waiting to be published (as of the relay's last run)")
                .register(meters);
    }

    /**
     * One pass: one batch of every lane that has rows waiting and is not held by another relay.
     * Returns how many rows went out. Public for tests and for a manual flush.
     */
    public int publishBatch() {
        return pass().sent();
    }

    /** Publishes until every lane this relay can take is empty, or a send fails: one run of the relay's job. */
    public Outcome drain() {
        Pass pass;
        do {
            pass = pass();
        } while (pass.fullLane() && pass.failedLanes() == 0 && !Thread.currentThread().isInterrupted());
        if (pass.sent() > 0 || pass.failedLanes() > 0) {
            pendingLanes(); // the gauges as of now, not as of before the run
        }
        return pass.failedLanes() > 0 ? Outcome.RETRY : Outcome.DRAINED;
    }

    /** What one pass did: rows sent, whether a lane gave a full batch (more may wait), lanes whose send failed. */
    private record Pass(int sent, boolean fullLane, int failedLanes) {
    }

    private Pass pass() {
        int sent = 0;
        boolean full = false;
        int failed = 0;
        for (int lane : pendingLanes()) {
            LaneResult result = relayLane(lane);
            sent += result.sent();
            full |= result.more();
            failed += result.failed() ? 1 : 0;
        }
        published.increment(sent);
        return new Pass(sent, full, failed);
    }

    /** Counts what waits now for the gauges {@code transfertafel.outbox.backlog} and {@code .oldest.age}. */
    public void refreshGauges() {
        pendingLanes();
    }

    /** The lanes with rows waiting; also refreshes the backlog gauges (one cheap query on the partial index). */
    private List<Integer> pendingLanes() {
        List<long[]> rows = db.sql("""
                        select lane, count(*) as waiting,
                               extract(epoch from (now() - min(created_at))) * 1000 as oldest_ms
                        from outbox where published_at is null and parked_at is null group by lane order by lane""")
                .map(row -> new long[] {row.get("lane", Integer.class), row.get("waiting", Long.class),
                        row.get("oldest_ms", Number.class).longValue()})
                .all()
                .collectList()
                .block(Duration.ofSeconds(30));
        long waiting = 0;
        long oldest = 0;
        List<Integer> lanes = new ArrayList<>();
        for (long[] row : rows) {
            lanes.add((int) row[0]);
            waiting += row[1];
            oldest = Math.max(oldest, row[2]);
        }
        backlog.set(waiting);
        oldestAgeMillis.set(oldest);
        return lanes;
    }

    private record LaneResult(int sent, boolean more, boolean failed) {
        static final LaneResult HELD_ELSEWHERE = new LaneResult(0, false, false);
    }

    /**
     * Relays one batch of a lane in one transaction that holds the lane's advisory lock: the lock is
     * released at commit (or when the connection dies), so a crashed relay never blocks a lane.
     */
    LaneResult relayLane(int lane) {
        Mono<LaneResult> work = db.sql("select pg_try_advisory_xact_lock(:space, :lane) as locked")
                .bind("space", LANE_LOCK_SPACE)
                .bind("lane", lane)
                .map(row -> row.get("locked", Boolean.class))
                .one()
                .flatMap(locked -> locked ? relayLocked(lane) : Mono.just(LaneResult.HELD_ELSEWHERE));
        return tx.transactional(work).blockOptional(Duration.ofMinutes(1)).orElse(LaneResult.HELD_ELSEWHERE);
    }

    private Mono<LaneResult> relayLocked(int lane) {
        return db.sql("""
                        select id, topic, message_key, event_type, envelope, attempts, trace_parent from outbox
                        where lane = :lane and published_at is null and parked_at is null
                        order by id limit :limit""")
                .bind("lane", lane)
                .bind("limit", settings.batchSize())
                .map(row -> new Row(row.get("id", Long.class), row.get("topic", String.class),
                        row.get("message_key", String.class), row.get("event_type", String.class),
                        row.get("envelope", String.class), row.get("attempts", Integer.class),
                        row.get("trace_parent", String.class)))
                .all()
                .collectList()
                // Kafka sends block: never on the database driver's event loop
                .publishOn(Schedulers.boundedElastic())
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Mono.just(new LaneResult(0, false, false));
                    }
                    Sent sent = publisher.sendAll(rows.stream()
                            .map(row -> new Outgoing(row.topic(), row.key(), row.type(), row.envelope(), row.traceparent()))
                            .toList());
                    List<Long> done = rows.subList(0, sent.acknowledged()).stream().map(Row::id).toList();
                    if (sent.complete()) {
                        return markPublished(done).thenReturn(new LaneResult(done.size(),
                                rows.size() == settings.batchSize(), false));
                    }
                    // keep the lane's order: nothing after the failed row counts as sent (a copy that
                    // did go out is sent again after it, and consumers skip the duplicate)
                    Row failedRow = rows.get(sent.acknowledged());
                    boolean park = KafkaPublisher.refusedForGood(sent.failure())
                            && failedRow.attempts() + 1 >= settings.maxAttempts();
                    return markPublished(done)
                            .then(markFailed(failedRow, sent.failure(), park))
                            // a parked row no longer holds up the lane: the rows behind it go out next
                            .thenReturn(new LaneResult(done.size(), park, !park));
                });
    }

    private Mono<Void> markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update outbox set published_at = now() where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .then();
    }

    private Mono<Void> markFailed(Row row, RuntimeException failure, boolean park) {
        failures.increment();
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (park) {
            parked.incrementAndGet();
            log.error("outbox row {} ({} of region {}) parked after {} attempts, the broker refuses it: {}",
                    row.id(), row.type(), row.key(), row.attempts() + 1, error);
        } else {
            log.warn("outbox row {} not published yet, will retry: {}", row.id(), error);
        }
        return db.sql("""
                        update outbox set attempts = attempts + 1, last_error = :error,
                               parked_at = case when :park then now() end
                        where id = :id""")
                .bind("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .bind("park", park)
                .bind("id", row.id())
                .then();
    }

    /** A parked row as an admin sees it: where it would go and why it cannot; never the payload. */
    public record ParkedRow(long id, String eventId, String topic, String region, String type, int attempts,
            String lastError, OffsetDateTime createdAt, OffsetDateTime parkedAt) {
    }

    /** The parked rows, oldest first. */
    public Mono<List<ParkedRow>> parked() {
        return db.sql("""
                        select id, event_id, topic, message_key, event_type, attempts, last_error, created_at, parked_at
                        from outbox where parked_at is not null order by id limit 1000""")
                .map(row -> new ParkedRow(row.get("id", Long.class), String.valueOf(row.get("event_id")),
                        row.get("topic", String.class), row.get("message_key", String.class),
                        row.get("event_type", String.class), row.get("attempts", Integer.class),
                        row.get("last_error", String.class), row.get("created_at", OffsetDateTime.class),
                        row.get("parked_at", OffsetDateTime.class)))
                .all()
                .collectList();
    }

    /**
     * Puts parked rows (one, or all when {@code id} is null) back in their lanes with fresh attempts.
     * They go out in id order with their lane (so ahead of rows of the lane still waiting). Returns how
     * many were unparked.
     */
    public Mono<Long> unpark(Long id) {
        return (id == null
                ? db.sql("update outbox set parked_at = null, attempts = 0 where parked_at is not null")
                : db.sql("update outbox set parked_at = null, attempts = 0 where parked_at is not null and id = :id")
                        .bind("id", id))
                .fetch()
                .rowsUpdated();
    }

    /** Counts the parked rows again for the gauge {@code transfertafel.outbox.parked}. */
    public Mono<Long> refreshParkedGauge() {
        return db.sql("select count(*) as n from outbox where parked_at is not null")
                .map(row -> row.get("n", Long.class))
                .one()
                .doOnNext(parked::set);
    }

    private record Row(Long id, String topic, String key, String type, String envelope, int attempts,
            String traceparent) {
    }
}
