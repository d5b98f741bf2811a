package nl.transfertafel.intake.referral.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;

/**
 * A GP's referral of a client. The Treeknorm clocks start on the registration date: at most four
 * weeks to intake and at most ten more to treatment (2021 action plan).
 */
public record Referral(
        UUID id,
        String clientPseudonym,
        String referrerAgb,
        String region,
        String postcodeArea,
        String ageBand,
        String insurerUzovi,
        DiagnosisGroup diagnosisGroup,
        CareLevel careLevel,
        Urgency urgency,
        boolean screeningConsent,
        LocalDate registeredOn) {

    public static final int WEEKS_TO_INTAKE = 4;
    public static final int WEEKS_TO_TREATMENT = 14;

    public LocalDate intakeDeadline() {
        return registeredOn.plusWeeks(WEEKS_TO_INTAKE);
    }

    public LocalDate treatmentDeadline() {
        return registeredOn.plusWeeks(WEEKS_TO_TREATMENT);
    }

    /** Registering a referral returns the referral and the event that announces it. */
    public static Registered register(ReferralRequest request, String referrerAgb, String region,
            ClientPseudonyms pseudonyms, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Referral referral = new Referral(UUID.randomUUID(), pseudonyms.of(request.bsn()), referrerAgb, region,
                request.postcode().substring(0, 4), AgeBand.of(request.dateOfBirth(), today), request.insurerUzovi(),
                request.diagnosisGroup(), request.careLevel(), request.urgency(), request.screeningConsent(), today);
        ReferralReceived payload = new ReferralReceived(referral.id().toString(), referral.clientPseudonym(),
                referrerAgb, null, referral.postcodeArea(), referral.ageBand(), referral.diagnosisGroup(),
                referral.careLevel(), referral.urgency(), referral.insurerUzovi(), today,
                new ReferralReceived.Preferences(request.maxTravelKm(), request.eHealthAcceptable(), false),
                referral.screeningConsent());
        NewEvent event = new NewEvent(UUID.randomUUID(), clock.instant(), region, referral.id().toString(), payload);
        return new Registered(referral, event);
    }

    public record Registered(Referral referral, NewEvent event) {
    }
}
