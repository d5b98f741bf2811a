package nl.transfertafel.intake.clock.infrastructure;

import java.time.Clock;
import java.util.UUID;
import nl.transfertafel.intake.clock.domain.TreeknormSignals;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The record of Treeknorm signals sent: one row per entry, norm and level. */
public class SignalRepository {

    private final DatabaseClient db;
    private final Clock clock;

    public SignalRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Emits true when this signal is new (and so must be sent), false when it was sent before. */
    public Mono<Boolean> recordIfNew(UUID referralId, TreeknormSignals.Due due) {
        return db.sql("""
                        insert into treeknorm_signal (referral_id, norm, level, deadline, signalled_at)
                        values (:id, :norm, :level, :deadline, :at)
                        on conflict do nothing""")
                .bind("id", referralId)
                .bind("norm", due.norm().name())
                .bind("level", due.level().name())
                .bind("deadline", due.deadline())
                .bind("at", clock.instant())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }
}
