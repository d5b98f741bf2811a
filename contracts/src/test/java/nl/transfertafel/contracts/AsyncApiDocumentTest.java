package nl.transfertafel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.transfertafel.contracts.catalogue.AsyncApiDocument;
import nl.transfertafel.contracts.events.EventCatalog;
import nl.transfertafel.contracts.events.EventJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The AsyncAPI document (classpath copy and docs/api copy) stays true to the event catalogue and schemas. */
class AsyncApiDocumentTest {

    private static final Path DOCS_COPY = Path.of("..", "docs", "api", "asyncapi.json");
    private static final Path RESOURCE_COPY = Path.of("src", "main", "resources", AsyncApiDocument.CLASSPATH_RESOURCE);

    @Test
    void the_checked_in_asyncapi_documents_match_the_contracts() throws IOException {
        String expected = AsyncApiDocument.render();

        assertThat(Files.readString(DOCS_COPY, StandardCharsets.UTF_8))
                .as("docs/api/asyncapi.json is stale: run docs/api/generate.sh --events-only")
                .isEqualTo(expected);
        assertThat(Files.readString(RESOURCE_COPY, StandardCharsets.UTF_8))
                .as("contracts' classpath asyncapi document is stale: run docs/api/generate.sh --events-only")
                .isEqualTo(expected);
    }

    @Test
    void every_event_type_is_a_message_on_its_topic_with_its_own_payload_schema() throws IOException {
        JsonNode document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AsyncApiDocument.CLASSPATH_RESOURCE)) {
            assertThat(in).as("served from the classpath").isNotNull();
            document = EventJson.mapper().readTree(in);
        }

        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        EventCatalog.all().forEach(descriptor -> {
            String messageId = descriptor.type() + "V" + descriptor.schemaVersion();
            JsonNode channel = findChannel(document, descriptor.topic());
            assertThat(channel.path("messages").has(messageId)).as(messageId + " on " + descriptor.topic()).isTrue();
            assertThat(document.at("/components/schemas/" + messageId + "Payload/$id").asText())
                    .endsWith(descriptor.type() + ".v" + descriptor.schemaVersion() + ".json");
        });
        assertThat(document.at("/components/messages").size()).isEqualTo(EventCatalog.all().size());
        assertThat(document.toString()).doesNotContain("\"bsn\"");
    }

    private static JsonNode findChannel(JsonNode document, String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (topic.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        throw new AssertionError("no channel for topic " + topic);
    }
}
