package nl.transfertafel.capacity.restriction.infrastructure;

import static nl.transfertafel.capacity.common.infrastructure.Sql.bind;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.capacity.restriction.domain.RegistrationRestriction;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registration_restriction table. */
public class RestrictionRepository {

    /** Named once: the housekeeping job runs it and HotQueriesUseIndexesIT explains this very text. */
    public static final String IDS_ACTIVE_ENDED_BEFORE = "select id from registration_restriction where active"
            + " and valid_until < :today limit :limit";

    private final DatabaseClient db;
    private final Clock clock;

    public RestrictionRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Void> insert(RegistrationRestriction r) {
        var spec = db.sql("""
                        insert into registration_restriction (id, provider_agb, region, kind, diagnosis_group, reason,
                            valid_from, valid_until, active, version, updated_at)
                        values (:id, :provider, :region, :kind, :group, :reason, :from, :until, :active, :version, :at)""")
                .bind("id", r.id())
                .bind("provider", r.providerAgb())
                .bind("region", r.region())
                .bind("kind", r.kind().name())
                .bind("reason", r.reason())
                .bind("from", r.from())
                .bind("active", r.active())
                .bind("version", r.version())
                .bind("at", clock.instant());
        spec = bind(spec, "group", r.diagnosisGroup() == null ? null : r.diagnosisGroup().name(), String.class);
        spec = bind(spec, "until", r.until(), LocalDate.class);
        return spec.then();
    }

    public Mono<RegistrationRestriction> lock(UUID id) {
        return db.sql("select * from registration_restriction where id = :id for update").bind("id", id)
                .map(RestrictionRepository::restriction).one();
    }

    public Flux<RegistrationRestriction> findByProvider(String providerAgb) {
        return db.sql("select * from registration_restriction where provider_agb = :agb order by valid_from, id")
                .bind("agb", providerAgb)
                .map(RestrictionRepository::restriction).all();
    }

    public Flux<UUID> idsActiveEndedBefore(LocalDate today, int limit) {
        return db.sql(IDS_ACTIVE_ENDED_BEFORE)
                .bind("today", today).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    public Mono<Boolean> update(RegistrationRestriction r, long expectedVersion) {
        return db.sql("""
                        update registration_restriction set active = :active, version = :version, updated_at = :at
                        where id = :id and version = :expected""")
                .bind("id", r.id())
                .bind("active", r.active())
                .bind("version", r.version())
                .bind("expected", expectedVersion)
                .bind("at", clock.instant())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    static RegistrationRestriction restriction(Readable row) {
        String group = row.get("diagnosis_group", String.class);
        return new RegistrationRestriction(row.get("id", UUID.class), row.get("provider_agb", String.class),
                row.get("region", String.class), Kind.valueOf(row.get("kind", String.class)),
                group == null ? null : DiagnosisGroup.valueOf(group), row.get("reason", String.class),
                row.get("valid_from", LocalDate.class), row.get("valid_until", LocalDate.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("version", Long.class));
    }
}
