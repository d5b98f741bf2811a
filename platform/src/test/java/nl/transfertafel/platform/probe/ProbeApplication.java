package nl.transfertafel.platform.probe;

import java.util.function.Consumer;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.platform.events.EventConsumers;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A minimal service on the platform, for testing the shared mechanisms on the real engines: its
 * consumer records every effect it runs, and fails on purpose for aggregates named {@code fail-*}
 * and, while they are listed in {@link #REFUSED}, for aggregates named {@code heal-*}.
 */
@SpringBootApplication
public class ProbeApplication {

    /** {@code heal-*} aggregates refused until a test removes them (a consumer bug fixed later). */
    public static final java.util.Set<String> REFUSED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Bean
    Consumer<Message<byte[]>> recordProbe(EventConsumers consumers, DatabaseClient db) {
        return consumers.consumer("platform-test.record-probe", event -> effect(db, event));
    }

    public static Mono<Void> effect(DatabaseClient db, EventEnvelope event) {
        Mono<Void> insert = db.sql("insert into probe_effect (event_id, aggregate_id) values (:eventId, :aggregate)")
                .bind("eventId", event.eventId())
                .bind("aggregate", event.aggregateId())
                .then();
        if (event.aggregateId().startsWith("fail-") || REFUSED.contains(event.aggregateId())) {
            return insert.then(Mono.error(new IllegalStateException("probe refuses " + event.aggregateId())));
        }
        return insert;
    }
}
