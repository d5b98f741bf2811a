package nl.transfertafel.transfertable.common.infrastructure;

import java.time.Duration;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Which instance runs a job that all instances schedule: the one whose conditional upsert moves
 * the job's {@code last_run_at} forward. The row lock of that one statement decides between
 * instances that try at the same moment; no lock is held while the job runs, so a crashed instance
 * blocks nobody (ADR 0705).
 */
public class JobLeases {

    private final DatabaseClient db;

    public JobLeases(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Claims the job's run at {@code now} unless some instance ran it less than {@code interval}
     * ago (with a tenth of slack, so two instances on the same schedule do not both skip a turn).
     */
    public Mono<Boolean> claim(String job, Instant now, Duration interval) {
        return db.sql("""
                        insert into job_lease (job, last_run_at) values (:job, :now)
                        on conflict (job) do update set last_run_at = excluded.last_run_at
                        where job_lease.last_run_at <= :due""")
                .bind("job", job)
                .bind("now", now)
                .bind("due", now.minus(interval.multipliedBy(9).dividedBy(10)))
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }
}
