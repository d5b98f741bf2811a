package nl.transfertafel.fhirgateway.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.transfertafel.fhirgateway.fhir.Vocabulary;

/**
 * The topics a FHIR {@code Subscription} (R4 topic-based backport) can name, each a fixed set of
 * notification-service event types. Whose referrals or offers they are is not part of the topic:
 * notification-service routes each event to the organisations it concerns (the referrer, the
 * receiving and the sending provider), and a subscription is always the caller's organisation's.
 */
public final class SubscriptionTopics {

    /** One topic: its id (also the FHIR Subscription's id), canonical URL and event types. */
    public record Topic(String id, String title, List<String> eventTypes) {
        public String url() {
            return Vocabulary.BASE + "/SubscriptionTopic/" + id;
        }
    }

    /** What a referring GP follows: its referral from registration through Treeknorm signals to the transfer. */
    public static final Topic MY_REFERRALS = new Topic("my-referrals", "My referrals", List.of(
            "ReferralReceived", "TreeknormSignalled", "WaitingEntryChanged", "TransferProposed",
            "TransferOffered", "TransferCompleted", "EscalationOpened"));
    /** What a provider follows: offers it receives and transfers into or out of its care. */
    public static final Topic MY_OFFERS = new Topic("my-offers", "My offers", List.of(
            "TransferOffered", "TransferCompleted"));

    public static final Map<String, Topic> ALL;

    static {
        Map<String, Topic> all = new LinkedHashMap<>();
        all.put(MY_REFERRALS.id(), MY_REFERRALS);
        all.put(MY_OFFERS.id(), MY_OFFERS);
        ALL = java.util.Collections.unmodifiableMap(all);
    }

    private SubscriptionTopics() {
    }

    public static Optional<Topic> byId(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    /** The topic named by {@code Subscription.criteria}: its canonical URL (the backport's form). */
    public static Optional<Topic> byCriteria(String criteria) {
        if (criteria == null) {
            return Optional.empty();
        }
        String url = criteria.trim();
        return ALL.values().stream().filter(t -> t.url().equals(url)).findFirst();
    }
}
