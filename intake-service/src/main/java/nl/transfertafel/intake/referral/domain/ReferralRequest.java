package nl.transfertafel.intake.referral.domain;

import java.time.LocalDate;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;

/** What the GP tells us about the client; validated at the edge before it gets here. */
public record ReferralRequest(
        String bsn,
        LocalDate dateOfBirth,
        String postcode,
        String insurerUzovi,
        DiagnosisGroup diagnosisGroup,
        CareLevel careLevel,
        Urgency urgency,
        Integer maxTravelKm,
        boolean eHealthAcceptable,
        boolean screeningConsent) {
}
