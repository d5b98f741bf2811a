package nl.transfertafel.harness.invariants;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the harness knows from the outside, to hold the stack to: every referral that was answered 201
 * (and by which GP practice), the organisations whose webhook points at the harness's receiver, and
 * how often the receiver accepted each delivery id, and since when its webhooks point at the receiver
 * (deliveries created earlier went to whatever receiver was registered then).
 */
public record Expectations(List<AcceptedReferral> referrals, Set<String> webhookRecipients,
        Map<UUID, Integer> receivedByDeliveryId, Instant webhooksSince) {

    public Expectations {
        referrals = List.copyOf(referrals);
        webhookRecipients = Set.copyOf(webhookRecipients);
        receivedByDeliveryId = Map.copyOf(receivedByDeliveryId);
    }

    public record AcceptedReferral(UUID referralId, String gpAgb, String region) {
    }
}
