package nl.transfertafel.notification.delivery.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.DeliveryStatus;
import nl.transfertafel.notification.routing.application.DeliveryQueue;
import nl.transfertafel.notification.routing.application.NewDelivery;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.routing.domain.Subject;
import nl.transfertafel.notification.routing.domain.SubjectKind;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The delivery table: written by the router in the consumer's transaction, worked by the
 * dispatcher lane by lane (one lane = one recipient on one channel, in {@code seq} order).
 */
public class DeliveryRepository implements DeliveryQueue {

    /** A row of the delivery log as its organisation (or an administrator) sees it. */
    public record LogEntry(UUID id, UUID eventId, String eventType, String recipient, Channel channel, String notice,
            String subjectKind, String subjectId, DeliveryStatus status, int attempts, String target,
            String lastError, Instant occurredAt, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt,
            Instant deliveredAt, Instant deadAt, int replays) {
    }

    private static final String HEAD = """
            not exists (select 1 from delivery e where e.recipient = d.recipient and e.channel = d.channel
                        and e.status = 'PENDING' and e.seq < d.seq)""";

    private final DatabaseClient db;
    private final NewDeliveries newDeliveries;

    public DeliveryRepository(DatabaseClient db) {
        this(db, new NewDeliveries());
    }

    /** With {@code newDeliveries}: told after the commit of every transaction that inserted a delivery. */
    public DeliveryRepository(DatabaseClient db, NewDeliveries newDeliveries) {
        this.db = db;
        this.newDeliveries = newDeliveries;
    }

    /**
     * 1 + the deliveries of this delivery's lane before it that were made since {@code since}: its number in
     * the lane since then (the lane is sent in {@code seq} order, so the count does not change across retries).
     */
    public Mono<Long> numberInLaneSince(Delivery delivery, Instant since) {
        return db.sql("""
                        select count(*) + 1 as number from delivery where recipient = :recipient and channel = :channel
                        and seq < :seq and created_at >= :since""")
                .bind("recipient", delivery.recipient().key())
                .bind("channel", delivery.channel().name())
                .bind("seq", delivery.seq())
                .bind("since", since)
                .map(row -> row.get("number", Long.class))
                .one();
    }

    /** Emits true when the delivery is new; false when this (event, recipient, channel) had one already. */
    @Override
    public Mono<Boolean> insert(NewDelivery d) {
        var spec = db.sql("""
                        insert into delivery (id, event_id, event_type, occurred_at, region, recipient, channel, notice,
                                              subject_kind, subject_id, link, referral_id, status, attempts,
                                              next_attempt_at, created_at)
                        values (:id, :eventId, :type, :occurredAt, :region, :recipient, :channel, :notice,
                                :subjectKind, :subjectId, :link, :referralId, 'PENDING', 0, :at, :at)
                        on conflict (event_id, recipient, channel) do nothing""")
                .bind("id", d.id())
                .bind("eventId", d.eventId())
                .bind("type", d.eventType())
                .bind("occurredAt", d.occurredAt())
                .bind("region", d.region())
                .bind("recipient", d.recipient())
                .bind("channel", d.channel().name())
                .bind("notice", d.notice().name())
                .bind("subjectKind", d.subject().kind().name())
                .bind("subjectId", d.subject().id())
                .bind("at", d.at());
        spec = d.link() == null ? spec.bindNull("link", String.class) : spec.bind("link", d.link());
        spec = d.referralId() == null ? spec.bindNull("referralId", String.class) : spec.bind("referralId", d.referralId());
        return spec.fetch().rowsUpdated()
                .flatMap(n -> n > 0 ? newDeliveries.afterCommit().thenReturn(true) : Mono.just(false));
    }

