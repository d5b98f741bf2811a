package nl.transfertafel.transfertable.escalation.infrastructure;

import static nl.transfertafel.transfertable.common.infrastructure.Sql.enumOf;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.instant;
import static nl.transfertafel.transfertable.common.infrastructure.Sql.text;

import io.r2dbc.spi.Readable;
import java.util.Map;
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.contracts.events.transfer.EscalationResolved;
import nl.transfertafel.transfertable.escalation.domain.Escalation;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class EscalationRepository {

    private static final String COLUMNS = """
            escalation_id, region, referral_id, client_pseudonym, insurer_uzovi, current_provider_agb, referrer_agb,
            reason, route, days_waited, state, resolution, resolved_by_org, opened_at, resolved_at, version""";

    private final DatabaseClient db;

    public EscalationRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Which of these referrals ever had an escalation case (for a closure case's report), in one statement. */
    public Mono<java.util.Set<String>> escalatedAmong(java.util.Collection<String> referralIds) {
        if (referralIds.isEmpty()) {
            return Mono.just(java.util.Set.of());
        }
        return db.sql("select distinct referral_id from escalation where referral_id = any(:ids)")
                .bind("ids", referralIds.stream().distinct().toArray(String[]::new))
                .map(row -> row.get("referral_id", String.class))
                .all().collect(java.util.stream.Collectors.toSet());
    }

    /** Emits false when the client already had an escalation for this reason (each escalates once per reason). */
    public Mono<Boolean> insert(Escalation e) {
        var spec = db.sql("insert into escalation (" + COLUMNS + ") values (:id, :region, :referral, :pseudonym,"
                        + " :insurer, :current, :referrer, :reason, :route, :days, :state, null, null, :openedAt, null, 0)"
                        + " on conflict (referral_id, reason) do nothing")
                .bind("id", e.escalationId())
                .bind("region", e.region())
                .bind("referral", e.referralId())
                .bind("pseudonym", e.clientPseudonym())
                .bind("insurer", e.insurerUzovi())
                .bind("referrer", e.referrerAgb())
                .bind("reason", e.reason().name())
                .bind("route", e.route().name())
                .bind("days", e.daysWaited())
                .bind("state", e.state().name())
                .bind("openedAt", e.openedAt());
        spec = text(spec, "current", e.currentProviderAgb());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Boolean> update(Escalation after, long version) {
        var spec = db.sql("""
                        update escalation set route = :route, state = :state, resolution = :resolution,
                            resolved_by_org = :resolvedBy, resolved_at = :resolvedAt, version = version + 1
                        where escalation_id = :id and version = :version""")
                .bind("id", after.escalationId())
                .bind("version", version)
                .bind("route", after.route().name())
                .bind("state", after.state().name());
        spec = text(spec, "resolution", after.resolution());
        spec = text(spec, "resolvedBy", after.resolvedByOrganisation());
        spec = nl.transfertafel.transfertable.common.infrastructure.Sql.instant(spec, "resolvedAt", after.resolvedAt());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Void> addHistory(String escalationId, Escalation.HistoryEntry entry) {
        var spec = db.sql("insert into escalation_history (escalation_id, at, action, detail, organisation)"
                        + " values (:id, :at, :action, :detail, :org)")
                .bind("id", escalationId)
                .bind("at", entry.at())
                .bind("action", entry.action())
                .bind("detail", entry.detail());
        spec = text(spec, "org", entry.organisation());
        return spec.then();
    }

    public Flux<Escalation.HistoryEntry> history(String escalationId) {
        return db.sql("select at, action, detail, organisation from escalation_history where escalation_id = :id order by id")
                .bind("id", escalationId)
                .map(row -> new Escalation.HistoryEntry(instant(row, "at"), row.get("action", String.class),
                        row.get("detail", String.class), row.get("organisation", String.class)))
                .all();
    }

    public record Versioned(Escalation escalation, long version) {
    }

    public Mono<Versioned> find(String escalationId) {
        return db.sql("select " + COLUMNS + " from escalation where escalation_id = :id")
                .bind("id", escalationId)
                .map(row -> new Versioned(row(row), row.get("version", Long.class)))
                .one();
    }

    public Flux<Versioned> openForClient(String referralId) {
        return db.sql("select " + COLUMNS + " from escalation where referral_id = :id and state = 'OPEN'")
                .bind("id", referralId)
                .map(row -> new Versioned(row(row), row.get("version", Long.class)))
                .all();
    }

    public Flux<Escalation> list(String where, Map<String, Object> params) {
        var spec = db.sql("select " + COLUMNS + " from escalation where " + where
                + " order by state, opened_at desc, escalation_id");
        for (var e : params.entrySet()) {
            spec = spec.bind(e.getKey(), e.getValue());
        }
        return spec.map(EscalationRepository::row).all();
    }

    static Escalation row(Readable row) {
        return new Escalation(row.get("escalation_id", String.class), row.get("region", String.class),
                row.get("referral_id", String.class), row.get("client_pseudonym", String.class),
                row.get("insurer_uzovi", String.class), row.get("current_provider_agb", String.class),
                row.get("referrer_agb", String.class), enumOf(row, "reason", EscalationOpened.Reason.class),
                enumOf(row, "route", EscalationOpened.Route.class), row.get("days_waited", Integer.class),
                enumOf(row, "state", Escalation.State.class),
                enumOf(row, "resolution", EscalationResolved.Resolution.class), row.get("resolved_by_org", String.class),
                instant(row, "opened_at"), instant(row, "resolved_at"));
    }
}
