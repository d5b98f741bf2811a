package nl.transfertafel.transfertable.matching.infrastructure;

import static nl.transfertafel.transfertable.common.infrastructure.Sql.instant;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.text;

import java.time.Instant;
import nl.transfertafel.transfertable.matching.domain.MatchRound;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ledger of contract and ceiling blocks: one row per client x provider x reason, so a
 * TransferBlocked event goes out once while the block lasts (and again after it was lifted and
 * came back). Insurers list their clients' blocks from here.
 */
public class BlockRepository {

    private final DatabaseClient db;

    public BlockRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Emits true when the block is new (or back after being lifted): then the event must go out. */
    public Mono<Boolean> record(String region, MatchRound.ContractBlock block, Instant now) {
        var spec = db.sql("""
                        insert into transfer_block (referral_id, provider_agb, reason, region, client_pseudonym,
                            insurer_uzovi, capacity_line_id, current_provider_agb, first_blocked_at)
                        values (:referral, :provider, :reason, :region, :pseudonym, :insurer, :line, :current, :now)
                        on conflict (referral_id, provider_agb, reason) do update set lifted_at = null,
                            first_blocked_at = excluded.first_blocked_at, capacity_line_id = excluded.capacity_line_id
                        where transfer_block.lifted_at is not null""")
                .bind("referral", block.client().referralId())
                .bind("provider", block.line().providerAgb())
                .bind("reason", block.reason().name())
                .bind("region", region)
                .bind("pseudonym", block.client().clientPseudonym())
                .bind("insurer", block.client().insurerUzovi())
                .bind("line", block.line().capacityLineId())
                .bind("now", now);
        spec = text(spec, "current", block.client().currentProviderAgb());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The insurer contracted the provider (again) below its ceiling: its blocks are lifted. */
    public Mono<Long> lift(String insurerUzovi, String providerAgb, Instant now) {
        return db.sql("""
                        update transfer_block set lifted_at = :now
                        where insurer_uzovi = :insurer and provider_agb = :provider and lifted_at is null""")
                .bind("now", now)
                .bind("insurer", insurerUzovi)
                .bind("provider", providerAgb)
                .fetch().rowsUpdated();
    }

    public Flux<BlockView> forInsurer(String insurerUzovi, String region) {
        var spec = db.sql("""
                        select referral_id, client_pseudonym, region, provider_agb, capacity_line_id, current_provider_agb,
                            reason, first_blocked_at, lifted_at
                        from transfer_block where insurer_uzovi = :insurer and (:region = '' or region = :region)
                        order by first_blocked_at desc, referral_id""")
                .bind("insurer", insurerUzovi)
                .bind("region", region == null ? "" : region);
        return spec.map(row -> new BlockView(row.get("referral_id", String.class), row.get("client_pseudonym", String.class),
                        row.get("region", String.class), row.get("provider_agb", String.class),
                        row.get("capacity_line_id", String.class), row.get("current_provider_agb", String.class),
                        row.get("reason", String.class), instant(row, "first_blocked_at"), instant(row, "lifted_at")))
                .all();
    }

    public record BlockView(String referralId, String clientPseudonym, String region, String providerAgb,
            String capacityLineId, String currentProviderAgb, String reason, Instant blockedSince, Instant liftedAt) {
    }
}
