package nl.transfertafel.deploychecks.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the coordinator page does to sign in, done over HTTP as a browser would: the authorization code flow
 * with PKCE (S256) as the public client {@code coordinator-ui}, through Keycloak's own login form, then the
 * code redeemed at the token endpoint; and the page's token refresh (refresh_token grant).
 */
final class BrowserSignIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /**
     * Keycloak marks its session cookies Secure even on http://127.0.0.1, where a browser (a secure context
     * on the loopback address) still sends them; java.net.CookieManager would not, so the cookies are kept here.
     */
    private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

    BrowserSignIn(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** The token endpoint's answer (access_token, refresh_token, id_token, expires_in, ...). */
    JsonNode signIn(String username, String password) throws IOException, InterruptedException {
        // a fresh browser each time: with Keycloak's session cookie the login page would be skipped
        cookies.clear();
        String verifier = random();
        String state = random();
        String authorize = keycloak.authorizationEndpoint() + "?" + KeycloakServer.form(Map.of(
                "response_type", "code", "client_id", "coordinator-ui", "redirect_uri", KeycloakServer.COORDINATOR_PAGE,
                "scope", "openid", "state", state, "nonce", random(),
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(URI.create(authorize)));
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no login form (HTTP " + loginPage.statusCode() + "): " + loginPage.body());
        }
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.form(Map.of("username", username, "password", password,
                        "credentialId", "")))));
        String location = submitted.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("sign-in of " + username + " not accepted (HTTP "
                        + submitted.statusCode() + ")"));
        if (!location.startsWith(KeycloakServer.COORDINATOR_PAGE)) {
            throw new IllegalStateException("sent to " + location + " instead of back to the coordinator page");
        }
        Map<String, String> answer = query(URI.create(location));
        if (!state.equals(answer.get("state"))) {
            throw new IllegalStateException("state mismatch: " + location);
        }
        return token(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                "redirect_uri", KeycloakServer.COORDINATOR_PAGE, "client_id", "coordinator-ui", "code_verifier", verifier));
    }

    /** The coordinator page's refresh: a new access token for the same session, without a login page. */
    JsonNode refresh(String refreshToken) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "coordinator-ui"));
    }

    /** A person's own token for curl and scripts: the password grant of the public client transfertafel-cli. */
    JsonNode password(String username, String password) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "password", "client_id", "transfertafel-cli", "username", username,
                "password", password));
    }

    /** A service's own token (client credentials, client id = service name). */
    JsonNode serviceToken(String service, String secret) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "client_credentials", "client_id", service, "client_secret", secret));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
            }
        }
        return response;
    }

    private JsonNode token(Map<String, String> parameters) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.form(parameters))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + body);
        }
        return body;
    }

    static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new java.util.HashMap<>();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
