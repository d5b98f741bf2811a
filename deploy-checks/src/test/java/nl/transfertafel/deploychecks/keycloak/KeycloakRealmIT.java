package nl.transfertafel.deploychecks.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * deploy/keycloak's realm in a real Keycloak: the demo users sign in through Keycloak's login page with the
 * coordinator page's flow (code + PKCE), the services get their own tokens by client credentials, and every
 * token carries exactly what the services read ({@code sub}, top-level {@code roles}, {@code org},
 * {@code region}, audience {@code transfertafel}). The tokens are then decoded the way the services decode
 * them: Spring Boot's resource server configured only by the properties the chart and Compose set
 * (JWKS, issuer, audiences), and the platform's own {@link Actor}.
 */
class KeycloakRealmIT {

    private static KeycloakServer keycloak;
    private static BrowserSignIn browser;

    @BeforeAll
    static void startKeycloak() throws Exception {
        KeycloakServer.unavailable().ifPresent(reason -> Assumptions.abort(reason));
        keycloak = KeycloakServer.start();
        browser = new BrowserSignIn(keycloak);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void every_demo_user_signs_in_through_the_login_page_and_gets_its_role_organisation_and_region() throws Exception {
        // the same users as the local token issuer's (platform-testkit's DemoUsers), so the README holds for both
        List<String> wrong = new ArrayList<>();
        for (DemoUser user : DemoUsers.ALL) {
            JsonNode claims = BrowserSignIn.claims(browser.signIn(user.username(), "demo").get("access_token").asText());
            if (!claims.get("roles").isArray() || claims.get("roles").size() != 1
                    || !claims.get("roles").get(0).asText().equals(user.roles().get(0))
                    || !user.organisation().equals(claims.path("org").asText())
                    || !user.region().equals(claims.path("region").asText())
                    || claims.path("sub").asText().isBlank()) {
                wrong.add(user.username() + ": " + claims);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_coordinator_token_is_accepted_by_the_services_decoder_and_read_as_an_actor() throws Exception {
        String token = browser.signIn("coordinator-a", "demo").get("access_token").asText();

        Jwt jwt = decode(token, "transfertafel");
        Actor actor = Actor.from(jwt);

        assertThat(actor.roles()).containsExactly(Role.COORDINATOR);
        assertThat(actor.organisation()).isEqualTo("22000001");
        assertThat(actor.region()).isEqualTo("rotterdam");
        assertThat(jwt.getAudience()).contains("transfertafel");
        assertThat(jwt.getIssuer().toString()).isEqualTo(keycloak.issuer());
    }

    @Test
    void the_services_decoder_refuses_a_token_meant_for_another_audience() throws Exception {
        String token = browser.signIn("coordinator-b", "demo").get("access_token").asText();

        assertThatThrownBy(() -> decode(token, "another-system")).hasMessageContaining("aud");
    }

    @Test
    void each_service_gets_a_token_with_role_service_its_own_name_as_organisation_and_no_region() throws Exception {
        for (Map.Entry<String, String> service : KeycloakServer.SERVICE_SECRETS.entrySet()) {
            String token = browser.serviceToken(service.getKey(), service.getValue()).get("access_token").asText();

            Actor actor = Actor.from(decode(token, "transfertafel"));

            assertThat(actor.roles()).as(service.getKey()).containsExactly(Role.SERVICE);
            assertThat(actor.organisation()).as(service.getKey()).isEqualTo(service.getKey());
            assertThat(actor.regionIfPresent()).as(service.getKey()).isEmpty();
            // the services tie service-only endpoints to the calling service by this claim
            assertThat(BrowserSignIn.claims(token).path("client_id").asText()).as(service.getKey())
                    .isEqualTo(service.getKey());
        }
    }

    @Test
    void prometheus_gets_a_token_with_role_metrics_and_nothing_else() throws Exception {
        String token = browser.serviceToken("prometheus", KeycloakServer.PROMETHEUS_SECRET).get("access_token").asText();

        Actor actor = Actor.from(decode(token, "transfertafel"));

        assertThat(actor.roles()).containsExactly(Role.METRICS);
        assertThat(BrowserSignIn.claims(token).path("client_id").asText()).isEqualTo("prometheus");
    }

    @Test
    void a_service_with_a_wrong_secret_gets_no_token() {
        assertThatThrownBy(() -> browser.serviceToken("capacity-service", "not-the-secret"))
                .hasMessageContaining("401");
    }

    @Test
    void the_coordinator_page_refreshes_its_token_without_signing_in_again() throws Exception {
        JsonNode signedIn = browser.signIn("coordinator-b", "demo");
        // counted from the token's issue, so a second or two may have passed on a busy machine
        assertThat(signedIn.get("expires_in").asInt()).as("access tokens live five minutes").isBetween(280, 300);
        assertThat(signedIn.get("refresh_expires_in").asInt()).as("the session's idle time").isBetween(1780, 1800);

        JsonNode refreshed = browser.refresh(signedIn.get("refresh_token").asText());

        JsonNode before = BrowserSignIn.claims(signedIn.get("access_token").asText());
        JsonNode after = BrowserSignIn.claims(refreshed.get("access_token").asText());
        assertThat(refreshed.get("access_token").asText()).isNotEqualTo(signedIn.get("access_token").asText());
        assertThat(after.get("sub")).isEqualTo(before.get("sub"));
        assertThat(after.get("sid")).isEqualTo(before.get("sid"));
        assertThat(after.get("roles")).isEqualTo(before.get("roles"));
        assertThat(after.get("org").asText()).isEqualTo("22000002");
        assertThat(Actor.from(decode(refreshed.get("access_token").asText(), "transfertafel")).roles())
                .containsExactly(Role.COORDINATOR);
    }

    @Test
    void a_person_gets_a_token_for_curl_from_the_cli_client_and_the_coordinator_page_client_allows_no_password_grant()
            throws Exception {
        String token = browser.password("coordinator-apeldoorn", "demo").get("access_token").asText();

        Actor actor = Actor.from(decode(token, "transfertafel"));
        assertThat(actor.roles()).containsExactly(Role.COORDINATOR);
        assertThat(actor.organisation()).isEqualTo(DemoUsers.OTHER_REGION_PROVIDER_AGB);
        assertThat(actor.region()).isEqualTo(DemoUsers.OTHER_REGION);
        assertThat(BrowserSignIn.claims(token).path("client_id").isMissingNode()).as("a person's token names no service")
                .isTrue();
        assertThatThrownBy(() -> browser.password("coordinator-a", "wrong")).hasMessageContaining("401");
    }

    @Test
    void a_wrong_password_is_refused_at_the_login_page() {
        assertThatThrownBy(() -> browser.signIn("coordinator-a", "wrong")).hasMessageContaining("not accepted");
    }

    /**
     * Decodes as a service does: Spring Boot's resource-server auto-configuration with exactly the settings
     * the chart and Compose give the services (JWKS URI, issuer URI, audiences).
     */
    private static Jwt decode(String token, String audience) {
        Jwt[] decoded = new Jwt[1];
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReactiveWebSecurityAutoConfiguration.class,
                        ReactiveOAuth2ResourceServerAutoConfiguration.class))
                .withPropertyValues(
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + keycloak.jwksUri(),
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer(),
                        "spring.security.oauth2.resourceserver.jwt.audiences=" + audience)
                .run(context -> decoded[0] = context.getBean(ReactiveJwtDecoder.class).decode(token).block());
        return decoded[0];
    }
}
