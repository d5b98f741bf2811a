package nl.transfertafel.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates events against the JSON Schemas of this module: the envelope schema and the payload
 * schema of the event's type and version. Producers validate every event before it enters the
 * outbox, so nothing that breaks a contract reaches Kafka.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Problems found, empty when the event is valid. */
    public static List<String> violations(EventEnvelope envelope) {
        return violations(EventJson.write(envelope));
    }

    public static List<String> violations(String envelopeJson) {
        try {
            JsonNode envelope = JSON.readTree(envelopeJson);
            List<String> problems = new java.util.ArrayList<>(
                    messages(schema("schemas/envelope.v1.json").validate(envelope)));
            String type = envelope.path("type").asText();
            int version = envelope.path("schemaVersion").asInt();
            var descriptor = EventCatalog.find(type, version);
            if (descriptor.isEmpty()) {
                problems.add("unknown event type " + type + " v" + version);
            } else {
                problems.addAll(messages(schema(descriptor.get().schemaResource()).validate(envelope.path("payload"))));
            }
            return problems;
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    public static void requireValid(EventEnvelope envelope) {
        List<String> problems = violations(envelope);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("event " + envelope.type() + " breaks its contract: " + problems);
        }
    }

    private static List<String> messages(java.util.Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema schema(String resource) {
        return CACHE.computeIfAbsent(resource, EventSchemas::load);
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            return FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
