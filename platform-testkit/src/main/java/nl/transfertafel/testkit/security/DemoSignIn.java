package nl.transfertafel.testkit.security;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The sign-in of the local issuer's authorization-code flow ({@code /authorize}), in front of mock-oauth2-server's
 * own (ADR 1020). mock-oauth2-server issues the code, checks PKCE at the token endpoint and signs the tokens; this
 * adds what the demo needs:
 * <ul>
 * <li>{@code GET}: the demo-user picker ({@link LoginPage}) instead of the library's "type any subject and claims
 * as JSON" page;</li>
 * <li>{@code POST}: the picked or typed user name becomes that demo user's claims (roles, organisation, region,
 * display name) in the library's login form, so the library's tokens carry them; an unknown name is told on the
 * page, cancelling returns {@code access_denied} to the client;</li>
 * <li>two refusals the library does not make: a code is only ever sent to a loopback address (this is a
 * development issuer: it never hands a code to another host), and a request without a PKCE {@code S256}
 * challenge is sent back with an error (the library checks a verifier only when the client sends one).</li>
 * </ul>
 */
final class DemoSignIn implements Route {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final Route library;

    /** {@code library}: mock-oauth2-server's routes, which issue the code for the rewritten sign-in. */
    DemoSignIn(Route library) {
        this.library = library;
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return request.getUrl().encodedPath().endsWith("/authorize")
                && ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()));
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        HttpUrl url = request.getUrl();
        String clientId = url.queryParameter("client_id");
        String redirectUri = url.queryParameter("redirect_uri");
        String state = url.queryParameter("state");
        String uiLocales = url.queryParameter("ui_locales");
        Optional<String> unsafe = unsafeRedirect(clientId, redirectUri);
        if (unsafe.isPresent()) {
            return page(400, LoginPage.error(unsafe.get()));
        }
        if (!"code".equals(url.queryParameter("response_type"))) {
            return backToClient(redirectUri, "unsupported_response_type", "only response_type=code is supported", state);
        }
        String challenge = url.queryParameter("code_challenge");
        if (challenge == null || challenge.isBlank() || !"S256".equals(url.queryParameter("code_challenge_method"))) {
            return backToClient(redirectUri, "invalid_request", "PKCE is required: send code_challenge with method S256",
                    state);
        }
        if ("GET".equals(request.getMethod())) {
            return page(200, LoginPage.render(clientId, uiLocales, false, null));
        }
        Map<String, String> form = request.getFormParameters().getMap();
        if ("true".equals(form.get("cancel"))) {
            return backToClient(redirectUri, "access_denied", "the user cancelled the sign-in", state);
        }
        String typed = form.getOrDefault("typed_username", "").trim();
        String username = typed.isEmpty() ? form.get("username") : typed;
        Optional<DemoUser> user = username == null ? Optional.empty() : DemoUsers.find(username);
        if (user.isEmpty()) {
            return page(400, LoginPage.render(clientId, uiLocales, true, typed));
        }
        String login = "username=" + encode(user.get().username()) + "&claims="
                + encode(JSONObjectUtils.toJSONString(TokenClaims.of(user.get())));
        return library.invoke(new OAuth2HttpRequest(request.getHeaders(), "POST", request.getOriginalUrl(), login));
    }

    /** Whether the redirect URI may receive anything at all; if not, the page says so (RFC 6749 4.1.2.1). */
    static Optional<String> unsafeRedirect(String clientId, String redirectUri) {
        if (clientId == null || clientId.isBlank()) {
            return Optional.of("client_id is missing");
        }
        if (redirectUri == null) {
            return Optional.of("redirect_uri is missing");
        }
        try {
            URI uri = new URI(redirectUri);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null || !LOOPBACK.contains(uri.getHost()) || uri.getFragment() != null) {
                return Optional.of("redirect_uri must be an http(s) address on this machine (127.0.0.1, localhost) "
                        + "without a fragment");
            }
        } catch (URISyntaxException e) {
            return Optional.of("redirect_uri is not a valid URI");
        }
        return Optional.empty();
    }

    private static OAuth2HttpResponse backToClient(String redirectUri, String error, String description, String state) {
        HttpUrl.Builder location = HttpUrl.get(redirectUri).newBuilder()
                .addQueryParameter("error", error)
                .addQueryParameter("error_description", description);
        if (state != null) {
            location.addQueryParameter("state", state);
        }
        return new OAuth2HttpResponse(Headers.of("Location", location.build().toString(), "Cache-Control", "no-store"),
                302, null, null);
    }

    private static OAuth2HttpResponse page(int status, String html) {
        return new OAuth2HttpResponse(Headers.of(
                "Content-Type", "text/html; charset=utf-8",
                "Cache-Control", "no-store",
                // never framed (clickjacking), runs no script; the form posts here and is redirected to the client
                "X-Frame-Options", "DENY",
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "form-action 'self' http://127.0.0.1:* http://localhost:*; frame-ancestors 'none'"),
                status, html, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
