package nl.transfertafel.platform.events;

import java.util.Optional;
import java.util.UUID;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The correlation id that ties a chain of events to the request or event that started it. It rides
 * in the Reactor context: the web filter sets it from {@code X-Correlation-Id}, consumers from the
 * incoming envelope, and the outbox copies it onto every event it writes.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    /** The key in the Reactor context (and of the thread-local accessor that puts it in the log MDC). */
    public static final String KEY = Correlation.class.getName();
    /** The MDC key every log line written while handling a request or an event carries. */
    public static final String MDC_KEY = "correlationId";

    private Correlation() {
    }

    public static Context with(UUID correlationId) {
        return Context.of(KEY, correlationId);
    }

    public static Optional<UUID> from(ContextView context) {
        return context.getOrEmpty(KEY);
    }
}
