package nl.transfertafel.platform.probe;

import java.util.function.Consumer;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.platform.events.EventConsumers;
import nl.transfertafel.platform.events.TraceContext;
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

    /** How often the probe's effect ran per {@code race-*} / {@code refuse-*} aggregate. */
    public static final java.util.Map<String, Integer> ATTEMPTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The trace id each aggregate's event was consumed in (aggregate id → trace id). */
    public static final java.util.Map<String, String> TRACES = new java.util.concurrent.ConcurrentHashMap<>();

    @Bean
    Consumer<Message<byte[]>> recordProbe(EventConsumers consumers, DatabaseClient db, TraceContext traces) {
        return consumers.consumer("platform-test.record-probe", event -> Mono.deferContextual(context -> {
            traces.traceId(context).ifPresent(traceId -> TRACES.put(event.aggregateId(), traceId));
            return effect(db, event);
        }));
    }

    /**
     * The same effect consumed one poll at a time (binding {@code recordProbeBatch-in-0}, batch mode). An
     * aggregate named {@code hold-*} waits at its {@link ProbeGate} note, so a test can let records pile up
     * behind it and have them arrive in one poll.
     */
    @Bean
    Consumer<Message<java.util.List<byte[]>>> recordProbeBatch(EventConsumers consumers, DatabaseClient db,
            TraceContext traces) {
        return consumers.batchConsumer("platform-test.record-probe-batch", event -> Mono.deferContextual(context -> {
            traces.traceId(context).ifPresent(traceId -> TRACES.put(event.aggregateId(), traceId));
            return event.aggregateId().startsWith("hold-")
                    ? ProbeGate.enter(event.aggregateId()).then(effect(db, event))
                    : effect(db, event);
        }));
    }

    public static Mono<Void> effect(DatabaseClient db, EventEnvelope event) {
        Mono<Void> insert = db.sql("insert into probe_effect (event_id, aggregate_id) values (:eventId, :aggregate)")
                .bind("eventId", event.eventId())
                .bind("aggregate", event.aggregateId())
                .then();
        if (event.aggregateId().startsWith("fail-") || REFUSED.contains(event.aggregateId())) {
            return insert.then(Mono.error(new IllegalStateException("probe refuses " + event.aggregateId())));
        }
        if (event.aggregateId().startsWith("race-")) {
            // loses an optimistic race on its first two attempts, as a reaction does while a request
            // changes the same proposal
            int attempt = ATTEMPTS.merge(event.aggregateId(), 1, Integer::sum);
            return attempt <= 2
                    ? insert.then(Mono.error(nl.transfertafel.platform.refusal.Refused.conflict(
                            nl.transfertafel.platform.refusal.Refused.CONCURRENT_UPDATE, "probe lost a race")))
                    : insert;
        }
        if (event.aggregateId().startsWith("refuse-")) {
            ATTEMPTS.merge(event.aggregateId(), 1, Integer::sum);
            return insert.then(Mono.error(nl.transfertafel.platform.refusal.Refused.conflict(
                    "illegal-transition", "probe: not possible in this state")));
        }
        return insert;
    }
}
