package nl.transfertafel.transfertable.readmodel.infrastructure;

import java.time.Clock;
import java.util.stream.Collectors;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class ReadModelRepository {

    private final DatabaseClient db;
    private final Clock clock;

    public ReadModelRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Void> upsertWaitingClient(String region, ReferralReceived referral) {
        var spec = db.sql("""
                        insert into waiting_client (referral_id, client_pseudonym, region, referrer_agb, postcode_area,
                            age_band, diagnosis_group, care_level, urgency, insurer_uzovi, registered_on, max_travel_km,
                            e_health_ok, wait_for_preferred, screening_consent, recorded_at)
                        values (:id, :pseudonym, :region, :referrer, :area, :ageBand, :group, :careLevel, :urgency,
                            :insurer, :registeredOn, :maxTravel, :eHealth, :waitPreferred, :consent, :at)
                        on conflict (referral_id) do nothing""")
                .bind("id", referral.referralId())
                .bind("pseudonym", referral.clientPseudonym())
                .bind("region", region)
                .bind("referrer", referral.referrerAgb())
                .bind("area", referral.postcodeArea())
                .bind("ageBand", referral.ageBand())
                .bind("group", referral.diagnosisGroup().name())
                .bind("careLevel", referral.careLevel().name())
                .bind("urgency", referral.urgency().name())
                .bind("insurer", referral.insurerUzovi())
                .bind("registeredOn", referral.registeredOn())
                .bind("eHealth", referral.preferences().eHealthAcceptable())
                .bind("waitPreferred", referral.preferences().waitForPreferredProvider())
                .bind("consent", referral.screeningConsent())
                .bind("at", clock.instant());
        spec = referral.preferences().maxTravelKm() == null ? spec.bindNull("maxTravel", Integer.class)
                : spec.bind("maxTravel", referral.preferences().maxTravelKm());
        return spec.then();
    }

    public Mono<Void> upsertCapacityLine(String region, CapacityAnnounced line) {
        var spec = db.sql("""
                        insert into capacity_line (capacity_line_id, region, provider_agb, provider_type, postcode_area,
                            diagnosis_groups, care_level, places, available_from, available_until, recorded_at)
                        values (:id, :region, :provider, :type, :area, :groups, :careLevel, :places, :from, :until, :at)
                        on conflict (capacity_line_id) do update set places = excluded.places,
                            available_until = excluded.available_until, recorded_at = excluded.recorded_at""")
                .bind("id", line.capacityLineId())
                .bind("region", region)
                .bind("provider", line.providerAgb())
                .bind("type", line.providerType().name())
                .bind("area", line.locationPostcodeArea())
                .bind("groups", line.diagnosisGroups().stream().map(Enum::name).collect(Collectors.joining(",")))
                .bind("careLevel", line.careLevel().name())
                .bind("places", line.places())
                .bind("from", line.availableFrom())
                .bind("at", clock.instant());
        spec = line.availableUntil() == null ? spec.bindNull("until", java.time.LocalDate.class)
                : spec.bind("until", line.availableUntil());
        return spec.then();
    }

    public Flux<WaitingClientView> waitingClients(String region) {
        return db.sql("""
                        select referral_id, client_pseudonym, age_band, diagnosis_group, care_level, urgency, registered_on
                        from waiting_client where region = :region order by registered_on, referral_id""")
                .bind("region", region)
                .map(row -> new WaitingClientView(row.get("referral_id", String.class),
                        row.get("client_pseudonym", String.class), row.get("age_band", String.class),
                        row.get("diagnosis_group", String.class), row.get("care_level", String.class),
                        row.get("urgency", String.class), row.get("registered_on", java.time.LocalDate.class)))
                .all();
    }

    public Flux<CapacityLineView> capacityLines(String region) {
        return db.sql("""
                        select capacity_line_id, provider_agb, provider_type, diagnosis_groups, care_level, places, available_from
                        from capacity_line where region = :region order by available_from, capacity_line_id""")
                .bind("region", region)
                .map(row -> new CapacityLineView(row.get("capacity_line_id", String.class),
                        row.get("provider_agb", String.class), row.get("provider_type", String.class),
                        row.get("diagnosis_groups", String.class), row.get("care_level", String.class),
                        row.get("places", Integer.class), row.get("available_from", java.time.LocalDate.class)))
                .all();
    }

    public record WaitingClientView(String referralId, String clientPseudonym, String ageBand, String diagnosisGroup,
            String careLevel, String urgency, java.time.LocalDate registeredOn) {
    }

    public record CapacityLineView(String capacityLineId, String providerAgb, String providerType,
            String diagnosisGroups, String careLevel, int places, java.time.LocalDate availableFrom) {
    }
}
