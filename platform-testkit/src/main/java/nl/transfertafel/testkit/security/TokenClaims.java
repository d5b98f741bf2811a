package nl.transfertafel.testkit.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * The claims of this system's access tokens, as the services read them (platform's {@code Actor},
 * {@code TokenShape}, {@code ServiceCallers}, {@code AccessTokensOnly}): {@code sub}, {@code roles},
 * {@code org} and {@code region} for a person, {@code client_id} and {@code org} (the calling service) with role
 * {@code SERVICE} for a service, audience {@code transfertafel} and {@code typ: Bearer} for all (the mark of an
 * access token, as Keycloak's; mock-oauth2-server copies the sign-in's nonce into the access token too, and the
 * services take a token with a nonce and no such mark for an ID token). Issuer, times and {@code jti} are
 * mock-oauth2-server's.
 */
final class TokenClaims {

    static final String AUDIENCE = "transfertafel";
    static final String ACCESS_TOKEN = "Bearer";

    private TokenClaims() {
    }

    /** A person's claims; {@code roles}, {@code organisation} and {@code region} left out when null (the hostile corpus's probes). */
    static Map<String, Object> person(List<String> roles, String organisation, String region) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("typ", ACCESS_TOKEN);
        if (roles != null) {
            claims.put("roles", List.copyOf(roles));
        }
        if (organisation != null) {
            claims.put("org", organisation);
        }
        if (region != null) {
            claims.put("region", region);
        }
        return claims;
    }

    /** A demo user's claims, with the names the coordinator page shows ({@code name}, {@code preferred_username}). */
    static Map<String, Object> of(DemoUser user) {
        Map<String, Object> claims = person(user.roles(), user.organisation(), user.region());
        claims.put("name", user.displayName());
        claims.put("preferred_username", user.username());
        return claims;
    }

    /** A service's own token names its client, as Keycloak's service-account tokens do. */
    static Map<String, Object> service(String client) {
        Map<String, Object> claims = person(List.of("SERVICE"), client, null);
        claims.put("client_id", client);
        return claims;
    }

    /** A token with exactly these claims and this subject ({@code null}: none), for tokens minted in-process. */
    record Fixed(String subject, Map<String, Object> claims, Duration lifetime) implements OAuth2TokenCallback {

        @Override
        public String issuerId() {
            return LocalTokenIssuer.ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest request) {
            return subject;
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return JOSEObjectType.JWT.getType();
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return List.of(AUDIENCE);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            return claims;
        }

        @Override
        public long tokenExpiry() {
            return lifetime.toSeconds();
        }
    }
}
