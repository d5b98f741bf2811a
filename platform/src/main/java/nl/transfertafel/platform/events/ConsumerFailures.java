package nl.transfertafel.platform.events;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import nl.transfertafel.platform.refusal.Refused;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Tells why an event's effect failed, which decides what happens to the event (see
 * {@link ConsumerErrorHandling}):
 * <ul>
 * <li><b>infrastructure</b>: PostgreSQL or another service unreachable, a connection refused or
 * closed, a timeout, a transient R2DBC error (serialization failure, deadlock, lock not available).
 * The event is fine; it is retried with backoff until the infrastructure is back, never dead-lettered.</li>
 * <li><b>lost race</b>: a {@link Refused} with rule {@link Refused#CONCURRENT_UPDATE}: the effect met a
 * concurrent change of the same aggregate (a request, another consumer). The event is fine and a retry
 * reloads the state, so it is retried with a short backoff, a bounded number of times, before it counts
 * as a failure. (Dead-lettering it at once let later events of the aggregate apply first: the full
 * cluster run of 2026-12-06 showed a capacity line's change applied 12 minutes late, at the replay.)</li>
 * <li><b>unprocessable</b>: not an event ({@link UnprocessableEvent}) or any other, deterministic,
 * refusal ({@link Refused}): dead-lettered at once.</li>
 * <li>anything else (a bug in a handler): a few retries, then the dead-letter topic, where an admin
 * replays it once fixed.</li>
 * </ul>
 */
public final class ConsumerFailures {

    /**
     * SQLSTATE classes that mean the server, not the statement: connection exception (08), insufficient
     * resources (53), operator intervention such as admin shutdown or "cannot connect now" (57),
     * system error (58); and a database that does not accept connections at the moment (55000).
     */
    private static final Set<String> INFRASTRUCTURE_SQL_STATE_CLASSES = Set.of("08", "53", "57", "58");

    private ConsumerFailures() {
    }

    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof R2dbcTransientException
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof IOException
                    || cause instanceof TimeoutException
                    || cause instanceof WebClientRequestException) {
                return true;
            }
            if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
                    && (r2dbc.getSqlState().length() >= 2
                            && INFRASTRUCTURE_SQL_STATE_CLASSES.contains(r2dbc.getSqlState().substring(0, 2))
                            || "55000".equals(r2dbc.getSqlState()))) {
                return true;
            }
            if (cause instanceof WebClientResponseException response && response.getStatusCode().is5xxServerError()) {
                return true;
            }
        }
        return false;
    }

    public static boolean isLostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof Refused refused && refused.isLostRace()) {
                return true;
            }
        }
        return false;
    }

    public static boolean isUnprocessable(Throwable failure) {
        if (isLostRace(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof UnprocessableEvent || cause instanceof Refused) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
