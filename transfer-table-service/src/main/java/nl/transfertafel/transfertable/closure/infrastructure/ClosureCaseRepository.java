package nl.transfertafel.transfertable.closure.infrastructure;

import static nl.transfertafel.transfertable.common.infrastructure.Sql.instant;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.transfertable.closure.domain.ClosureCase;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the closure cases. The read model projects them (tables {@code provider_closure} and
 * {@code closure_member}, from ProviderClosureAnnounced); this feature only reads them, with the
 * members' current waiting stage, and never writes. Who sees what is a {@link Scope}.
 */
public class ClosureCaseRepository {

    /** A coordinator's region, or an insurer's UZOVI (then only its own insured clients, in every region). */
    public record Scope(String region, String insurerUzovi) {

        public static Scope region(String region) {
            return new Scope(region == null ? "" : region, null);
        }

        public static Scope insurer(String uzovi) {
            return new Scope(null, uzovi == null ? "" : uzovi);
        }

        String memberCondition(String alias) {
            return region != null ? alias + ".region = :scope" : alias + ".insurer_uzovi = :scope";
        }

        String value() {
            return region != null ? region : insurerUzovi;
        }
    }

    /** A member as stored, with whether its waiting entry still waits. */
    public record MemberRow(String closureId, String referralId, String region, String clientPseudonym,
            String insurerUzovi, LocalDate registeredOn, boolean inTreatment, boolean stillWaiting,
            boolean locationUnknown) {
    }

    private final DatabaseClient db;

    public ClosureCaseRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The cases the scope may see, newest first: a coordinator those of its region's providers and those
     * with a member in its region; an insurer those with a member it insures.
     */
    public Flux<ClosureCase> visible(Scope scope) {
        String own = scope.region() != null ? "c.region = :scope or " : "";
        return db.sql("select c.* from provider_closure c where " + own + "exists (select 1 from closure_member m"
                        + " where m.closure_id = c.closure_id and " + scope.memberCondition("m") + ")"
                        + " order by c.announced_at desc, c.closure_id")
                .bind("scope", scope.value())
                .map(ClosureCaseRepository::closure).all();
    }

    public Mono<ClosureCase> find(String closureId) {
        return db.sql("select * from provider_closure where closure_id = :id").bind("id", closureId)
                .map(ClosureCaseRepository::closure).one();
    }

    /** The members of these cases the scope may see, in one statement. */
    public Flux<MemberRow> members(Collection<String> closureIds, Scope scope) {
        if (closureIds.isEmpty()) {
            return Flux.empty();
        }
        // a treatment that must move waits from the closure's end date (ADR 1431): its Treeknorm counts from then
        return db.sql("select m.closure_id, m.referral_id, m.region, m.client_pseudonym, m.insurer_uzovi,"
                        + " coalesce(w.wait_counts_from, m.registered_on) as registered_on, m.in_treatment,"
                        + " coalesce(w.stage, 'WAITING') = 'WAITING' as still_waiting, m.location_unknown"
                        + " from closure_member m left join waiting_client w on w.referral_id = m.referral_id"
                        + " where m.closure_id = any(:ids) and " + scope.memberCondition("m")
                        + " order by m.closure_id, m.registered_on nulls last, m.referral_id")
                .bind("ids", closureIds.stream().distinct().toArray(String[]::new))
                .bind("scope", scope.value())
                .map(row -> new MemberRow(row.get("closure_id", String.class), row.get("referral_id", String.class),
                        row.get("region", String.class), row.get("client_pseudonym", String.class),
                        row.get("insurer_uzovi", String.class), row.get("registered_on", LocalDate.class),
                        Boolean.TRUE.equals(row.get("in_treatment", Boolean.class)),
                        Boolean.TRUE.equals(row.get("still_waiting", Boolean.class)),
                        Boolean.TRUE.equals(row.get("location_unknown", Boolean.class))))
                .all();
    }

    private static ClosureCase closure(Readable row) {
        String groups = row.get("diagnosis_groups", String.class);
        List<DiagnosisGroup> scope = groups == null || groups.isBlank() ? List.of()
                : Arrays.stream(groups.split(",")).map(DiagnosisGroup::valueOf).toList();
        return new ClosureCase(row.get("closure_id", String.class), row.get("region", String.class),
                row.get("provider_agb", String.class), row.get("location_id", String.class), scope,
                row.get("end_date", LocalDate.class), row.get("handover_contact", String.class),
                instant(row, "announced_at"));
    }
}
