package nl.transfertafel.contracts.events.intake;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;

/**
 * A GP's referral was registered. Carries only what matching needs: the client is a pseudonym
 * (keyed HMAC of the BSN), the address only its postcode area (four digits), the age only a band.
 */
@EventType(name = "ReferralReceived", topic = Topics.INTAKE_REFERRAL_EVENTS)
public record ReferralReceived(
        String referralId,
        String clientPseudonym,
        String referrerAgb,
        String preferredProviderAgb,
        String postcodeArea,
        String ageBand,
        DiagnosisGroup diagnosisGroup,
        CareLevel careLevel,
        Urgency urgency,
        String insurerUzovi,
        LocalDate registeredOn,
        Preferences preferences,
        boolean screeningConsent) implements EventPayload {

    public record Preferences(Integer maxTravelKm, boolean eHealthAcceptable, boolean waitForPreferredProvider) {
    }
}
