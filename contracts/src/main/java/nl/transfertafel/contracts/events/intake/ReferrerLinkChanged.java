package nl.transfertafel.contracts.events.intake;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * Whether the GP practice named as a referral's referrer has confirmed that it referred the client
 * (issue 11 item 7). A provider onboarding its existing list may name any practice, so an onboarded
 * referral is announced with {@code confirmed = false} right after its {@code ReferralReceived}, and
 * again with {@code confirmed = true} once a GP of that practice confirmed the link. Until then no
 * service lets that practice act on the referral. A GP's own referral is confirmed by being made and
 * is not announced by this event: a referral without one is confirmed.
 *
 * @param referrerAgb the practice named as referrer (as in {@code ReferralReceived})
 * @param confirmed   whether that practice confirmed the link
 */
@EventType(name = "ReferrerLinkChanged", topic = Topics.INTAKE_REFERRAL_EVENTS)
public record ReferrerLinkChanged(
        String referralId,
        String clientPseudonym,
        String referrerAgb,
        boolean confirmed) implements EventPayload {
}
