package nl.transfertafel.platform.web;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.contracts.events.EventJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The probe's OpenAPI document lists its problem answers as the platform's customizer adds them. */
class ProblemResponsesDocumentIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;

    private JsonNode paths() {
        byte[] body = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return EventJson.mapper().readTree(body).path("paths");
    }

    private static String problem(JsonNode responses, String status) {
        JsonNode response = responses.path(status);
        assertThat(response.isMissingNode()).as("documents " + status).isFalse();
        assertThat(response.path("content").has("application/problem+json")).as(status + " is problem+json").isTrue();
        assertThat(response.path("content").path("application/problem+json").path("schema").path("properties")
                .has("rule")).as(status + " names the rule").isTrue();
        return response.path("description").asText();
    }

    @Test
    void declared_rules_become_problem_answers_beside_those_every_secured_endpoint_has() {
        JsonNode responses = paths().path("/probe/refused/{kind}").path("post").path("responses");

        assertThat(problem(responses, "400")).contains("`validation`", "`readable`", "rule `probe-field` when");
        assertThat(problem(responses, "401")).contains("`authentication`");
        assertThat(problem(responses, "403")).contains("`authorisation`", "rule `probe-forbidden` when not for you");
        assertThat(problem(responses, "404")).contains("probe thing", "`not-found`");
        assertThat(problem(responses, "409")).contains("rule `probe-rule` when the probe is in the wrong state",
                "rule `probe-other`");
    }

    @Test
    void an_endpoint_without_input_has_no_400_and_one_without_rules_no_404_or_409() {
        JsonNode responses = paths().path("/probe/admin").path("get").path("responses");

        assertThat(problem(responses, "401")).isNotBlank();
        assertThat(problem(responses, "403")).isNotBlank();
        assertThat(responses.has("400")).isFalse();
        assertThat(responses.has("404")).isFalse();
        assertThat(responses.has("409")).isFalse();
    }

    @Test
    void an_endpoint_taking_an_idempotency_key_documents_the_reused_key() {
        JsonNode responses = paths().path("/probe/idempotent").path("post").path("responses");

        assertThat(problem(responses, "400")).isNotBlank();
        assertThat(problem(responses, "409")).contains("rule `idempotency-key-reused`");
    }

    @Test
    void the_platforms_own_dead_letter_endpoints_document_theirs() {
        JsonNode deadLetters = paths().path("/api/v1/admin/dead-letters");

        assertThat(problem(deadLetters.path("get").path("responses"), "401")).isNotBlank();
        assertThat(problem(deadLetters.path("get").path("responses"), "403")).isNotBlank();
        assertThat(problem(paths().path("/api/v1/admin/dead-letters/replay").path("post").path("responses"), "403"))
                .isNotBlank();
    }
}
