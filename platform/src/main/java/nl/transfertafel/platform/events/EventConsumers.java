package nl.transfertafel.platform.events;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
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

    static EventEnvelope read(byte[] payload) {
        try {
            return EventJson.read(payload);
        } catch (RuntimeException notAnEvent) {
            throw new UnprocessableEvent("not an event envelope: " + notAnEvent.getClass().getSimpleName(), notAnEvent);
        }
    }
}
