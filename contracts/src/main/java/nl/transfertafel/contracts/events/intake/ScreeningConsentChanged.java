package nl.transfertafel.contracts.events.intake;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * The client of a referral changed whether they accept transfer screening (given with the
 * referral in {@code ReferralReceived.screeningConsent}); today through a validation round's answer.
 * Without consent the transfer table must not propose the client elsewhere.
 */
@EventType(name = "ScreeningConsentChanged", topic = Topics.INTAKE_REFERRAL_EVENTS)
public record ScreeningConsentChanged(
        String referralId,
        String clientPseudonym,
        boolean screeningConsent) implements EventPayload {
}
