package nl.transfertafel.notification.subscription.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.subscription.domain.PayloadFormat;
import nl.transfertafel.notification.subscription.domain.SignatureScheme;
import nl.transfertafel.notification.subscription.domain.WebhookEndpoint;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

/** Subscriptions and channel settings per recipient (organisation code or coordinator desk key). */
public class SubscriptionRepository {

    private final DatabaseClient db;
    private final Clock clock;

    public SubscriptionRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Explicit choices per event type and channel. */
    public Mono<Map<String, Map<Channel, Boolean>>> choices(String recipient) {
        return db.sql("select event_type, channel, enabled from subscription where recipient = :recipient")
                .bind("recipient", recipient)
                .map(row -> new Object[] {row.get("event_type", String.class), row.get("channel", String.class),
                        row.get("enabled", Boolean.class)})
                .all()
                .collect(HashMap::new, (Map<String, Map<Channel, Boolean>> map, Object[] row) -> map
                        .computeIfAbsent((String) row[0], type -> new EnumMap<>(Channel.class))
                        .put(Channel.valueOf((String) row[1]), (Boolean) row[2]));
    }

    public Mono<Map<Channel, Boolean>> choices(String recipient, String eventType) {
        return db.sql("select channel, enabled from subscription where recipient = :recipient and event_type = :type")
                .bind("recipient", recipient)
                .bind("type", eventType)
                .map(row -> Map.entry(Channel.valueOf(row.get("channel", String.class)), row.get("enabled", Boolean.class)))
                .all()
                .collect(() -> new EnumMap<>(Channel.class), (Map<Channel, Boolean> map, Map.Entry<Channel, Boolean> e) ->
                        map.put(e.getKey(), e.getValue()));
    }

    public Mono<Void> choose(String recipient, String eventType, Channel channel, boolean enabled, String by) {
        return db.sql("""
                        insert into subscription (recipient, event_type, channel, enabled, updated_at, updated_by)
                        values (:recipient, :type, :channel, :enabled, :at, :by)
                        on conflict (recipient, event_type, channel)
                        do update set enabled = excluded.enabled, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .bind("recipient", recipient)
                .bind("type", eventType)
                .bind("channel", channel.name())
                .bind("enabled", enabled)
                .bind("at", clock.instant())
                .bind("by", by)
                .then();
    }

    public Mono<WebhookEndpoint> webhook(String recipient) {
        return db.sql("""
                        select recipient, url, secret, signature_scheme, payload_format, fhir_subscription, fhir_topic, started_at
                        from webhook_endpoint where recipient = :recipient""")
                .bind("recipient", recipient)
                .map(row -> new WebhookEndpoint(row.get("recipient", String.class), row.get("url", String.class),
                        row.get("secret", String.class), SignatureScheme.valueOf(row.get("signature_scheme", String.class)),
                        PayloadFormat.valueOf(row.get("payload_format", String.class)),
                        row.get("fhir_subscription", String.class), row.get("fhir_topic", String.class),
                        row.get("started_at", Instant.class)))
                .one();
    }

    /**
     * Registers or replaces the webhook. Its notifications are counted from now when it is new or now points
     * elsewhere (URL, payload format or FHIR Subscription changed); a new secret or scheme keeps the count.
     */
    public Mono<Void> saveWebhook(String recipient, String url, String secret, SignatureScheme scheme, PayloadFormat payload,
            String fhirSubscription, String fhirTopic, String by) {
        return db.sql("""
                        insert into webhook_endpoint (recipient, url, secret, signature_scheme, payload_format,
                            fhir_subscription, fhir_topic, started_at, updated_at, updated_by)
                        values (:recipient, :url, :secret, :scheme, :payload, :subscription, :topic, :at, :at, :by)
                        on conflict (recipient) do update set url = excluded.url, secret = excluded.secret,
                            signature_scheme = excluded.signature_scheme, payload_format = excluded.payload_format,
                            fhir_subscription = excluded.fhir_subscription, fhir_topic = excluded.fhir_topic,
                            started_at = case when webhook_endpoint.url is distinct from excluded.url
                                or webhook_endpoint.payload_format is distinct from excluded.payload_format
                                or webhook_endpoint.fhir_subscription is distinct from excluded.fhir_subscription
                                then excluded.started_at else webhook_endpoint.started_at end,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .bind("recipient", recipient)
                .bind("url", url)
                .bind("secret", secret)
                .bind("scheme", scheme.name())
                .bind("payload", payload.name())
                .bind("subscription", Parameter.fromOrEmpty(fhirSubscription, String.class))
                .bind("topic", Parameter.fromOrEmpty(fhirTopic, String.class))
                .bind("at", clock.instant())
                .bind("by", by)
                .then();
    }

    public Mono<Long> deleteWebhook(String recipient) {
        return db.sql("delete from webhook_endpoint where recipient = :recipient")
                .bind("recipient", recipient).fetch().rowsUpdated();
    }

    public Mono<String> mailbox(String recipient) {
        return db.sql("select address from mailbox where recipient = :recipient")
                .bind("recipient", recipient)
                .map(row -> row.get("address", String.class))
                .one();
    }

    public Mono<Void> saveMailbox(String recipient, String address, String by) {
        return db.sql("""
                        insert into mailbox (recipient, address, updated_at, updated_by) values (:recipient, :address, :at, :by)
                        on conflict (recipient) do update set address = excluded.address,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .bind("recipient", recipient)
                .bind("address", address)
                .bind("at", clock.instant())
                .bind("by", by)
                .then();
    }

    public Mono<Long> deleteMailbox(String recipient) {
        return db.sql("delete from mailbox where recipient = :recipient")
                .bind("recipient", recipient).fetch().rowsUpdated();
    }
}
