package nl.transfertafel.testkit.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.OAuth2Exception;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * mock-oauth2-server's token callback for what its token endpoint issues (ADR 1020):
 * <ul>
 * <li>{@code client_credentials}: only a service of {@link LocalTokenIssuer#SERVICE_CLIENTS} with the shared
 * secret gets a token (subject and {@code client_id} = the service, role {@code SERVICE}, 30 minutes); anyone
 * else is answered 401 {@code invalid_client}, which mock-oauth2-server on its own would not check;</li>
 * <li>{@code authorization_code} and {@code refresh_token}: the access and ID token of the demo user who signed
 * in. mock-oauth2-server hands this callback only the token request, never the sign-in, so the demo user's
 * claims travel with the sign-in itself ({@link DemoSignIn} adds them; the library merges them over these);
 * here only the audience, the lifetime and the access-token mark;</li>
 * <li>any other grant (password, JWT bearer, token exchange) is refused: the system uses none of them.</li>
 * </ul>
 */
final class TokenEndpointClaims implements OAuth2TokenCallback {

    private static final Set<GrantType> GRANTED = Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.AUTHORIZATION_CODE,
            GrantType.REFRESH_TOKEN);

    private final String secret;

    TokenEndpointClaims(String secret) {
        this.secret = secret;
    }

    @Override
    public String issuerId() {
        return LocalTokenIssuer.ISSUER_ID;
    }

    @Override
    public String subject(TokenRequest request) {
        if (isService(request)) {
            return service(request);
        }
        // For a code or refresh token of a sign-in, mock-oauth2-server names the signed-in user itself and never
        // asks here. It asks only when it knows no sign-in for them: a used, unknown or made-up one, for which
        // the library alone would still sign a token without a subject.
        throw new OAuth2Exception(OAuth2Error.INVALID_GRANT.setDescription(
                "unknown or already used authorization code or refresh token"), "no sign-in for this grant");
    }

    @Override
    public String typeHeader(TokenRequest request) {
        return JOSEObjectType.JWT.getType();
    }

    @Override
    public List<String> audience(TokenRequest request) {
        return List.of(TokenClaims.AUDIENCE);
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
        if (!isService(request)) {
            requireVerifier(request);
            return Map.of("typ", TokenClaims.ACCESS_TOKEN);
        }
        Map<String, Object> claims = TokenClaims.service(service(request));
        // one lifetime per callback in mock-oauth2-server: a service token's shorter one is set here
        claims.put("exp", Date.from(Instant.now().plus(LocalTokenIssuer.SERVICE_LIFETIME)));
        return claims;
    }

    @Override
    public long tokenExpiry() {
        return LocalTokenIssuer.LIFETIME.toSeconds();
    }

    private static boolean isService(TokenRequest request) {
        GrantType grant = request.getAuthorizationGrant().getType();
        if (!GRANTED.contains(grant)) {
            throw new OAuth2Exception(OAuth2Error.UNSUPPORTED_GRANT_TYPE.setDescription(
                    "this issuer serves client_credentials (services), authorization_code and refresh_token only"),
                    "unsupported grant " + grant);
        }
        return GrantType.CLIENT_CREDENTIALS.equals(grant);
    }

    /**
     * PKCE at the token endpoint: mock-oauth2-server compares a {@code code_verifier} with the challenge when one
     * is sent, but redeems a code without one; {@link DemoSignIn} gives codes only to requests with a challenge,
     * so a redemption without a verifier is refused here.
     */
    private static void requireVerifier(TokenRequest request) {
        if (request.getAuthorizationGrant() instanceof AuthorizationCodeGrant code && code.getCodeVerifier() == null) {
            throw new OAuth2Exception(OAuth2Error.INVALID_GRANT.setDescription("PKCE is required: send code_verifier"),
                    "code redeemed without a verifier");
        }
    }

    /** The service asking, once its client id and secret are checked. */
    private String service(TokenRequest request) {
        ClientAuthentication authentication = request.getClientAuthentication();
        Secret given = authentication instanceof ClientSecretPost post ? post.getClientSecret()
                : authentication instanceof ClientSecretBasic basic ? basic.getClientSecret() : null;
        String client = authentication == null ? null : authentication.getClientID().getValue();
        if (client == null || !LocalTokenIssuer.SERVICE_CLIENTS.contains(client) || given == null
                || !secret.equals(given.getValue())) {
            throw new OAuth2Exception(OAuth2Error.INVALID_CLIENT.setDescription("unknown service client or wrong secret"),
                    "refused client credentials for " + client);
        }
        return client;
    }
}
