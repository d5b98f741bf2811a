package nl.transfertafel.platform.events;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import reactor.util.context.ContextView;

/**
 * Carries a trace across the outbox and Kafka: the outbox stores the W3C {@code traceparent} of the
 * observation the event was written in (the HTTP request's, or the consuming event's), the relay
 * sends it as the record header {@code traceparent}, and the consumer continues that trace in an
 * observation of its own. The relay sends through Spring Kafka's observed {@code KafkaTemplate}: its
 * send runs inside {@link #relaying} (the stored trace as parent), so the template's producer span
 * continues the request's trace and writes its {@code traceparent} header. Micrometer Tracing (OpenTelemetry bridge) does the rest: HTTP server and
 * WebClient observations, trace and span ids in the logs. Without tracing it stores and sends nothing.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    public static final String CONSUME_OBSERVATION = "transfertafel.event.consume";
    public static final String RELAY_OBSERVATION = "transfertafel.outbox.relay";

    private final ObservationRegistry registry;
    private final Propagator propagator;

    public TraceContext(ObservationRegistry registry, Propagator propagator) {
        this.registry = registry;
        this.propagator = propagator;
    }

    public static TraceContext none() {
        return new TraceContext(ObservationRegistry.NOOP, Propagator.NOOP);
    }

    /** The {@code traceparent} of the current observation: the Reactor context's, else the thread's. */
    public Optional<String> traceparent(ContextView context) {
        return span(context).map(span -> {
            Map<String, String> carrier = new HashMap<>();
            propagator.inject(span.context(), carrier, Map::put);
            return carrier.get(HEADER);
        });
    }

    /** The trace id of the current observation (for logs and tests). */
    public Optional<String> traceId(ContextView context) {
        return span(context).map(span -> span.context().traceId());
    }

    private Optional<Span> span(ContextView context) {
        Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (observation == null) {
            observation = registry.getCurrentObservation();
        }
        if (observation == null || observation.isNoop()) {
            return Optional.empty();
        }
        TracingObservationHandler.TracingContext tracing = observation.getContext()
                .get(TracingObservationHandler.TracingContext.class);
        return Optional.ofNullable(tracing).map(TracingObservationHandler.TracingContext::getSpan)
                .filter(span -> !span.isNoop());
    }

    /**
     * An observation (not started) of consuming one event, continuing the trace its record names
     * ({@code traceparent} null: a new trace). Tags are low-cardinality only: consumer and event type.
     */
    public Observation consuming(String consumer, String eventType, String traceparent) {
        ReceiverContext<Map<String, String>> receiving = new ReceiverContext<>((carrier, key) -> carrier.get(key));
        receiving.setCarrier(traceparent == null ? Map.of() : Map.of(HEADER, traceparent));
        receiving.setRemoteServiceName("kafka");
        return Observation.createNotStarted(CONSUME_OBSERVATION, () -> receiving, registry)
                .contextualName("consume " + eventType)
                .lowCardinalityKeyValue("consumer", consumer)
                .lowCardinalityKeyValue("event.type", eventType);
    }

    /**
     * Runs {@code send} in an observation ({@link #RELAY_OBSERVATION}) that continues the trace an
     * outbox row stored, so what {@code send} observes (the {@code KafkaTemplate}'s producer span and
     * its {@code traceparent} header) belongs to that trace. Without a stored trace, or without
     * observations, {@code send} runs as it is. Tags are low-cardinality only: the event type.
     */
    public <T> T relaying(String eventType, String traceparent, java.util.function.Supplier<T> send) {
        if (traceparent == null || registry.isNoop()) {
            return send.get();
        }
        ReceiverContext<Map<String, String>> stored = new ReceiverContext<>((carrier, key) -> carrier.get(key));
        stored.setCarrier(Map.of(HEADER, traceparent));
        stored.setRemoteServiceName("outbox");
        Observation observation = Observation.createNotStarted(RELAY_OBSERVATION, () -> stored, registry)
                .contextualName("relay " + eventType)
                .lowCardinalityKeyValue("event.type", eventType)
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            return send.get();
        } catch (RuntimeException e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }
}