    /** The head of each lane that is due now (one id per lane), oldest lanes first. */
    public Flux<UUID> dueLaneHeads(Instant now, int limit) {
        return db.sql("""
                        select id from (
                            select distinct on (recipient, channel) id, seq, next_attempt_at from delivery
                            where status = 'PENDING' order by recipient, channel, seq) heads
                        where next_attempt_at <= :now order by seq limit :limit""")
                .bind("now", now)
                .bind("limit", limit)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    /**
     * Locks the head of one lane for sending if it is due and nobody else holds it: the next delivery of a
     * lane whose head was just sent, found and locked with one statement in the sending transaction
     * (before, a query of its own for the lane's next head came first: one commit more per delivery).
     */
    public Mono<Delivery> lockNextHead(String recipient, Channel channel, Instant now) {
        return db.sql("select * from delivery d where d.recipient = :recipient and d.channel = :channel"
                        + " and d.status = 'PENDING' and d.next_attempt_at <= :now and " + HEAD
                        + " order by d.seq limit 1 for update skip locked")
                .bind("recipient", recipient)
                .bind("channel", channel.name())
                .bind("now", now)
                .map(DeliveryRepository::delivery)
                .one();
    }

    /**
     * Locks a delivery for sending if it is still pending, due, and the head of its lane. Another
     * dispatcher (another instance) holding it makes this empty ({@code skip locked}).
     */
    public Mono<Delivery> lockHead(UUID id, Instant now) {
        return db.sql("select * from delivery d where d.id = :id and d.status = 'PENDING' and d.next_attempt_at <= :now and "
                        + HEAD + " for update skip locked")
                .bind("id", id)
                .bind("now", now)
                .map(DeliveryRepository::delivery)
                .one();
    }

    public Mono<Delivery> find(UUID id) {
        return db.sql("select * from delivery where id = :id").bind("id", id).map(DeliveryRepository::delivery).one();
    }

    public Mono<Void> markDelivered(UUID id, int attempts, String target, Instant at) {
        return finish(id, DeliveryStatus.DELIVERED, attempts, target, null, at);
    }

    public Mono<Void> markSkipped(UUID id, int attempts, String target, String reason, Instant at) {
        return finish(id, DeliveryStatus.SKIPPED, attempts, target, reason, at);
    }

    private Mono<Void> finish(UUID id, DeliveryStatus status, int attempts, String target, String note, Instant at) {
        var spec = db.sql("""
                        update delivery set status = :status, attempts = :attempts, target = :target, last_error = :note,
                            last_attempt_at = :at, delivered_at = :deliveredAt
                        where id = :id""")
                .bind("id", id)
                .bind("status", status.name())
                .bind("attempts", attempts)
                .bind("target", target)
                .bind("at", at);
        spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", truncate(note));
        spec = status == DeliveryStatus.DELIVERED ? spec.bind("deliveredAt", at) : spec.bindNull("deliveredAt", Instant.class);
        return spec.then();
    }

    public Mono<Void> markRetry(UUID id, int attempts, String target, String error, Instant at, Instant next) {
        return db.sql("""
                        update delivery set attempts = :attempts, target = :target, last_error = :error,
                            last_attempt_at = :at, next_attempt_at = :next where id = :id""")
                .bind("id", id)
                .bind("attempts", attempts)
                .bind("target", target)
                .bind("error", truncate(error))
                .bind("at", at)
                .bind("next", next)
                .then();
    }

    public Mono<Void> markDead(UUID id, int attempts, String target, String error, Instant at) {
        return db.sql("""
                        update delivery set status = 'DEAD', attempts = :attempts, target = :target, last_error = :error,
                            last_attempt_at = :at, dead_at = :at where id = :id""")
                .bind("id", id)
                .bind("attempts", attempts)
                .bind("target", target)
                .bind("error", truncate(error))
                .bind("at", at)
                .then();
    }

    /** Puts a dead letter back at the head of its lane's queue (it keeps its place by seq). */
    public Mono<Boolean> replay(UUID id, Instant now) {
        return db.sql("""
                        update delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now, dead_at = null,
                            replays = replays + 1 where id = :id and status = 'DEAD'""")
                .bind("id", id)
                .bind("now", now)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The delivery log of one recipient (or of all, for an administrator: recipient null), newest first. */
    public Flux<LogEntry> log(String recipient, DeliveryStatus status, long offset, int limit) {
        StringBuilder sql = new StringBuilder("select * from delivery d where true");
        if (recipient != null) {
            sql.append(" and recipient = :recipient").append(supportedClientsOnly(recipient));
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        sql.append(" order by seq desc limit :limit offset :offset");
        var spec = db.sql(sql.toString()).bind("limit", limit).bind("offset", offset);
        if (recipient != null) {
            spec = spec.bind("recipient", recipient);
        }
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.map(DeliveryRepository::logEntry).all();
    }

    public Mono<Long> count(String recipient, DeliveryStatus status) {
        StringBuilder sql = new StringBuilder("select count(*) as n from delivery d where true");
        if (recipient != null) {
            sql.append(" and recipient = :recipient").append(supportedClientsOnly(recipient));
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        var spec = db.sql(sql.toString());
        if (recipient != null) {
            spec = spec.bind("recipient", recipient);
        }
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.map(row -> row.get("n", Long.class)).one();
    }

    /**
     * A client supporter's desk shows only deliveries about clients whose referral names its
     * organisation now: a withdrawn link hides what was sent before (issue 11 item 6).
     */
    static String supportedClientsOnly(String recipient) {
        if (!recipient.startsWith(Recipient.SUPPORT_PREFIX)) {
            return "";
        }
        return " and exists (select 1 from client_support cs where cs.referral_id = d.referral_id"
                + " and 'support:' || cs.organisation = d.recipient)";
    }

    public Mono<LogEntry> entry(UUID id) {
        return db.sql("select * from delivery where id = :id").bind("id", id).map(DeliveryRepository::logEntry).one();
    }

    private static Delivery delivery(Readable row) {
        return new Delivery(
                row.get("id", UUID.class),
                row.get("seq", Long.class),
                row.get("event_id", UUID.class),
                row.get("event_type", String.class),
                row.get("occurred_at", Instant.class),
                row.get("region", String.class),
                Recipient.parse(row.get("recipient", String.class)),
                Channel.valueOf(row.get("channel", String.class)),
                Notice.valueOf(row.get("notice", String.class)),
                new Subject(SubjectKind.valueOf(row.get("subject_kind", String.class)), row.get("subject_id", String.class)),
                row.get("link", String.class),
                DeliveryStatus.valueOf(row.get("status", String.class)),
                row.get("attempts", Integer.class));
    }

    private static LogEntry logEntry(Readable row) {
        return new LogEntry(
                row.get("id", UUID.class),
                row.get("event_id", UUID.class),
                row.get("event_type", String.class),
                row.get("recipient", String.class),
                Channel.valueOf(row.get("channel", String.class)),
                row.get("notice", String.class),
                row.get("subject_kind", String.class),
                row.get("subject_id", String.class),
                DeliveryStatus.valueOf(row.get("status", String.class)),
                row.get("attempts", Integer.class),
                row.get("target", String.class),
                row.get("last_error", String.class),
                row.get("occurred_at", Instant.class),
                row.get("created_at", Instant.class),
                row.get("last_attempt_at", Instant.class),
                row.get("next_attempt_at", Instant.class),
                row.get("delivered_at", Instant.class),
                row.get("dead_at", Instant.class),
                row.get("replays", Integer.class));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
