package nl.transfertafel.transfertable.waitinglist.infrastructure;

import static nl.transfertafel.transfertable.common.infrastructure.Sql.enumOf;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.instant;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.text;

import io.r2dbc.spi.Readable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.transfertable.screening.domain.Approval;
import nl.transfertafel.transfertable.waitinglist.domain.WaitingListScreening;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

public class WaitingListScreeningRepository {

    private static final String COLUMNS = """
            screening_id, region, referral_id, client_pseudonym, current_provider_agb, verdict, reason, state, approvals,
            dismissed_by, dismissal_reason, created_at, decided_at, version""";

    private final DatabaseClient db;

    public WaitingListScreeningRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(WaitingListScreening s) {
        var spec = db.sql("insert into waiting_list_screening (" + COLUMNS + ") values (:id, :region, :referral,"
                        + " :pseudonym, :current, :verdict, :reason, :state, :approvals, null, null, :createdAt, null, 0)")
                .bind("id", s.screeningId())
                .bind("region", s.region())
                .bind("referral", s.referralId())
                .bind("pseudonym", s.clientPseudonym())
                .bind("verdict", s.verdict().name())
                .bind("reason", s.reason().name())
                .bind("state", s.state().name())
                .bind("approvals", EventJson.mapper().writeValueAsString(s.approvals()))
                .bind("createdAt", s.createdAt());
        spec = text(spec, "current", s.currentProviderAgb());
        return spec.then();
    }

    public Mono<Boolean> update(WaitingListScreening before, WaitingListScreening after) {
        var spec = db.sql("""
                        update waiting_list_screening set state = :state, approvals = :approvals, dismissed_by = :dismissedBy,
                            dismissal_reason = :dismissal, decided_at = :decidedAt, version = version + 1
                        where screening_id = :id and version = :version""")
                .bind("id", before.screeningId())
                .bind("version", before.version())
                .bind("state", after.state().name())
                .bind("approvals", EventJson.mapper().writeValueAsString(after.approvals()));
        spec = text(spec, "dismissedBy", after.dismissedBy());
        spec = text(spec, "dismissal", after.dismissalReason());
        spec = nl.transfertafel.transfertable.common.infrastructure.Sql.instant(spec, "decidedAt", after.decidedAt());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<WaitingListScreening> find(String screeningId) {
        return db.sql("select " + COLUMNS + " from waiting_list_screening where screening_id = :id")
                .bind("id", screeningId)
                .map(WaitingListScreeningRepository::row)
                .one();
    }

    public Flux<WaitingListScreening> inRegion(String region, boolean openOnly) {
        return db.sql("select " + COLUMNS + " from waiting_list_screening where region = :region"
                        + (openOnly ? " and state = 'OPEN'" : "") + " order by created_at desc, screening_id")
                .bind("region", region)
                .map(WaitingListScreeningRepository::row)
                .all();
    }

    /** Clients whose latest confirmed screening says "not suitable for transfer". */
    public Mono<Set<String>> markedUnsuitable(String region) {
        return db.sql("""
                        select referral_id, verdict from (
                            select distinct on (referral_id) referral_id, verdict from waiting_list_screening
                            where region = :region and state = 'CONFIRMED' order by referral_id, decided_at desc) latest
                        where verdict = 'NOT_SUITABLE_FOR_TRANSFER'""")
                .bind("region", region)
                .map(row -> row.get("referral_id", String.class))
                .all()
                .collect(HashSet<String>::new, Set::add)
                .map(s -> (Set<String>) s);
    }

    static WaitingListScreening row(Readable row) {
        List<Approval> approvals = EventJson.mapper().readValue(row.get("approvals", String.class),
                new TypeReference<List<Approval>>() { });
        return new WaitingListScreening(row.get("screening_id", String.class), row.get("region", String.class),
                row.get("referral_id", String.class), row.get("client_pseudonym", String.class),
                row.get("current_provider_agb", String.class),
                enumOf(row, "verdict", WaitingListScreening.Verdict.class),
                enumOf(row, "reason", WaitingListScreening.Reason.class),
                enumOf(row, "state", WaitingListScreening.State.class), approvals,
                row.get("dismissed_by", String.class),
                enumOf(row, "dismissal_reason", WaitingListScreening.Reason.class),
                instant(row, "created_at"), instant(row, "decided_at"), row.get("version", Long.class));
    }
}
