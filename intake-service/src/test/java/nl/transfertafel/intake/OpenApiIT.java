package nl.transfertafel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.transfertafel.contracts.events.EventJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@IntakeIntegrationTest
class OpenApiIT {

    /** Every endpoint with the answers it must document (besides its success). */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("post /api/v1/referrals", List.of("201", "400", "401", "403", "409")),
            Map.entry("get /api/v1/referrals", List.of("200", "401", "403")),
            Map.entry("get /api/v1/referrals/{referralId}", List.of("200", "401", "403", "404")),
            Map.entry("post /api/v1/referrals/{referralId}/withdraw", List.of("200", "400", "401", "403", "404", "409")),
            Map.entry("put /api/v1/referrals/{referralId}/client-support", List.of("200", "400", "401", "403", "404", "409")),
            Map.entry("post /api/v1/referrals/{referralId}/confirm-referrer", List.of("200", "400", "401", "403", "404")),
            Map.entry("get /api/v1/waiting-list", List.of("200", "401", "403")),
            Map.entry("post /api/v1/waiting-list/entries", List.of("201", "400", "401", "403", "409")),
            Map.entry("post /api/v1/waiting-list/{referralId}/intake", List.of("200", "400", "401", "403", "404", "409")),
            Map.entry("post /api/v1/waiting-list/{referralId}/treatment-start", List.of("200", "400", "401", "403", "404", "409")),
            Map.entry("post /api/v1/waiting-list/{referralId}/withdraw", List.of("200", "400", "401", "403", "404", "409")),
            Map.entry("put /api/v1/waiting-list/{referralId}/status", List.of("200", "400", "401", "403", "404", "409")),
            Map.entry("put /api/v1/waiting-list/{referralId}/location", List.of("200", "400", "401", "403", "404", "409")),
            Map.entry("post /api/v1/waiting-list/{referralId}/status-confirmation",
                    List.of("200", "400", "401", "403", "404", "409")),
            Map.entry("get /api/v1/internal/referrals/{referralId}/contact", List.of("200", "401", "403", "404")),
            Map.entry("get /api/v1/figures", List.of("200", "400", "401", "403")),
            // "still waiting?" rounds (issue 15 item 1)
            Map.entry("post /api/v1/validation-rounds", List.of("201", "400", "401", "403")),
            Map.entry("get /api/v1/validation-rounds", List.of("200", "401", "403")),
            Map.entry("get /api/v1/validation-rounds/{roundId}", List.of("200", "401", "403", "404")),
            Map.entry("post /api/v1/validation-questions/{questionId}/answer",
                    List.of("200", "400", "401", "403", "404", "409")),
            Map.entry("post /api/v1/internal/validation-questions/{questionId}/answer-link",
                    List.of("200", "401", "403", "404")),
            // the client's answer link: no account (the HTML page itself is not an API and not documented)
            Map.entry("get /api/v1/answer-links/{token}", List.of("200", "404", "409", "429")),
            Map.entry("post /api/v1/answer-links/{token}/answer", List.of("200", "400", "404", "409", "429")),
            // the platform's dead-letter administration, in every service
            Map.entry("get /api/v1/admin/dead-letters", List.of("200", "401", "403")),
            Map.entry("post /api/v1/admin/dead-letters/replay", List.of("200", "401", "403")),
            // and the platform's parked outbox rows (rows the broker refused for good), in every service
            Map.entry("get /api/v1/admin/outbox/parked", List.of("200", "401", "403")),
            Map.entry("post /api/v1/admin/outbox/parked/replay", List.of("200", "401", "403")));

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    WebTestClient web;

    @Test
    void the_openapi_document_describes_every_endpoint_and_its_errors() {
        String document = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode paths = EventJson.mapper().readTree(document).path("paths");

        java.util.Set<String> documented = new java.util.TreeSet<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            documented.add(operation.getKey() + " " + path.getKey());
        }));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());

        EXPECTED.forEach((endpoint, answers) -> {
            String[] parts = endpoint.split(" ");
            JsonNode operation = paths.path(parts[1]).path(parts[0]);
            assertThat(operation.path("summary").asText()).as(endpoint + " summary").isNotBlank();
            for (String status : answers) {
                JsonNode response = operation.path("responses").path(status);
                assertThat(response.isMissingNode()).as(endpoint + " documents " + status).isFalse();
                assertThat(response.path("description").asText()).as(endpoint + " " + status).isNotBlank();
                if (status.startsWith("4")) {
                    assertThat(response.path("content").has("application/problem+json"))
                            .as(endpoint + " " + status + " is problem+json").isTrue();
                }
            }
        });
        assertThat(paths.path("/api/v1/referrals").path("post").path("parameters").toString()).contains("Idempotency-Key");
        JsonNode schemas = EventJson.mapper().readTree(document).path("components").path("schemas");
        assertThat(schemas.path("Referral").path("properties").has("clientSupportOrganisation"))
                .as("the referral body documents the client-support organisation").isTrue();
    }
}
