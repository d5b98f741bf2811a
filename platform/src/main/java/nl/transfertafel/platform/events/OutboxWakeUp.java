package nl.transfertafel.platform.events;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import nl.transfertafel.platform.jobs.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Wakes the outbox relay when a transaction that wrote outbox rows commits: the outbox's trigger
 * sends {@code NOTIFY transfertafel_outbox}, and this holds one connection (outside the pool) that
 * {@code LISTEN}s for it. Events so leave within milliseconds of their commit, while the relay itself
 * polls only as a slow fallback (for a notification lost while this connection was re-established).
 * When the connection breaks it is opened again with backoff, and the relay is woken once then.
 */
public class OutboxWakeUp implements SmartLifecycle {

    static final String CHANNEL = "transfertafel_outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxWakeUp.class);

    private final ConnectionFactory connections;
    private final PeriodicJob relayJob;
    private final Counter wakeUps;
    private volatile Disposable listening;

    public OutboxWakeUp(ConnectionFactory connections, PeriodicJob relayJob, MeterRegistry meters) {
        this.connections = connections;
        this.relayJob = relayJob;
        this.wakeUps = Counter.builder("transfertafel.outbox.wake-ups")
                .description("Commits of outbox rows that woke this service's relay").register(meters);
    }

    @Override
    public synchronized void start() {
        PostgresqlConnectionFactory postgres = postgres(connections);
        if (postgres == null) {
            log.warn("not a PostgreSQL connection factory ({}): the outbox relay only polls", connections);
            return;
        }
        // the connection is closed when the stream ends, fails or is disposed (stop)
        listening = Flux.usingWhen(Mono.defer(postgres::create),
                        opened -> opened.createStatement("LISTEN " + CHANNEL).execute()
                                .flatMap(PostgresqlResult::getRowsUpdated)
                                .then(Mono.fromRunnable(relayJob::wake)) // what committed while we were not listening
                                .thenMany(opened.getNotifications()),
                        PostgresqlConnection::close)
                .doOnNext(notification -> {
                    wakeUps.increment();
                    relayJob.wake();
                })
                // a broken connection completes or fails the stream: listen again, with backoff
                .repeat()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> log.debug("outbox wake-up connection lost, reopening: {}",
                                signal.failure().toString())))
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        Disposable current = listening;
        listening = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }

    private static PostgresqlConnectionFactory postgres(ConnectionFactory factory) {
        Object current = factory;
        for (int depth = 0; depth < 5 && current != null; depth++) {
            if (current instanceof PostgresqlConnectionFactory postgres) {
                return postgres;
            }
            current = current instanceof Wrapped<?> wrapped ? wrapped.unwrap() : null;
        }
        return null;
    }
}
