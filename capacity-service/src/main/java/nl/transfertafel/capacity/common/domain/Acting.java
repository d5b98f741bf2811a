package nl.transfertafel.capacity.common.domain;

/**
 * Who acts, as the domain needs to know it: the organisation code from the token (AGB, UZOVI or a
 * service name) and whether the actor holds the ADMIN role. The web edge builds it from the token.
 */
public record Acting(String organisation, boolean admin) {

    public boolean isOrganisation(String code) {
        return organisation != null && organisation.equals(code);
    }
}
