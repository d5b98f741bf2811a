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
 * failure is thrown back to the binder, which retries a bounded number of times and then sends the
 * record to the dead-letter topic ({@code spring.cloud.stream.kafka.default.consumer.enable-dlq}).
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
            EventEnvelope envelope = EventJson.read(message.getPayload());
            idempotent.process(name, envelope, handler).block(EFFECT_TIMEOUT);
        };
    }
}
