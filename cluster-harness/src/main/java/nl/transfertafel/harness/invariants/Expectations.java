package nl.transfertafel.harness.invariants;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the harness knows from the outside, to hold the stack to: every referral that was answered 201
 * (and by which GP practice), the organisations whose webhook points at the harness's receiver, and
 * how often the receiver accepted each delivery id.
 */
public record Expectations(List<AcceptedReferral> referrals, Set<String> webhookRecipients,
        Map<UUID, Integer> receivedByDeliveryId) {

    public Expectations {
        referrals = List.copyOf(referrals);
        webhookRecipients = Set.copyOf(webhookRecipients);
        receivedByDeliveryId = Map.copyOf(receivedByDeliveryId);
    }

    public record AcceptedReferral(UUID referralId, String gpAgb, String region) {
    }
}
