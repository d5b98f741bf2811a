package nl.transfertafel.testkit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The services' own tokens at mock-oauth2-server's token endpoint, and the key every token is checked against. */
class ClientCredentialsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
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
    void a_service_with_the_shared_secret_gets_a_half_hour_service_token_naming_it() throws Exception {
        HttpResponse<String> answer = post("grant_type=client_credentials&client_id=intake-service&client_secret="
                + URLEncoder.encode(LocalTokenIssuer.serviceSecret(), StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var claims = SignedJWT.parse(accessToken(answer.body())).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("intake-service");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("intake-service");
        assertThat(claims.getStringClaim("org")).isEqualTo("intake-service");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
        assertThat(claims.getAudience()).containsExactly("transfertafel");
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuer());
        assertThat(claims.getExpirationTime().toInstant()).isBetween(Instant.now().plus(Duration.ofMinutes(29)),
                Instant.now().plus(Duration.ofMinutes(31)));
    }

    @Test
    void a_wrong_secret_or_an_unknown_client_is_answered_invalid_client() {
        HttpResponse<String> wrongSecret = post("grant_type=client_credentials&client_id=intake-service&client_secret=guess");
        HttpResponse<String> unknown = post("grant_type=client_credentials&client_id=mallory&client_secret="
                + URLEncoder.encode(LocalTokenIssuer.serviceSecret(), StandardCharsets.UTF_8));

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");
        assertThat(unknown.statusCode()).isEqualTo(401);
    }

    @Test
    void grants_the_system_does_not_use_are_refused() {
        HttpResponse<String> password = post("grant_type=password&username=huisarts&password=x&client_id=intake-service");

        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(password.body()).contains("unsupported_grant_type");
    }

    @Test
    void in_process_tokens_are_signed_with_the_key_the_issuer_publishes() throws Exception {
        RSAKey published = JWKSet.load(new URL(issuer.jwksUri())).getKeys().get(0).toRSAKey();

        for (String token : new String[] {issuer.tokenFor(DemoUsers.GP), issuer.serviceToken("notification-service"),
                issuer.token(null, java.util.List.of("GP"), "01234567", "rotterdam")}) {
            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
            assertThat(jwt.getJWTClaimsSet().getStringClaim("typ")).isEqualTo("Bearer");
        }
        assertThat(SignedJWT.parse(issuer.token(null, java.util.List.of("GP"), "01234567", "rotterdam"))
                .getJWTClaimsSet().getSubject()).isNull();
    }

    @Test
    void another_run_of_the_issuer_has_another_key() throws Exception {
        try (LocalTokenIssuer other = LocalTokenIssuer.start(0)) {
            RSAKey otherKey = JWKSet.load(new URL(other.jwksUri())).getKeys().get(0).toRSAKey();

            assertThat(SignedJWT.parse(issuer.tokenFor(DemoUsers.GP)).verify(new RSASSAVerifier(otherKey))).isFalse();
        }
    }

    private static String accessToken(String body) {
        Matcher matcher = ACCESS_TOKEN.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> post(String form) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
