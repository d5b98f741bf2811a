package nl.transfertafel.platform.security;

import static nl.transfertafel.platform.probe.ForeignTokens.gpClaims;
import static nl.transfertafel.platform.probe.ForeignTokens.sign;

import java.util.List;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import nl.transfertafel.testkit.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 item 9: a SERVICE token opens a service-only path only for the client ids listed for it
 * ({@code transfertafel.security.service-callers}; the probe lists intake- and capacity-service for
 * {@code /probe/service}).
 */
class ServiceCallersIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;

    private WebTestClient.ResponseSpec get(String path, String token) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static String serviceToken(String claim, String clientId) {
        return sign(gpClaims().subject("service-account").claim("roles", List.of("SERVICE")).claim("org", "whatever")
                .claim("region", null).claim(claim, clientId));
    }

    @Test
    void a_listed_service_may_call_the_path() {
        get("/probe/service", TestStack.tokens().serviceToken("intake-service")).expectStatus().isOk();
        get("/probe/service", TestStack.tokens().serviceToken("capacity-service")).expectStatus().isOk();
    }

    @Test
    void another_service_gets_403_problem_json() {
        get("/probe/service", TestStack.tokens().serviceToken("notification-service"))
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403).jsonPath("$.rule").isEqualTo("authorisation");
    }

    @Test
    void a_service_only_path_listed_for_nobody_is_closed_to_every_service() {
        get("/probe/service/unlisted", TestStack.tokens().serviceToken("intake-service")).expectStatus().isForbidden();
    }

    @Test
    void a_service_token_opens_no_path_meant_for_people() {
        web.post().uri("/probe/validated").headers(h -> h.setBearerAuth(TestStack.tokens().serviceToken("intake-service")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"agb\":\"12345678\",\"places\":1}")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void the_client_id_claim_names_the_caller_before_azp_and_org() {
        get("/probe/service", serviceToken("client_id", "capacity-service")).expectStatus().isOk();
        get("/probe/service", serviceToken("client_id", "transfer-table-service")).expectStatus().isForbidden();
        get("/probe/service", serviceToken("azp", "intake-service")).expectStatus().isOk();
        get("/probe/service", serviceToken("azp", "notification-service")).expectStatus().isForbidden();
    }

    @Test
    void people_are_not_affected() {
        get("/probe/admin", TestStack.tokens().token("admin", List.of("ADMIN"), "TRANSFERTAFEL", "rotterdam"))
                .expectStatus().isOk();
    }
}
