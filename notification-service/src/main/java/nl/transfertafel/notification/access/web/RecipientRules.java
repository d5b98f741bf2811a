package nl.transfertafel.notification.access.web;

/**
 * The refusal rules of naming whose notifications an endpoint acts on (the {@code organisation}
 * parameter, see {@code SubscriptionService.resolve}), as {@code @ProblemResponses} entries, so every
 * endpoint that takes it documents them alike.
 */
public final class RecipientRules {

    public static final String RECIPIENT = "recipient: organisation is neither an organisation code nor "
            + "coordinators:<region>";
    public static final String NO_MAILBOX = "no-mailbox: the caller has no organisation or region to receive for";
    public static final String OWN_ORGANISATION_ONLY = "own-organisation-only: another organisation than the "
            + "caller's (only an ADMIN may)";
    public static final String CLIENT_NOT_MANAGED = "client-not-managed: a client's notifications follow the contact "
            + "registered at intake";

    private RecipientRules() {
    }
}
