package nl.transfertafel.notification.access.domain;

import java.util.Set;

/** Who asks, as the policies need it (roles by name, organisation and region from the token). */
public record Caller(Set<String> roles, String organisation, String region) {

    public boolean is(String role) {
        return roles.contains(role);
    }
}
