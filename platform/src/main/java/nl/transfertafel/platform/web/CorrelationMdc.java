package nl.transfertafel.platform.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.UUID;
import nl.transfertafel.platform.events.Correlation;
import org.slf4j.MDC;

/**
 * Puts the correlation id of the Reactor context into the log MDC ({@code correlationId}) wherever
 * the work of a request or an event runs: Reactor's automatic context propagation
 * ({@code spring.reactor.context-propagation=auto}) restores thread-locals from the context with
 * this accessor, as Micrometer Tracing does for {@code traceId} and {@code spanId}.
 */
public final class CorrelationMdc implements ThreadLocalAccessor<UUID> {

    private static volatile boolean registered;

    /** Registers the accessor once per JVM (the registry is global). */
    public static synchronized void register() {
        if (!registered) {
            ContextRegistry.getInstance().registerThreadLocalAccessor(new CorrelationMdc());
            registered = true;
        }
    }

    @Override
    public Object key() {
        return Correlation.KEY;
    }

    @Override
    public UUID getValue() {
        String value = MDC.get(Correlation.MDC_KEY);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void setValue(UUID value) {
        MDC.put(Correlation.MDC_KEY, value.toString());
    }

    @Override
    public void setValue() {
        MDC.remove(Correlation.MDC_KEY);
    }
}
