package nl.transfertafel.intake.referral.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.intake.referral.domain.Referral;
import nl.transfertafel.intake.referral.domain.ReferralRequest;
import nl.transfertafel.intake.support.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Referrals: the pseudonymous facts of a referral (the personal data is in client_personal_data, encrypted). */
public class ReferralRepository {

    // The statements, named once: the repository runs them and HotQueriesUseIndexesIT explains these very texts.
    public static final String INSERT = """
            insert into referral (id, client_pseudonym, referrer_agb, region, postcode_area, age_band,
                insurer_uzovi, diagnosis_group, care_level, urgency, preferred_provider_agb, max_travel_km,
                e_health_acceptable, wait_for_preferred_provider, screening_consent, registered_on, source,
                registered_by, client_support_organisation, referrer_confirmed, created_at)
            values (:id, :pseudonym, :referrer, :region, :postcodeArea, :ageBand, :insurer, :diagnosisGroup,
                :careLevel, :urgency, :preferredProvider, :maxTravelKm, :eHealth, :waitForPreferred,
                :consent, :registeredOn, :source, :registeredBy, :support, :referrerConfirmed, :createdAt)""";
    public static final String FIND = "select * from referral where id = :id";
    public static final String FIND_FOR_UPDATE = FIND + " for update";
    public static final String FIND_ALL = "select * from referral where id = any(:ids)";
    public static final String UPDATE_CLIENT_SUPPORT = "update referral set client_support_organisation = :support where id = :id";
    public static final String CONFIRM_REFERRER = "update referral set referrer_confirmed = true where id = :id";
    private static final String BY_REFERRER_PAGE = " where r.referrer_agb = :referrer and r.region = :region"
            + " order by r.registered_on desc, r.created_at desc, r.id limit :limit offset :offset";
    /** A referrer's referrals in a region, newest first, a page of them. */
    public static final String BY_REFERRER = "select r.* from referral r" + BY_REFERRER_PAGE;
    /** As {@link #BY_REFERRER}, only those whose client still waits. */
    public static final String BY_REFERRER_ACTIVE = "select r.* from referral r"
            + " join waiting_entry e on e.referral_id = r.id and e.stage in ('WAITING', 'INTAKE_DONE')" + BY_REFERRER_PAGE;

    private final DatabaseClient db;
    private final Clock clock;

    public ReferralRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Void> insert(Referral referral) {
        var spec = db.sql(INSERT)
                .bind("id", referral.id())
                .bind("pseudonym", referral.clientPseudonym())
                .bind("referrer", referral.referrerAgb())
                .bind("region", referral.region())
                .bind("postcodeArea", referral.postcodeArea())
                .bind("ageBand", referral.ageBand())
                .bind("insurer", referral.insurerUzovi())
                .bind("diagnosisGroup", referral.diagnosisGroup().name())
                .bind("careLevel", referral.careLevel().name())
                .bind("urgency", referral.urgency().name())
                .bind("eHealth", referral.preferences().eHealthAcceptable())
                .bind("waitForPreferred", referral.preferences().waitForPreferredProvider())
                .bind("consent", referral.screeningConsent())
                .bind("registeredOn", referral.registeredOn())
                .bind("source", referral.source().name())
                .bind("registeredBy", referral.registeredBy())
                .bind("referrerConfirmed", referral.referrerConfirmed())
                .bind("createdAt", clock.instant());
        spec = Sql.bind(spec, "preferredProvider", referral.preferredProviderAgb(), String.class);
        spec = Sql.bind(spec, "maxTravelKm", referral.preferences().maxTravelKm(), Integer.class);
        spec = Sql.bind(spec, "support", referral.clientSupportOrganisation(), String.class);
        return spec.then();
    }

    /** The referral, its row locked until the transaction ends, so changes to it are made one after the other. */
    public Mono<Referral> findForUpdate(UUID id) {
        return db.sql(FIND_FOR_UPDATE).bind("id", id)
                .map(ReferralRepository::referral).one();
    }

    public Mono<Void> updateClientSupport(UUID id, String organisation) {
        return Sql.bind(db.sql(UPDATE_CLIENT_SUPPORT).bind("id", id),
                "support", organisation, String.class).then();
    }

    public Mono<Void> confirmReferrer(UUID id) {
        return db.sql(CONFIRM_REFERRER).bind("id", id).then();
    }

    public Mono<Referral> find(UUID id) {
        return db.sql(FIND).bind("id", id).map(ReferralRepository::referral).one();
    }

    public Mono<java.util.Map<UUID, Referral>> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(java.util.Map.of());
        }
        return db.sql(FIND_ALL)
                .bind("ids", ids.toArray(UUID[]::new))
                .map(ReferralRepository::referral)
                .all()
                .collectMap(Referral::id);
    }

    /**
     * A referrer's referrals, newest first. {@code activeOnly} keeps those whose client still waits
     * (intake or treatment not started, not withdrawn).
     */
    public Flux<Referral> byReferrer(String referrerAgb, String region, boolean activeOnly, int limit, int offset) {
        return db.sql(activeOnly ? BY_REFERRER_ACTIVE : BY_REFERRER)
                .bind("referrer", referrerAgb)
                .bind("region", region)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(ReferralRepository::referral)
                .all();
    }

    private static Referral referral(Readable row) {
        return new Referral(
                row.get("id", UUID.class),
                row.get("client_pseudonym", String.class),
                row.get("referrer_agb", String.class),
                row.get("region", String.class),
                row.get("postcode_area", String.class),
                row.get("age_band", String.class),
                row.get("insurer_uzovi", String.class),
                Sql.enumOf(row, "diagnosis_group", DiagnosisGroup.class),
                Sql.enumOf(row, "care_level", CareLevel.class),
                Sql.enumOf(row, "urgency", Urgency.class),
                row.get("preferred_provider_agb", String.class),
                new ReferralRequest.Preferences(row.get("max_travel_km", Integer.class),
                        Boolean.TRUE.equals(row.get("e_health_acceptable", Boolean.class)),
                        Boolean.TRUE.equals(row.get("wait_for_preferred_provider", Boolean.class))),
                Boolean.TRUE.equals(row.get("screening_consent", Boolean.class)),
                row.get("registered_on", LocalDate.class),
                Sql.enumOf(row, "source", Referral.Source.class),
                row.get("registered_by", String.class),
                row.get("client_support_organisation", String.class),
                Boolean.TRUE.equals(row.get("referrer_confirmed", Boolean.class)));
    }
}
