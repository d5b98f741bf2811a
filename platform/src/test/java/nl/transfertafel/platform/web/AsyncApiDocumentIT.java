package nl.transfertafel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import nl.transfertafel.contracts.catalogue.AsyncApiDocument;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 item 2: a service on the platform serves the AsyncAPI document of the events, without a
 * token (like its OpenAPI document), and it is the document {@code contracts} generated and checked.
 */
class AsyncApiDocumentIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;

    @Test
    void the_served_document_is_the_one_contracts_generated_and_needs_no_token() throws IOException {
        byte[] served = web.get().uri(AsyncApiEndpoint.PATH).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();

        byte[] generated;
        try (InputStream in = new ClassPathResource(AsyncApiDocument.CLASSPATH_RESOURCE).getInputStream()) {
            generated = in.readAllBytes();
        }
        JsonNode document = EventJson.mapper().readTree(served);
        assertThat(document).isEqualTo(EventJson.mapper().readTree(generated));
        assertThat(document.path("asyncapi").asText()).startsWith("3.");
        assertThat(document.path("channels").size()).as("the event topics are documented").isPositive();
    }

    @Test
    void the_openapi_document_does_not_list_it_as_an_operation() {
        byte[] openApi = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();

        JsonNode paths = EventJson.mapper().readTree(openApi).path("paths");
        assertThat(paths.has("/probe/admin")).as("the probe's own operations are there").isTrue();
        assertThat(paths.has(AsyncApiEndpoint.PATH)).isFalse();
        assertThat(paths.has(AsyncApiEndpoint.SHORT_PATH)).isFalse();
    }

    @Test
    void the_short_address_redirects_to_the_document() {
        web.get().uri(AsyncApiEndpoint.SHORT_PATH).exchange()
                .expectStatus().isFound()
                .expectHeader().location(AsyncApiEndpoint.PATH);
    }
}
