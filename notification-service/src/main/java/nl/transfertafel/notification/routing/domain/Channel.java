package nl.transfertafel.notification.routing.domain;

import java.util.EnumSet;
import java.util.Set;

/** How a notification travels. Organisations subscribe to the first three; clients are reached by e-mail only. */
public enum Channel {
    INBOX,
    WEBHOOK,
    EMAIL,
    /** The client's own e-mail address, looked up at intake-service at send time and never stored here. */
    CLIENT_EMAIL;

    public static final Set<Channel> SUBSCRIBABLE = EnumSet.of(INBOX, WEBHOOK, EMAIL);
}
