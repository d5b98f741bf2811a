package nl.transfertafel.transfertable.support;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the service sends, by wrapping its connection factory with r2dbc-proxy (issue 10:
 * a listing must not send one query per item). Background work (the outbox relay, consumers, rounds) shares the
 * pool, so a test counts only statements naming the tables it cares about, and takes the least of a few tries.
 */
public final class StatementCounter {

    private static final List<String> SENT = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    private StatementCounter() {
    }

    /**
     * Wraps the application's {@link ConnectionFactory} (the pool) so every statement passes the counter (and
     * {@link BeforeStatement}, a test's hook for races).
     */
    public static BeanPostProcessor wrapping() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ConnectionFactory factory) {
                    return ProxyConnectionFactory.builder(factory).onAfterQuery(StatementCounter::sent)
                            .onBeforeQuery(BeforeStatement::before).build();
                }
                return bean;
            }
        };
    }

    private static void sent(QueryExecutionInfo execution) {
        if (recording) {
            // a batch is one round trip; a statement with bindings is one execution
            SENT.add(execution.getQueries().isEmpty() ? "" : execution.getQueries().get(0).getQuery());
        }
    }

    /** The statements matching {@code counted} that were sent while {@code action} ran. */
    public static synchronized int during(Runnable action, Predicate<String> counted) {
        SENT.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return (int) SENT.stream().filter(counted).count();
    }
}
