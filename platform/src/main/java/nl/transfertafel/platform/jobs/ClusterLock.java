package nl.transfertafel.platform.jobs;

import io.r2dbc.spi.Connection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lets a {@link PeriodicJob} run on exactly one instance of a service at a time, e.g. the full
 * re-match: {@code new PeriodicJob("rematch", every, clusterLock.onOneInstance("rematch", work), meters)}.
 *
 * <p>The run holds a PostgreSQL session advisory lock (in the service's own database, keyed by the
 * lock name) on one connection for as long as the work takes; an instance that finds the lock taken
 * skips that run. The lock is given back when the work ends, also when it fails, and PostgreSQL
 * drops it when the instance dies (its connection closes), so a crashed instance never blocks the
 * job elsewhere. Services share no database, so names need only be unique within a service.
 */
public final class ClusterLock {

    /** First key of the job locks (two-int advisory lock space: "TfJb"); the relay's lanes use another. */
    static final int JOB_LOCK_SPACE = 0x54664A62;

    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

    private final DatabaseClient db;
    private final Duration maxRun;

    public ClusterLock(DatabaseClient db) {
        this(db, Duration.ofHours(1));
    }

    /** @param maxRun how long one run may take at most (the run fails after that, and the lock is given back) */
    public ClusterLock(DatabaseClient db, Duration maxRun) {
        this.db = db;
        this.maxRun = maxRun;
    }

    /** The work, run only when no other instance runs work under the same name right now. */
    public Runnable onOneInstance(String lockName, Runnable work) {
        int key = lockName.hashCode();
        return () -> {
            Boolean ran = db.inConnection(connection -> query(connection, "select pg_try_advisory_lock($1, $2)", key)
                            .flatMap(locked -> locked
                                    ? Mono.fromRunnable(work).subscribeOn(Schedulers.boundedElastic())
                                            .then(Mono.just(true))
                                            .onErrorResume(failure -> unlock(connection, key).then(Mono.error(failure)))
                                            .flatMap(done -> unlock(connection, key).thenReturn(true))
                                    : Mono.just(false)))
                    .block(maxRun);
            if (!Boolean.TRUE.equals(ran)) {
                log.debug("{} runs on another instance now; skipped here", lockName);
            }
        };
    }

    private static Mono<Boolean> unlock(Connection connection, int key) {
        return query(connection, "select pg_advisory_unlock($1, $2)", key);
    }

    private static Mono<Boolean> query(Connection connection, String sql, int key) {
        return Mono.from(connection.createStatement(sql).bind("$1", JOB_LOCK_SPACE).bind("$2", key).execute())
                .flatMap(result -> Mono.from(result.map((row, metadata) -> row.get(0, Boolean.class))));
    }
}
