package nl.transfertafel.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.transfertafel.platform.refusal.Refused;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the user, the organisation they act for (AGB code for GPs and providers, UZOVI
 * for insurers, an organisation code for coordinators) and their region. Controllers take it as a
 * parameter; access is always scoped with it, never with request data alone.
 *
 * <p>Fail closed: {@link #organisation()} and {@link #region()} refuse with 403 ({@link Refused},
 * rule {@code claim-missing}) when the token carries no such claim, so every endpoint that scopes by
 * them refuses such a token instead of scoping by "nothing" (or failing with a 500). Code that must
 * handle a token without them (service tokens have no region; the audit log) asks
 * {@link #organisationIfPresent()} / {@link #regionIfPresent()}.
 */
public record Actor(String userId, Set<Role> roles, String organisation, String region) {

    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_ORGANISATION = "org";
    public static final String CLAIM_REGION = "region";
    /** The rule of the 403 for a token without the {@code org} or {@code region} an endpoint needs. */
    public static final String CLAIM_MISSING = "claim-missing";

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

    /** The organisation the caller acts for; refuses (403 {@code claim-missing}) when the token names none. */
    @Override
    public String organisation() {
        if (organisation == null || organisation.isBlank()) {
            throw Refused.forbidden(CLAIM_MISSING, "the token carries no org claim");
        }
        return organisation;
    }

    /** The caller's region; refuses (403 {@code claim-missing}) when the token names none. */
    @Override
    public String region() {
        if (region == null || region.isBlank()) {
            throw Refused.forbidden(CLAIM_MISSING, "the token carries no region claim");
        }
        return region;
    }

    public Optional<String> organisationIfPresent() {
        return Optional.ofNullable(organisation).filter(value -> !value.isBlank());
    }

    public Optional<String> regionIfPresent() {
        return Optional.ofNullable(region).filter(value -> !value.isBlank());
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
