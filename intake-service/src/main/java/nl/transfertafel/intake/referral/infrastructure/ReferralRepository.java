package nl.transfertafel.intake.referral.infrastructure;

import java.time.Clock;
import nl.transfertafel.intake.referral.domain.Referral;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class ReferralRepository {

    private final DatabaseClient db;
    private final Clock clock;

    public ReferralRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Void> insert(Referral referral) {
        return db.sql("""
                        insert into referral (id, client_pseudonym, referrer_agb, region, postcode_area, age_band,
                            insurer_uzovi, diagnosis_group, care_level, urgency, screening_consent, registered_on, created_at)
                        values (:id, :pseudonym, :referrer, :region, :postcodeArea, :ageBand, :insurer, :diagnosisGroup,
                            :careLevel, :urgency, :consent, :registeredOn, :createdAt)""")
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
                .bind("consent", referral.screeningConsent())
                .bind("registeredOn", referral.registeredOn())
                .bind("createdAt", clock.instant())
                .then();
    }
}
