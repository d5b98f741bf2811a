package nl.transfertafel.intake.transfer.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.intake.support.Sql;
import nl.transfertafel.intake.transfer.domain.TransferProgress;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class TransferProgressRepository {

    // The look-ups, named once: the repository runs them and HotQueriesUseIndexesIT explains these very texts.
    public static final String LOCK_REFERRAL = "select id from referral where id = :id for update";
    public static final String FIND = "select * from transfer_progress where referral_id = :id";
    public static final String FIND_ALL = "select * from transfer_progress where referral_id = any(:ids)";

    private final DatabaseClient db;
    private final Clock clock;

    public TransferProgressRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Locks the referral for the rest of the transaction, so two events about one referral apply one
     * after the other; emits false when the referral is not ours (unknown here).
     */
    public Mono<Boolean> lockReferral(UUID referralId) {
        return db.sql(LOCK_REFERRAL)
                .bind("id", referralId)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    public Mono<TransferProgress> find(UUID referralId) {
        return db.sql(FIND)
                .bind("id", referralId)
                .map(TransferProgressRepository::progress)
                .one();
    }

    public Mono<Map<UUID, TransferProgress>> findAll(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql(FIND_ALL)
                .bind("ids", referralIds.toArray(UUID[]::new))
                .map(TransferProgressRepository::progress)
                .all()
                .collectMap(TransferProgress::referralId);
    }

    public Mono<Void> save(TransferProgress progress) {
        var spec = db.sql("""
                        insert into transfer_progress (referral_id, proposal_id, state, receiving_provider_agb, outcome,
                            handover_contact, completed_on, updated_at)
                        values (:id, :proposal, :state, :receiving, :outcome, :contact, :completedOn, :now)
                        on conflict (referral_id) do update set proposal_id = excluded.proposal_id,
                            state = excluded.state, receiving_provider_agb = excluded.receiving_provider_agb,
                            outcome = excluded.outcome, handover_contact = excluded.handover_contact,
                            completed_on = excluded.completed_on, updated_at = excluded.updated_at""")
                .bind("id", progress.referralId())
                .bind("proposal", progress.proposalId())
                .bind("state", progress.state().name())
                .bind("now", clock.instant());
        spec = Sql.bind(spec, "receiving", progress.receivingProviderAgb(), String.class);
        spec = Sql.bind(spec, "outcome", progress.outcome(), String.class);
        spec = Sql.bind(spec, "contact", progress.handoverContact(), String.class);
        spec = Sql.bind(spec, "completedOn", progress.completedOn(), LocalDate.class);
        return spec.then();
    }

    private static TransferProgress progress(Readable row) {
        return new TransferProgress(
                row.get("referral_id", UUID.class),
                row.get("proposal_id", String.class),
                Sql.enumOf(row, "state", TransferProgress.State.class),
                row.get("receiving_provider_agb", String.class),
                row.get("outcome", String.class),
                row.get("handover_contact", String.class),
                row.get("completed_on", LocalDate.class));
    }
}
