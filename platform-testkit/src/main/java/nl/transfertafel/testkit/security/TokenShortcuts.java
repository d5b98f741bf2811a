package nl.transfertafel.testkit.security;

import com.nimbusds.oauth2.sdk.ErrorObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponseKt;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.HttpUrl;

/**
 * {@code GET <issuer>/token?username=<demo user>} and {@code GET <issuer>/token?sub=..&roles=GP[,..]&org=..&region=..}:
 * a token in one request, for the README's curl lines, the cluster tests and the load and fault harnesses that act
 * as many GP practices and providers ({@code org} and {@code region} optional). mock-oauth2-server answers a
 * {@code GET} of its token endpoint with 405, so this route stands in front of it; the tokens are the library's,
 * signed with the issuer's key (ADR 1020). Only this development issuer has it: anyone who can reach it can be
 * anyone.
 */
final class TokenShortcuts implements Route {

    /** Mints a token with this subject and these claims. */
    interface Minter {
        String mint(String subject, Map<String, Object> claims);
    }

    private final Minter minter;

    TokenShortcuts(Minter minter) {
        this.minter = minter;
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return "GET".equals(request.getMethod()) && request.getUrl().encodedPath().endsWith("/token");
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        HttpUrl url = request.getUrl();
        String username = url.queryParameter("username");
        if (username != null) {
            Optional<DemoUser> user = DemoUsers.find(username.trim());
            return user.map(demo -> token(demo.username(), TokenClaims.person(demo.roles(), demo.organisation(),
                    demo.region()))).orElseGet(() -> refused("username must be one of "
                            + DemoUsers.ALL.stream().map(DemoUser::username).toList()));
        }
        String subject = blankToNull(url.queryParameter("sub"));
        List<String> roles = Arrays.stream(Optional.ofNullable(url.queryParameter("roles")).orElse("").split(","))
                .map(String::trim).filter(role -> !role.isEmpty()).toList();
        if (subject == null || roles.isEmpty()) {
            return refused("username, or sub and roles (comma-separated, e.g. GP or PROVIDER,ADMIN) are required");
        }
        return token(subject, TokenClaims.person(roles, blankToNull(url.queryParameter("org")),
                blankToNull(url.queryParameter("region"))));
    }

    private OAuth2HttpResponse token(String subject, Map<String, Object> claims) {
        return OAuth2HttpResponseKt.json(Map.of("access_token", minter.mint(subject, claims), "token_type", "Bearer",
                "expires_in", LocalTokenIssuer.LIFETIME.toSeconds()));
    }

    private static OAuth2HttpResponse refused(String description) {
        return OAuth2HttpResponseKt.oauth2Error(new ErrorObject("invalid_request", description, 400));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
