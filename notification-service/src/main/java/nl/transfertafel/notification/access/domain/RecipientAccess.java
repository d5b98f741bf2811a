package nl.transfertafel.notification.access.domain;

import java.util.Optional;
import nl.transfertafel.notification.routing.domain.Recipient;

/**
 * Whose notifications, subscriptions and delivery log a caller may see and change: an administrator
 * any organisation's or region desk's; a coordinator their region's coordinator desk; a client
 * supporter its organisation's supporter desk ({@code support:<org>}, which shows only what concerns
 * the clients who named it); anyone else their own organisation only. Clients are never managed here (they are reached through the
 * contact the GP registered).
 */
public final class RecipientAccess {

    public static final String ADMIN = "ADMIN";
    public static final String COORDINATOR = "COORDINATOR";
    public static final String CLIENT_SUPPORT = "CLIENT_SUPPORT";

    /** The caller's own mailbox: coordinators work for their region's desk, everyone else for their organisation. */
    public Optional<Recipient> own(Caller caller) {
        try {
            if (caller.is(COORDINATOR) && caller.region() != null && !caller.region().isBlank()) {
                return Optional.of(new Recipient.RegionCoordinators(caller.region()));
            }
            // a supporter acts for the clients who named its organisation, never as the organisation
            if (caller.is(CLIENT_SUPPORT)) {
                return caller.organisation() == null || caller.organisation().isBlank() ? Optional.empty()
                        : Optional.of(new Recipient.ClientSupport(caller.organisation()));
            }
            if (caller.organisation() != null && !caller.organisation().isBlank() && !caller.organisation().contains(":")) {
                return Optional.of(new Recipient.Organisation(caller.organisation()));
            }
        } catch (IllegalArgumentException notACode) {
            // a claim that cannot name a recipient receives nothing (403 no-mailbox), never a 500
        }
        return Optional.empty();
    }

    /** Reading a delivery log: as managing, except that an administrator may also read a client's deliveries. */
    public Verdict mayRead(Caller caller, Recipient recipient) {
        if (recipient.kind() == Recipient.Kind.CLIENT && caller.is(ADMIN)) {
            return Verdict.ALLOWED;
        }
        return mayManage(caller, recipient);
    }

    public Verdict mayManage(Caller caller, Recipient recipient) {
        if (recipient.kind() == Recipient.Kind.CLIENT) {
            return Verdict.reject("client-not-managed", "a client's notifications follow the contact registered at intake");
        }
        if (caller.is(ADMIN)) {
            return Verdict.ALLOWED;
        }
        return own(caller).filter(recipient::equals).isPresent()
                ? Verdict.ALLOWED
                : Verdict.reject("own-organisation-only", "only an administrator may act for another organisation");
    }
}
