package nl.transfertafel.notification.inbox.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.routing.domain.Recipient;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The in-app inbox: one row per inbox delivery (same id), read state per user. */
public class InboxRepository {

    /** A stored inbox notification, with the reading user's read time (null = unread). */
    public record Row(UUID id, String recipient, String region, UUID eventId, String eventType, String notice,
            String subjectKind, String subjectId, String link, Instant occurredAt, Instant createdAt, Instant readAt) {
    }

    private final DatabaseClient db;
    private final Clock clock;

    public InboxRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The PostgreSQL channel on which a new inbox row is announced, at commit, to every instance. */
    public static final String CHANNEL = "inbox_notification";

    /**
     * One inbox row per (event, recipient), whatever happens upstream. A new row is announced on
     * {@link #CHANNEL} in the same statement: PostgreSQL delivers the notification when (and only
     * if) the transaction commits, to the live streams of every instance (ADR 0502).
     */
    public Mono<Void> add(Delivery delivery) {
        return db.sql("""
                        with added as (
                            insert into inbox_notification (id, recipient, region, event_id, event_type, notice,
                                                            subject_kind, subject_id, link, occurred_at, created_at)
                            values (:id, :recipient, :region, :eventId, :type, :notice, :subjectKind, :subjectId, :link,
                                    :occurredAt, :at)
                            on conflict (event_id, recipient) do nothing
                            returning id)
                        select pg_notify('inbox_notification', id::text) from added""")
                .bind("id", delivery.id())
                .bind("recipient", delivery.recipient().key())
                .bind("region", delivery.region())
                .bind("eventId", delivery.eventId())
                .bind("type", delivery.eventType())
                .bind("notice", delivery.notice().name())
                .bind("subjectKind", delivery.subject().kind().name())
                .bind("subjectId", delivery.subject().id())
                .bind("link", delivery.link())
                .bind("occurredAt", delivery.occurredAt())
                .bind("at", clock.instant())
                .then();
    }

    public Flux<Row> page(String recipient, String userId, boolean unreadOnly, long offset, int limit) {
        return db.sql("""
                        select n.*, r.read_at from inbox_notification n
                        left join inbox_read r on r.notification_id = n.id and r.user_id = :user
                        where n.recipient = :recipient and (not :unreadOnly or r.read_at is null)""" + supportedClientsOnly(recipient)
                        + " order by n.created_at desc, n.id limit :limit offset :offset")
                .bind("recipient", recipient)
                .bind("user", userId)
                .bind("unreadOnly", unreadOnly)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(InboxRepository::row)
                .all();
    }

    public Mono<Long> count(String recipient, String userId, boolean unreadOnly) {
        return db.sql("""
                        select count(*) as n from inbox_notification n
                        left join inbox_read r on r.notification_id = n.id and r.user_id = :user
                        where n.recipient = :recipient and (not :unreadOnly or r.read_at is null)""" + supportedClientsOnly(recipient))
                .bind("recipient", recipient)
                .bind("user", userId)
                .bind("unreadOnly", unreadOnly)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    public Mono<Row> find(UUID id, String recipient, String userId) {
        return db.sql("""
                        select n.*, r.read_at from inbox_notification n
                        left join inbox_read r on r.notification_id = n.id and r.user_id = :user
                        where n.id = :id and n.recipient = :recipient""" + supportedClientsOnly(recipient))
                .bind("id", id)
                .bind("recipient", recipient)
                .bind("user", userId)
                .map(InboxRepository::row)
                .one();
    }

    /** A stored notification as the live stream shows it (no user, so unread). */
    public Mono<Row> find(UUID id) {
        return db.sql("select n.*, null::timestamptz as read_at from inbox_notification n where n.id = :id")
                .bind("id", id)
                .map(InboxRepository::row)
                .one();
    }

    /** Marks read for this user; the first time counts (re-marking keeps the first read time). */
    public Mono<Void> markRead(UUID id, String userId) {
        return db.sql("""
                        insert into inbox_read (notification_id, user_id, read_at) values (:id, :user, :at)
                        on conflict (notification_id, user_id) do nothing""")
                .bind("id", id)
                .bind("user", userId)
                .bind("at", clock.instant())
                .then();
    }

    /**
     * A client supporter's inbox shows only notifications about clients whose referral names its
     * organisation now (issue 11 item 6): the inbox row shares its id with its delivery, which
     * carries the referral.
     */
    private static String supportedClientsOnly(String recipient) {
        if (!recipient.startsWith(Recipient.SUPPORT_PREFIX)) {
            return "";
        }
        return " and exists (select 1 from delivery d join client_support cs on cs.referral_id = d.referral_id"
                + " where d.id = n.id and 'support:' || cs.organisation = n.recipient)";
    }

    private static Row row(Readable row) {
        return new Row(row.get("id", UUID.class), row.get("recipient", String.class), row.get("region", String.class),
                row.get("event_id", UUID.class), row.get("event_type", String.class), row.get("notice", String.class),
                row.get("subject_kind", String.class), row.get("subject_id", String.class), row.get("link", String.class),
                row.get("occurred_at", Instant.class), row.get("created_at", Instant.class),
                row.get("read_at", Instant.class));
    }
}
