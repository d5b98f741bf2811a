package nl.transfertafel.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.contracts.events.EventJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@CapacityIntegrationTest
class OpenApiIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        CapacityWiring.register(registry);
    }

    @Autowired
    WebTestClient web;

    @Test
    void the_openapi_document_is_served_without_a_token_and_documents_every_endpoint_and_its_problems() {
        byte[] body = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode paths = EventJson.mapper().readTree(body).get("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/capacity", "/api/v1/capacity/{capacityLineId}",
                "/api/v1/capacity/{capacityLineId}/correct", "/api/v1/capacity/{capacityLineId}/withdraw",
                "/api/v1/capacity/{capacityLineId}/confirm", "/api/v1/providers", "/api/v1/providers/{providerAgb}",
                "/api/v1/providers/{providerAgb}/restrictions",
                "/api/v1/providers/{providerAgb}/restrictions/{restrictionId}/lift",
                "/api/v1/providers/{providerAgb}/registration-status", "/api/v1/contracts",
                "/api/v1/contracts/{insurerUzovi}/{providerAgb}", "/api/v1/reservations",
                "/api/v1/reservations/{reservationId}", "/api/v1/reservations/{reservationId}/confirm",
                "/api/v1/reservations/{reservationId}/release", "/api/v1/figures");
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode operation = paths.get(path).get(method);
                JsonNode responses = operation.get("responses");
                boolean takesInput = operation.has("requestBody")
                        || operation.has("parameters") && !operation.get("parameters").isEmpty();
                assertThat(responses.has("401") && responses.has("403"))
                        .as(method + " " + path + " documents its problems").isTrue();
                assertThat(responses.has("400")).as(method + " " + path + " documents 400 where it takes input")
                        .isEqualTo(takesInput);
                assertThat(responses.get("401").get("content").has("application/problem+json")).isTrue();
            }
        }
        JsonNode reserve = paths.get("/api/v1/reservations").get("post").get("responses");
        assertThat(reserve.get("409").get("description").asText())
                .contains("no-place-left", "line-not-open", "proposal-already-reserved");
        assertThat(reserve.has("201") && reserve.has("200") && reserve.has("404")).isTrue();
    }
}
