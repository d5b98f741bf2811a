package nl.transfertafel.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * Turns an event handler into a Spring Cloud Stream consumer with the platform's guarantees:
 * the envelope is parsed once, the effect runs through the {@link IdempotentConsumer}, and any
 * failure is thrown back to the listener container, where {@link ConsumerErrorHandling} decides: an
 * infrastructure failure retries until the infrastructure is back, a message that is not an event
 * goes to the dead-letter topic at once, any other failure after a few retries.
 * Services declare their consumers as beans built here, named for the business action.
 */
public class EventConsumers {

    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);

    private final IdempotentConsumer idempotent;

    public EventConsumers(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    public Consumer<Message<byte[]>> consumer(String name, Function<EventEnvelope, Mono<?>> handler) {
        return message -> {
            EventEnvelope envelope = read(message.getPayload());
            idempotent.process(name, envelope, handler).block(EFFECT_TIMEOUT);
        };
    }

    /**
     * The same guarantees for a binding in batch mode ({@code consumer.batch-mode: true}), for
     * consumers that must absorb many events per second: a poll's records of the binding run in
     * <em>one</em> transaction with one {@code processed_event} statement
     * ({@link IdempotentConsumer#processAll}) instead of a transaction and two round trips each.
     * Exactly-once effect is unchanged: the batch commits whole or not at all. When the batch fails,
     * its events run again one at a time, each in its own transaction, to find the one that fails;
     * that one is handed to the error handling like a single record ({@link BatchListenerFailedException}
     * with its index: the ones before it are committed, an infrastructure failure retries until the
     * infrastructure is back, anything else is retried and then dead-lettered).
     */
    public Consumer<Message<List<byte[]>>> batchConsumer(String name, Function<EventEnvelope, Mono<?>> handler) {
        return message -> {
            List<byte[]> payloads = message.getPayload();
            List<EventEnvelope> events = new ArrayList<>(payloads.size());
            UnprocessableEvent unprocessable = null;
            for (byte[] payload : payloads) {
                try {
                    events.add(read(payload));
                } catch (UnprocessableEvent notAnEvent) {
                    unprocessable = notAnEvent; // the events before it still run; it is dead-lettered
                    break;
                }
            }
            try {
                idempotent.processAll(name, events, handler).block(EFFECT_TIMEOUT);
            } catch (RuntimeException batchFailed) {
                for (int i = 0; i < events.size(); i++) {
                    try {
                        idempotent.process(name, events.get(i), handler).block(EFFECT_TIMEOUT);
                    } catch (RuntimeException failed) {
                        throw new BatchListenerFailedException(name + " failed on event " + events.get(i).eventId(),
                                failed, i);
                    }
                }
            }
            if (unprocessable != null) {
                throw new BatchListenerFailedException(unprocessable.getMessage(), unprocessable, events.size());
            }
        };
    }

    static EventEnvelope read(byte[] payload) {
        try {
            return EventJson.read(payload);
        } catch (RuntimeException notAnEvent) {
            throw new UnprocessableEvent("not an event envelope: " + notAnEvent.getClass().getSimpleName(), notAnEvent);
        }
    }
}
