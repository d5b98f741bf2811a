package nl.transfertafel.intake.referral.domain;

import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.intake.client.domain.ClientDetails;

/**
 * What the referrer tells us about the client and the care asked for; validated at the edge.
 * {@code clientSupportOrganisation}: the code of the client-support organisation acting for the client, or null.
 */
public record ReferralRequest(
        ClientDetails client,
        String insurerUzovi,
        DiagnosisGroup diagnosisGroup,
        CareLevel careLevel,
        Urgency urgency,
        String preferredProviderAgb,
        Preferences preferences,
        boolean screeningConsent,
        String clientSupportOrganisation) {

    /** The client's wishes: how far they will travel, whether e-health will do, whether they wait for the preferred provider. */
    public record Preferences(Integer maxTravelKm, boolean eHealthAcceptable, boolean waitForPreferredProvider) {
    }
}
