package nl.transfertafel.notification.subscription.infrastructure;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.subscription.domain.SignatureScheme;
import nl.transfertafel.notification.subscription.domain.WebhookEndpoint;
import org.springframework.r2dbc.core.DatabaseClient;
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
        return db.sql("select recipient, url, secret, signature_scheme from webhook_endpoint where recipient = :recipient")
                .bind("recipient", recipient)
                .map(row -> new WebhookEndpoint(row.get("recipient", String.class), row.get("url", String.class),
                        row.get("secret", String.class), SignatureScheme.valueOf(row.get("signature_scheme", String.class))))
                .one();
    }

    public Mono<Void> saveWebhook(String recipient, String url, String secret, SignatureScheme scheme, String by) {
        return db.sql("""
                        insert into webhook_endpoint (recipient, url, secret, signature_scheme, updated_at, updated_by)
                        values (:recipient, :url, :secret, :scheme, :at, :by)
                        on conflict (recipient) do update set url = excluded.url, secret = excluded.secret,
                            signature_scheme = excluded.signature_scheme,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .bind("recipient", recipient)
                .bind("url", url)
                .bind("secret", secret)
                .bind("scheme", scheme.name())
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
