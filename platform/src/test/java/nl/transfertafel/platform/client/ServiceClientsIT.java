package nl.transfertafel.platform.client;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.LocalTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * A service calls another with its own client-credentials token (Spring Security's OAuth2 client),
 * validated like any other JWT.
 */
class ServiceClientsIT extends ProbeIntegrationTest {

    @Autowired
    ServiceClients clients;
    @LocalServerPort
    int port;

    @Test
    void a_service_call_carries_the_callers_service_identity() {
        Map<String, Object> actor = clients.to("http://127.0.0.1:" + port).get().uri("/probe/service")
                .retrieve().bodyToMono(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).block(Duration.ofSeconds(20));

        assertThat(actor).containsEntry("userId", "intake-service").containsEntry("organisation", "intake-service");
        assertThat(actor.get("roles").toString()).contains("SERVICE");
        assertThat(actor.get("region")).isNull();
    }

    @Test
    void a_service_token_does_not_open_endpoints_for_people() {
        assertThatThrownBy(() -> clients.to("http://127.0.0.1:" + port).get().uri("/probe/admin")
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(20)))
                .isInstanceOf(WebClientResponseException.Forbidden.class);
    }

    @Test
    void a_wrong_client_secret_gets_no_token() {
        ServiceTokens wrong = new ServiceTokens(WebClient.builder(), TestStack.tokens().tokenUri(), "intake-service",
                "not-the-secret", Clock.systemUTC());

        assertThatThrownBy(() -> wrong.token().block(Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(OAuth2AuthorizationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_client"));
    }

    @Test
    void the_token_is_fetched_once_and_reused() {
        ServiceTokens tokens = new ServiceTokens(WebClient.builder(), TestStack.tokens().tokenUri(), "capacity-service",
                LocalTokenIssuer.serviceSecret(), Clock.systemUTC());

        String first = tokens.token().block(Duration.ofSeconds(20));
        String second = tokens.token().block(Duration.ofSeconds(20));

        assertThat(first).isNotBlank().isEqualTo(second);
    }
}
