package nl.transfertafel.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the user, the organisation they act for (AGB code for GPs and providers, UZOVI
 * for insurers, an organisation code for coordinators) and their region. Controllers take it as a
 * parameter; access is always scoped with it, never with request data alone.
 */
public record Actor(String userId, Set<Role> roles, String organisation, String region) {

    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_ORGANISATION = "org";
    public static final String CLAIM_REGION = "region";

    public static Actor from(Jwt jwt) {
        List<String> claimed = jwt.getClaimAsStringList(CLAIM_ROLES);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claimed != null) {
            for (String role : claimed) {
                try {
                    roles.add(Role.valueOf(role));
                } catch (IllegalArgumentException unknown) {
                    // a role this system does not know grants nothing
                }
            }
        }
        return new Actor(jwt.getSubject(), Set.copyOf(roles), jwt.getClaimAsString(CLAIM_ORGANISATION),
                jwt.getClaimAsString(CLAIM_REGION));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean actsFor(String organisationCode) {
        return organisation != null && organisation.equals(organisationCode);
    }

    public boolean worksIn(String regionCode) {
        return region != null && region.equals(regionCode);
    }
}
