package nl.transfertafel.transfertable.screening.domain;

import java.util.Set;

/** The person attempting a screening decision, as the token says: user, roles, organisation, region. */
public record Screener(String userId, Set<String> roles, String organisation, String region) {

    public static final String COORDINATOR = "COORDINATOR";

    public Screener {
        roles = Set.copyOf(roles);
    }

    public boolean isCoordinator() {
        return roles.contains(COORDINATOR);
    }
}
