package nl.transfertafel.transfertable.support;

import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.spi.Parameter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs something once, just before the service sends the first statement that matches: the way a test puts a
 * competing change exactly between what the service read and what it writes (a race that otherwise needs a
 * loaded machine). Fed by the r2dbc-proxy that {@link StatementCounter#wrapping()} puts around the pool.
 *
 * <p>The action runs on the thread that sends the statement, which may be the connection's event loop: it must
 * not use the service's R2DBC pool (it could wait on that very loop). Use a connection of its own (JDBC).
 */
public final class BeforeStatement {

    /** A statement about to be sent: its SQL and the values bound to it (index and named). */
    public record Sent(String sql, List<Object> values) {
    }

    private record Armed(Predicate<Sent> statement, Runnable action) {
    }

    private static final AtomicReference<Armed> ARMED = new AtomicReference<>();

    private BeforeStatement() {
    }

    /** The next statement matching {@code statement} first runs {@code action} (once). */
    public static void arm(Predicate<Sent> statement, Runnable action) {
        ARMED.set(new Armed(statement, action));
    }

    public static void disarm() {
        ARMED.set(null);
    }

    static void before(QueryExecutionInfo execution) {
        Armed armed = ARMED.get();
        if (armed == null || execution.getQueries().isEmpty()) {
            return;
        }
        QueryInfo query = execution.getQueries().get(0);
        List<Object> values = query.getBindingsList().stream()
                .flatMap(b -> Stream.concat(b.getIndexBindings().stream(), b.getNamedBindings().stream()))
                .map(b -> b.getBoundValue().isNull() ? null : b.getBoundValue().getValue())
                .map(v -> v instanceof Parameter parameter ? parameter.getValue() : v)
                .toList();
        if (armed.statement().test(new Sent(query.getQuery(), values)) && ARMED.compareAndSet(armed, null)) {
            armed.action().run();
        }
    }
}
