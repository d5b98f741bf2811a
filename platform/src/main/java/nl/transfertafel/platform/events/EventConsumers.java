package nl.transfertafel.platform.events;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.platform.web.RegionMdc;
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
    private final TraceContext traces;

    public EventConsumers(IdempotentConsumer idempotent) {
        this(idempotent, TraceContext.none());
    }

    public EventConsumers(IdempotentConsumer idempotent, TraceContext traces) {
        RegionMdc.register();
        this.idempotent = idempotent;
        this.traces = traces;
    }

    /**
     * The effect runs in an observation that continues the trace of the record's {@code traceparent}
     * header (set by the outbox relay), so its logs carry that trace id and the events it writes to
     * the outbox carry it on.
     */
    public Consumer<Message<byte[]>> consumer(String name, Function<EventEnvelope, Mono<?>> handler) {
        return message -> {
            EventEnvelope envelope = read(message.getPayload());
            Observation observation = traces.consuming(name, envelope.type(),
                    header(message, TraceContext.HEADER)).start();
            try (Observation.Scope scope = observation.openScope()) {
                idempotent.process(name, envelope, handler)
                        // the event's region in the log lines of its effect (web.RegionMdc)
                        .contextWrite(RegionMdc.with(envelope.region()))
                        .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation))
                        .block(EFFECT_TIMEOUT);
            } catch (RuntimeException e) {
                observation.error(e);
                throw e;
            } finally {
                observation.stop();
            }
        };
    }

    static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    static EventEnvelope read(byte[] payload) {
        try {
            return EventJson.read(payload);
        } catch (RuntimeException notAnEvent) {
            throw new UnprocessableEvent("not an event envelope: " + notAnEvent.getClass().getSimpleName(), notAnEvent);
        }
    }
}
