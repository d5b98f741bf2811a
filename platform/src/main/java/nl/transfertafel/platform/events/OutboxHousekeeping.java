package nl.transfertafel.platform.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Keeps the platform's event tables from growing without end: outbox rows that were sent, and the
 * consumers' {@code processed_event} ledger, are deleted after their retention, a slice at a time
 * (short transactions, no long lock). Also counts parked outbox rows for their gauge.
 *
 * <p>Why the ledger's retention must be long: it is what makes a redelivered event a no-op. Kafka
 * redelivers what a consumer group had not committed, and everything still in the topic when a group
 * is reset, so the ledger must outlive the topics' retention (7 days by default) with a margin: the
 * default is 14 days (docs/architecture.md, "Events"). Sent outbox rows are kept 3 days, for
 * looking into what went out; nothing depends on them.
 */
public class OutboxHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);
    private static final int SLICE = 5_000;

    private final DatabaseClient db;
    private final OutboxRelay relay;
    private final Duration sentRetention;
    private final Duration processedRetention;

    public OutboxHousekeeping(DatabaseClient db, OutboxRelay relay, Duration sentRetention, Duration processedRetention) {
        this.db = db;
        this.relay = relay;
        this.sentRetention = sentRetention;
        this.processedRetention = processedRetention;
    }

    /** One run: purges both tables, counts parked rows. Returns the rows deleted. */
    public long runOnce() {
        long sent = purge("""
                delete from outbox where id in (
                    select id from outbox where published_at < now() - make_interval(secs => :seconds) limit :slice)""",
                sentRetention);
        long processed = purge("""
                delete from processed_event where (consumer, event_id) in (
                    select consumer, event_id from processed_event
                    where processed_at < now() - make_interval(secs => :seconds) limit :slice)""",
                processedRetention);
        relay.refreshParkedGauge().block(Duration.ofSeconds(30));
        if (sent + processed > 0) {
            log.info("purged {} sent outbox rows and {} processed-event rows past their retention", sent, processed);
        }
        return sent + processed;
    }

    private long purge(String sql, Duration retention) {
        long total = 0;
        long deleted;
        do {
            deleted = db.sql(sql)
                    .bind("seconds", (double) retention.toSeconds())
                    .bind("slice", SLICE)
                    .fetch()
                    .rowsUpdated()
                    .onErrorResume(e -> Mono.error(new IllegalStateException("purge failed: " + e.getMessage(), e)))
                    .block(Duration.ofMinutes(1));
            total += deleted;
        } while (deleted == SLICE && !Thread.currentThread().isInterrupted());
        return total;
    }
}
