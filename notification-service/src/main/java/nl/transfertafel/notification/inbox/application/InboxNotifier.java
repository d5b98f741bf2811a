package nl.transfertafel.notification.inbox.application;

import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.notification.inbox.infrastructure.InboxRepository;
import reactor.core.publisher.Mono;

/** Decides who hears of an event in their inbox. The GP stays responsible while the client waits, so hears first. */
public class InboxNotifier {

    private final InboxRepository inbox;

    public InboxNotifier(InboxRepository inbox) {
        this.inbox = inbox;
    }

    public Mono<Void> onReferralEvent(EventEnvelope event) {
        if (event.is(ReferralReceived.class)) {
            ReferralReceived referral = event.payloadAs(ReferralReceived.class);
            return inbox.add(referral.referrerAgb(), event, referral.referralId(),
                    "/api/v1/referrals/" + referral.referralId());
        }
        return Mono.empty();
    }
}
