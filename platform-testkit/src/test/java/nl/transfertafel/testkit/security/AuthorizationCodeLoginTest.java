package nl.transfertafel.testkit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser login of the local issuer (mock-oauth2-server with the demo sign-in in front): authorization code
 * with PKCE, over real HTTP.
 */
class AuthorizationCodeLoginTest {

    private static final String PAGE = "http://127.0.0.1:18083/coordinator/";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = s256(VERIFIER);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static LocalTokenIssuer issuer;

    @BeforeAll
    static void start() {
        issuer = LocalTokenIssuer.start(0);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void pkce_challenge_is_the_rfc_7636_example() {
        // RFC 7636 appendix B
        assertThat(CHALLENGE).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void discovery_document_names_the_issuer_and_its_endpoints_and_is_readable_cross_origin() {
        HttpResponse<String> discovery = send(HttpRequest.newBuilder(
                URI.create(issuer.issuer() + "/.well-known/openid-configuration")).header("Origin", "http://127.0.0.1:18083")
                .GET().build());

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(field(discovery.body(), "issuer")).isEqualTo(issuer.issuer());
        assertThat(field(discovery.body(), "authorization_endpoint")).isEqualTo(issuer.authorizationUri());
        assertThat(field(discovery.body(), "token_endpoint")).isEqualTo(issuer.tokenUri());
        assertThat(field(discovery.body(), "jwks_uri")).isEqualTo(issuer.jwksUri());
        assertThat(discovery.body()).contains("\"S256\"");
        assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:18083");
    }

    @Test
    void sign_in_page_lists_the_demo_users_in_the_requested_language() {
        HttpResponse<String> dutch = get(authorizeUrl("state-1", "nl"));
        HttpResponse<String> english = get(authorizeUrl("state-1", "en"));

        assertThat(dutch.statusCode()).isEqualTo(200);
        assertThat(dutch.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(dutch.body()).contains("<html lang=\"nl\"").contains("Inloggen")
                .contains("value=\"coordinator-a\"").contains("value=\"coordinator-b\"")
                // no action: the form posts back to the authorization request's own address
                .contains("<form method=\"post\">");
        assertThat(dutch.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(english.body()).contains("<html lang=\"en\"").contains("Sign in");
    }

    @Test
    void a_picked_user_gets_a_code_that_pkce_turns_into_their_tokens_once() throws Exception {
        HttpResponse<String> picked = post(authorizeUrl("xyz", "en"), form("username", "coordinator-b"));

        assertThat(picked.statusCode()).as(picked.body()).isEqualTo(302);
        String location = picked.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(PAGE + "?");
        Map<String, String> back = query(location);
        assertThat(back).containsEntry("state", "xyz").containsKey("code");

        HttpResponse<String> token = redeem(back.get("code"), VERIFIER);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        var access = SignedJWT.parse(field(token.body(), "access_token")).getJWTClaimsSet();
        assertThat(access.getIssuer()).isEqualTo(issuer.issuer());
        assertThat(access.getSubject()).isEqualTo("coordinator-b");
        assertThat(access.getAudience()).containsExactly("transfertafel");
        assertThat(access.getStringClaim("org")).isEqualTo(DemoUsers.OTHER_PROVIDER_AGB);
        assertThat(access.getStringClaim("region")).isEqualTo(DemoUsers.REGION);
        assertThat(access.getStringListClaim("roles")).containsExactly("COORDINATOR");
        // the library copies the nonce into the access token: the mark keeps the services from taking it for an ID token
        assertThat(access.getStringClaim("typ")).isEqualTo("Bearer");
        var id = SignedJWT.parse(field(token.body(), "id_token")).getJWTClaimsSet();
        assertThat(id.getAudience()).containsExactly("coordinator-ui");
        assertThat(id.getStringClaim("nonce")).isEqualTo("n-1");
        assertThat(id.getStringClaim("name")).isEqualTo(DemoUsers.COORDINATOR_B.displayName());

        HttpResponse<String> again = redeem(back.get("code"), VERIFIER);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
    }

    @Test
    void the_refresh_token_renews_the_same_users_access_token() throws Exception {
        HttpResponse<String> token = redeem(codeFor("coordinator-a"), VERIFIER);
        String refresh = field(token.body(), "refresh_token");

        HttpResponse<String> renewed = post(issuer.tokenUri(), form("grant_type", "refresh_token", "refresh_token", refresh,
                "client_id", "coordinator-ui"));

        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        var access = SignedJWT.parse(field(renewed.body(), "access_token")).getJWTClaimsSet();
        assertThat(access.getSubject()).isEqualTo("coordinator-a");
        assertThat(access.getStringClaim("org")).isEqualTo(DemoUsers.COORDINATOR_A.organisation());
        assertThat(access.getStringListClaim("roles")).containsExactly("COORDINATOR");

        HttpResponse<String> madeUp = post(issuer.tokenUri(), form("grant_type", "refresh_token", "refresh_token",
                "made-up", "client_id", "coordinator-ui"));
        assertThat(madeUp.statusCode()).isEqualTo(400);
        assertThat(madeUp.body()).contains("invalid_grant");
    }

    @Test
    void a_code_is_refused_with_a_wrong_verifier_or_without_one() {
        HttpResponse<String> wrongVerifier = redeem(codeFor("coordinator-a"), VERIFIER.replace('d', 'e'));
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(wrongVerifier.body()).contains("invalid_grant").contains("code_challenge");

        HttpResponse<String> noVerifier = post(issuer.tokenUri(), form("grant_type", "authorization_code", "code",
                codeFor("coordinator-a"), "redirect_uri", PAGE, "client_id", "coordinator-ui"));
        assertThat(noVerifier.statusCode()).isEqualTo(400);
        assertThat(noVerifier.body()).contains("invalid_grant").contains("code_verifier");
    }

    @Test
    void a_made_up_code_gets_no_token() {
        HttpResponse<String> madeUp = redeem("not-a-code-of-this-issuer", VERIFIER);

        assertThat(madeUp.statusCode()).isEqualTo(400);
        assertThat(madeUp.body()).contains("invalid_grant");
    }

    @Test
    void a_redirect_to_another_host_is_refused_on_the_page_and_never_followed() {
        Map<String, String> params = authorizeParams("s", "en");
        params.put("redirect_uri", "https://attacker.example/callback");

        HttpResponse<String> refused = get(issuer.authorizationUri() + "?" + encode(params));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("redirect_uri must be");
    }

    @Test
    void a_request_without_pkce_is_sent_back_with_an_error() {
        Map<String, String> params = authorizeParams("s-2", "en");
        params.remove("code_challenge");

        HttpResponse<String> refused = get(issuer.authorizationUri() + "?" + encode(params));

        assertThat(refused.statusCode()).isEqualTo(302);
        Map<String, String> back = query(refused.headers().firstValue("Location").orElseThrow());
        assertThat(back).containsEntry("error", "invalid_request").containsEntry("state", "s-2");
        assertThat(back.get("error_description")).contains("PKCE");
    }

    @Test
    void an_unknown_typed_user_is_told_on_the_page_and_cancelling_returns_access_denied() {
        HttpResponse<String> unknown = post(authorizeUrl("s-3", "nl"), form("typed_username", "mallory"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("role=\"alert\"").contains("aria-invalid=\"true\"").contains("Onbekende gebruiker");

        HttpResponse<String> cancelled = post(authorizeUrl("s-4", "nl"), form("cancel", "true"));
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(query(cancelled.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "access_denied").containsEntry("state", "s-4");
    }

    @Test
    void a_typed_demo_user_name_signs_in_as_that_user() throws Exception {
        HttpResponse<String> typed = post(authorizeUrl("s-5", "nl"), form("typed_username", " coordinator-a "));
        String code = query(typed.headers().firstValue("Location").orElseThrow()).get("code");

        HttpResponse<String> token = redeem(code, VERIFIER);

        assertThat(SignedJWT.parse(field(token.body(), "access_token")).getJWTClaimsSet().getSubject())
                .isEqualTo("coordinator-a");
    }

    private String codeFor(String username) {
        HttpResponse<String> picked = post(authorizeUrl("s", "en"), form("username", username));
        return query(picked.headers().firstValue("Location").orElseThrow()).get("code");
    }

    private static HttpResponse<String> redeem(String code, String verifier) {
        return post(issuer.tokenUri(), form("grant_type", "authorization_code", "code", code, "redirect_uri", PAGE,
                "client_id", "coordinator-ui", "code_verifier", verifier));
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))}, RFC 7636 section 4.2. */
    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> authorizeParams(String state, String locale) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", "coordinator-ui");
        params.put("redirect_uri", PAGE);
        params.put("state", state);
        params.put("code_challenge", CHALLENGE);
        params.put("code_challenge_method", "S256");
        params.put("nonce", "n-1");
        params.put("scope", "openid");
        params.put("ui_locales", locale);
        return params;
    }

    private static String authorizeUrl(String state, String locale) {
        return issuer.authorizationUri() + "?" + encode(authorizeParams(state, locale));
    }

    private static String form(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return encode(params);
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String field(String json, String name) {
        try {
            return JSONObjectUtils.getString(JSONObjectUtils.parse(json), name);
        } catch (java.text.ParseException e) {
            throw new AssertionError(json, e);
        }
    }

    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static HttpResponse<String> post(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
