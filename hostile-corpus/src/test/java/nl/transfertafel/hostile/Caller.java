package nl.transfertafel.hostile;

import java.util.List;

/**
 * Who a probe's token claims to be: the claims of a demo user (or of a service's client-credentials
 * token), and the code of another organisation of the same kind, for "not your organisation" probes.
 * A null claim is left out of the token.
 */
record Caller(String subject, List<String> roles, String organisation, String region, String otherOrganisation) {

    Caller withoutSubject() {
        return new Caller(null, roles, organisation, region, otherOrganisation);
    }

    Caller withRoles(List<String> otherRoles) {
        return new Caller(subject, otherRoles, organisation, region, otherOrganisation);
    }

    Caller withOrganisation(String otherOrganisationCode) {
        return new Caller(subject, roles, otherOrganisationCode, region, otherOrganisation);
    }

    Caller withRegion(String otherRegion) {
        return new Caller(subject, roles, organisation, otherRegion, otherOrganisation);
    }

    String label() {
        return String.join(",", roles == null ? List.of() : roles) + "@" + organisation;
    }
}
