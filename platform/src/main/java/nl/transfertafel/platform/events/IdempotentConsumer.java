package nl.transfertafel.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.transfertafel.contracts.events.EventEnvelope;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs an event's effect at most once per consumer: {@code (consumer, eventId)} is inserted in the
 * same transaction as the effect, so a redelivered event finds its row and is skipped, and a failed
 * effect rolls the row back so the retry runs it again.
 */
public class IdempotentConsumer {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;

    public IdempotentConsumer(DatabaseClient db, TransactionalOperator tx, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.meters = meters;
    }

    /**
     * Runs the effects of several events (one partition's poll, in order) in one transaction: one
     * statement records all their ids in {@code processed_event} and tells which are new; only those
     * run, in order. Either all commit or none does, as for one event. Emits how many effects ran.
     * What {@link EventConsumers#batchConsumer} runs every poll through (measured by
     * {@code ConsumePathBench}).
     */
    public Mono<Integer> processAll(String consumer, List<EventEnvelope> events,
            Function<EventEnvelope, Mono<?>> effect) {
        if (events.isEmpty()) {
            return Mono.just(0);
        }
        List<Boolean> ran = new ArrayList<>();
        Mono<Integer> all = db.sql("""
                        insert into processed_event (consumer, event_id, event_type)
                        select :consumer, e.event_id, e.event_type from unnest(:ids, :types) as e(event_id, event_type)
                        on conflict do nothing returning event_id""")
                .bind("consumer", consumer)
                .bind("ids", events.stream().map(EventEnvelope::eventId).toArray(UUID[]::new))
                .bind("types", events.stream().map(EventEnvelope::type).toArray(String[]::new))
                .map(row -> row.get("event_id", UUID.class))
                .all()
                .collect(Collectors.toCollection(HashSet::new))
                .flatMap(fresh -> Flux.fromIterable(events)
                        // remove: an event twice in one batch runs once
                        .concatMap(event -> fresh.remove(event.eventId())
                                ? effect.apply(event).contextWrite(correlationOf(event)).then(Mono.fromCallable(() -> ran.add(true)))
                                : Mono.fromCallable(() -> ran.add(false)))
                        .then(Mono.fromCallable(() -> (int) ran.stream().filter(Boolean::booleanValue).count())));
        return tx.transactional(all)
                .doOnNext(count -> {
                    for (int i = 0; i < events.size(); i++) {
                        count(consumer, events.get(i), ran.get(i));
                    }
                });
    }

    private static reactor.util.context.Context correlationOf(EventEnvelope event) {
        return Correlation.with(event.correlationId() != null ? event.correlationId() : event.eventId());
    }

    private void count(String consumer, EventEnvelope event, boolean ran) {
        meters.counter("transfertafel.events.consumed",
                "consumer", consumer, "type", event.type(), "outcome", ran ? "processed" : "duplicate").increment();
    }

    /** Emits true when the effect ran, false when the event had been processed before. */
    public Mono<Boolean> process(String consumer, EventEnvelope event, Function<EventEnvelope, Mono<?>> effect) {
        Mono<Boolean> once = db.sql("""
                        insert into processed_event (consumer, event_id, event_type) values (:consumer, :eventId, :type)
                        on conflict do nothing""")
                .bind("consumer", consumer)
                .bind("eventId", event.eventId())
                .bind("type", event.type())
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 0
                        ? Mono.just(false)
                        : effect.apply(event).then(Mono.just(true)));
        return tx.transactional(once)
                .contextWrite(correlationOf(event))
                .doOnNext(ran -> count(consumer, event, ran));
    }
}
