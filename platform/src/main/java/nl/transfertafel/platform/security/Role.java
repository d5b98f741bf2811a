package nl.transfertafel.platform.security;

/** The roles a token may carry (claim {@code roles}); Spring sees them as {@code ROLE_<name>}. */
public enum Role {
    GP,
    PROVIDER,
    COORDINATOR,
    INSURER,
    CLIENT_SUPPORT,
    ADMIN,
    /**
     * Another service of this system calling with its own client-credentials token (organisation =
     * the calling service's name, no region). Granted only where an endpoint names it.
     */
    SERVICE,
    /** A metrics scraper (Prometheus, with its own client-credentials token): the actuator endpoints only. */
    METRICS
}
