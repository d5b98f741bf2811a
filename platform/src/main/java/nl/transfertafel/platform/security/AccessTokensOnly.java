package nl.transfertafel.platform.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses OpenID Connect ID tokens sent as bearer tokens: an ID token says who signed in to a page,
 * it is not a grant to call an API (it is issued to the page's client, not to this system). Spring
 * Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the decoder's validators, next to the
 * signature, expiry, issuer and audience checks.
 *
 * <p>A token is an ID token when its {@code typ} claim is {@code ID} (Keycloak marks its tokens
 * {@code Bearer} or {@code ID}), or when it carries a {@code nonce} (an ID token echoes the sign-in
 * request's nonce) and its {@code typ} claim does not mark it as an access token ({@code Bearer}, as
 * Keycloak's access tokens say). (RFC 9068 access tokens, header {@code typ: at+jwt}, are refused
 * earlier by the decoder's default header check; no identity provider of this system issues them.)
 */
public final class AccessTokensOnly implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error ID_TOKEN = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "an ID token is not an access token", null);

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return isIdToken(token) ? OAuth2TokenValidatorResult.failure(ID_TOKEN) : OAuth2TokenValidatorResult.success();
    }

    static boolean isIdToken(Jwt token) {
        String typ = token.getClaimAsString("typ");
        if ("ID".equalsIgnoreCase(typ)) {
            return true;
        }
        return token.hasClaim("nonce") && !"Bearer".equalsIgnoreCase(typ);
    }
}
