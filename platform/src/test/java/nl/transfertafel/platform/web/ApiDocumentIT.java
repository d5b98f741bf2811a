package nl.transfertafel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 item 5: the service's OpenAPI document has its title, description and public server URL
 * from {@code transfertafel.openapi.*}, one bearer scheme required everywhere, and no {@code actor}
 * parameter (the caller's identity comes from the token).
 */
class ApiDocumentIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;

    private JsonNode document() {
        byte[] body = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return EventJson.mapper().readTree(body);
    }

    @Test
    void title_description_and_server_come_from_the_services_properties() {
        JsonNode document = document();

        assertThat(document.path("info").path("title").asText()).isEqualTo("Probe service");
        assertThat(document.path("info").path("description").asText())
                .isEqualTo("A minimal service on the platform, for its tests.");
        assertThat(document.path("info").path("version").asText()).isEqualTo("v1");
        assertThat(document.path("servers").size()).isEqualTo(1);
        assertThat(document.path("servers").path(0).path("url").asText()).isEqualTo("https://probe.transfertafel.example");
    }

    @Test
    void every_operation_requires_a_bearer_token() {
        JsonNode document = document();

        JsonNode bearer = document.path("components").path("securitySchemes").path(ApiDocumentCustomizer.BEARER);
        assertThat(bearer.path("type").asText()).isEqualTo("http");
        assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(document.path("security").toString()).contains("\"" + ApiDocumentCustomizer.BEARER + "\"");
    }

    @Test
    void no_operation_asks_for_the_actor() {
        JsonNode paths = document().path("paths");
        assertThat(paths.has("/probe/admin")).as("the probe's endpoints are documented").isTrue();

        List<String> actorParameters = new ArrayList<>();
        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String name = parameter.path("name").asText();
                    if (name.equalsIgnoreCase("actor") || name.equals("userId") || name.equals("roles")) {
                        actorParameters.add(operation.getKey() + " " + path.getKey() + " " + name);
                    }
                }
            }
        }
        assertThat(actorParameters).isEmpty();
    }
}
