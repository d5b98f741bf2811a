package nl.transfertafel.platform.security;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import java.util.List;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class SecurityAndProblemsIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;

    @Test
    void no_token_is_401_problem_json() {
        web.get().uri("/probe/admin").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.rule").isEqualTo("authentication");
    }

    @Test
    void a_token_signed_by_someone_else_is_401() {
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5Iiwicm9sZXMiOlsiQURNSU4iXX0.c2lnbmF0dXJl";
        web.get().uri("/probe/admin").headers(h -> h.setBearerAuth(forged)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void the_wrong_role_is_403_problem_json() {
        web.get().uri("/probe/admin").headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void the_right_role_gets_through_with_its_organisation_and_region() {
        web.get().uri("/probe/admin").headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.ADMIN)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userId").isEqualTo(DemoUsers.ADMIN.username())
                .jsonPath("$.organisation").isEqualTo(DemoUsers.ADMIN.organisation())
                .jsonPath("$.region").isEqualTo(DemoUsers.ADMIN.region());
    }

    @Test
    void validation_errors_name_each_field_and_rule() {
        web.post().uri("/probe/validated").headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"agb\":\"12\",\"places\":0}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'agb')].rule").isEqualTo(List.of("Pattern"))
                .jsonPath("$.errors[?(@.field == 'places')].rule").isEqualTo(List.of("Min"));
    }

    @Test
    void unreadable_json_names_the_field_without_echoing_the_value() {
        web.post().uri("/probe/validated").headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"agb\":\"12345678\",\"places\":\"secret-value\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("places")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .doesNotContain("secret-value"));
    }

    @Test
    void a_domain_conflict_is_409_with_its_rule() {
        web.post().uri("/probe/conflict").headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("probe-rule");
    }

    @Test
    void health_is_open_everything_else_is_not() {
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }

    /** Issue 11 item 10: the figures show waiting counts per region; a scraper needs its own token. */
    @Test
    void prometheus_needs_a_metrics_token() {
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestStack.tokens().serviceToken("intake-service")))
                .exchange().expectStatus().isForbidden();

        String scraper = TestStack.tokens().token("prometheus", List.of("METRICS"), null, null);
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(scraper)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("transfertafel_outbox_published"));
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.ADMIN)))
                .exchange().expectStatus().isOk();
    }

    @Test
    void a_page_from_an_allowed_origin_may_call_the_api_with_its_token() {
        web.options().uri("/api/probe/admin")
                .header("Origin", "http://127.0.0.1:8083")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://127.0.0.1:8083");
    }

    @Test
    void a_page_from_another_origin_may_not() {
        web.options().uri("/api/probe/admin")
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }
}
