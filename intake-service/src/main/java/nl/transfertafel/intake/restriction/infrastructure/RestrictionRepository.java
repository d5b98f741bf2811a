package nl.transfertafel.intake.restriction.infrastructure;

import java.time.Clock;
import java.time.LocalDate;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.intake.restriction.domain.RegistrationRestriction;
import nl.transfertafel.intake.support.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** This service's copy of the registration stops and pauses capacity-service announced. */
public class RestrictionRepository {

    /** Named once: the repository runs it and HotQueriesUseIndexesIT explains this very text. */
    public static final String ACTIVE_FOR = "select * from registration_restriction where provider_agb = :provider and active";

    private final DatabaseClient db;
    private final Clock clock;

    public RestrictionRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The latest announcement of a restriction wins (events of a region arrive in order). */
    public Mono<Void> upsert(String region, RegistrationRestriction restriction) {
        var spec = db.sql("""
                        insert into registration_restriction (restriction_id, region, provider_agb, kind, diagnosis_group,
                            active, valid_from, valid_until, updated_at)
                        values (:id, :region, :provider, :kind, :group, :active, :from, :until, :now)
                        on conflict (restriction_id) do update set region = excluded.region,
                            provider_agb = excluded.provider_agb, kind = excluded.kind,
                            diagnosis_group = excluded.diagnosis_group, active = excluded.active,
                            valid_from = excluded.valid_from, valid_until = excluded.valid_until,
                            updated_at = excluded.updated_at""")
                .bind("id", restriction.restrictionId())
                .bind("region", region)
                .bind("provider", restriction.providerAgb())
                .bind("kind", restriction.kind().name())
                .bind("active", restriction.active())
                .bind("from", restriction.from())
                .bind("now", clock.instant());
        spec = Sql.bindName(spec, "group", restriction.diagnosisGroup());
        spec = Sql.bind(spec, "until", restriction.until(), LocalDate.class);
        return spec.then();
    }

    public Flux<RegistrationRestriction> activeFor(String providerAgb) {
        return db.sql(ACTIVE_FOR)
                .bind("provider", providerAgb)
                .map(row -> new RegistrationRestriction(
                        row.get("restriction_id", String.class),
                        row.get("provider_agb", String.class),
                        Sql.enumOf(row, "kind", RegistrationRestrictionChanged.Kind.class),
                        Sql.enumOf(row, "diagnosis_group", DiagnosisGroup.class),
                        Boolean.TRUE.equals(row.get("active", Boolean.class)),
                        row.get("valid_from", LocalDate.class),
                        row.get("valid_until", LocalDate.class)))
                .all();
    }
}
