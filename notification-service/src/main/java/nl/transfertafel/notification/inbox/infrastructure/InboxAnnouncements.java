package nl.transfertafel.notification.inbox.infrastructure;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.UUID;
import nl.transfertafel.notification.inbox.application.InboxService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Feeds the live inbox streams of this instance with every inbox notification committed by any
 * instance: {@link InboxRepository#add} announces a new row with {@code pg_notify} in its own
 * transaction, and this listener holds one dedicated connection (outside the pool) that LISTENs on
 * {@link InboxRepository#CHANNEL}. PostgreSQL delivers the announcement at commit, so the stream
 * never shows what was rolled back, and an idle system costs nothing (no polling). A lost connection
 * is opened again with backoff; announcements made meanwhile are missed by the live stream only,
 * never by the inbox list (ADR 0502).
 */
public class InboxAnnouncements implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxAnnouncements.class);

    private static final int MAX_BUFFERED = 10_000;

    private final ConnectionFactory connections;
    private final InboxService inbox;
    private volatile Disposable listening;

    public InboxAnnouncements(ConnectionFactory connections, InboxService inbox) {
        this.connections = unwrapped(connections);
        this.inbox = inbox;
    }

    /** The driver's own factory: a pooled connection would be held for ever, and LISTEN belongs to one session. */
    private static ConnectionFactory unwrapped(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner
                && inner != current) {
            current = inner;
        }
        return current;
    }

    private Flux<Void> listen() {
        return Flux.<Void, Connection>usingWhen(Mono.from(connections.create()),
                        connection -> {
                            if (!(connection instanceof PostgresqlConnection pg)) {
                                return Flux.<Void>error(new IllegalStateException(
                                        "live inbox streams need PostgreSQL, got " + connection.getClass().getName()));
                            }
                            return pg.createStatement("LISTEN " + InboxRepository.CHANNEL).execute()
                                    .flatMap(PostgresqlResult::getRowsUpdated).then()
                                    .doOnSuccess(ok -> log.debug("listening for inbox notifications"))
                                    .thenMany(pg.getNotifications())
                                    // the driver drops the connection when its consumer lags: a burst is
                                    // buffered here while each announced row is read
                                    .onBackpressureBuffer(MAX_BUFFERED, n -> log.warn(
                                            "live inbox stream lagging, notification {} not streamed", n.getParameter()),
                                            reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST)
                                    .concatMap(n -> inbox.announced(UUID.fromString(n.getParameter()))
                                            .onErrorResume(e -> {
                                                log.warn("inbox notification {} not streamed: {}", n.getParameter(),
                                                        e.toString());
                                                return Mono.empty();
                                            }));
                        },
                        Connection::close)
                .concatWith(Mono.error(() -> new IllegalStateException("the listening connection closed")));
    }

    @Override
    public synchronized void start() {
        if (listening == null) {
            listening = listen()
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                            .doBeforeRetry(s -> log.warn("listening for inbox notifications failed, retrying: {}",
                                    s.failure().toString())))
                    .subscribe();
        }
    }

    @Override
    public synchronized void stop() {
        if (listening != null) {
            listening.dispose();
            listening = null;
        }
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
