package nl.transfertafel.localstack.logging;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Which of the services in this JVM a log line is written for. In production each service has its own
 * JVM and its structured logs name it ({@code service.name}, from {@code spring.application.name}); the
 * local stack runs four services (and the FHIR gateway) in one JVM with one logging system, so a name
 * fixed at start-up would attribute every line to whichever service started logging first.
 *
 * <p>One {@link Handler} per service context marks the thread while any of that service's observations
 * is in scope: an HTTP request it serves, an event it consumes (the platform's consume observation) and
 * the calls made within them. Reactor's context propagation opens and closes these scopes on whichever
 * thread the work hops to, so the mark follows the work. {@link ServiceNameInEcsLogs} writes it into
 * the line. A line written outside every observation (start-up, a periodic job) carries the stack's own
 * name instead.
 */
public final class ServiceOfLogLine {

    private static final ThreadLocal<Deque<String>> CURRENT = ThreadLocal.withInitial(ArrayDeque::new);

    private ServiceOfLogLine() {
    }

    /** The service whose work the current thread is doing, or {@code null} outside any service's observation. */
    public static String current() {
        return CURRENT.get().peek();
    }

    /** Marks the thread with one service's name while that service's observations are in scope. */
    public static final class Handler implements ObservationHandler<Observation.Context> {

        private final String service;

        public Handler(String service) {
            this.service = service;
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        @Override
        public void onScopeOpened(Observation.Context context) {
            CURRENT.get().push(service);
        }

        @Override
        public void onScopeClosed(Observation.Context context) {
            Deque<String> marks = CURRENT.get();
            if (!marks.isEmpty()) {
                marks.pop();
            }
        }

        @Override
        public void onScopeReset(Observation.Context context) {
            CURRENT.get().clear();
        }
    }
}
