package nl.transfertafel.contracts.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates events against the JSON Schemas of this module: the envelope schema and the payload
 * schema of the event's type and version. Producers validate every event before it enters the
 * outbox, so nothing that breaks a contract reaches Kafka.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    // json-schema-validator 3 reads with Jackson 3, as the services do (ADR 0320)
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Problems found, empty when the event is valid. */
    public static List<String> violations(EventEnvelope envelope) {
        return violations(EventJson.write(envelope));
    }

    public static List<String> violations(String envelopeJson) {
        try {
            JsonNode envelope = JSON.readTree(envelopeJson);
            List<String> problems = new ArrayList<>(
                    messages(schema("schemas/envelope.v1.json").validate(envelope)));
            String type = envelope.path("type").asString();
            int version = envelope.path("schemaVersion").asInt();
            var descriptor = EventCatalog.find(type, version);
            if (descriptor.isEmpty()) {
                problems.add("unknown event type " + type + " v" + version);
            } else {
                problems.addAll(messages(schema(descriptor.get().schemaResource()).validate(envelope.path("payload"))));
            }
            return problems;
        } catch (JacksonException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    public static void requireValid(EventEnvelope envelope) {
        List<String> problems = violations(envelope);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("event " + envelope.type() + " breaks its contract: " + problems);
        }
    }

    /** Each error with the place it was found, e.g. {@code /exclusions/0: must be a string}. */
    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).sorted().toList();
    }

    private static Schema schema(String resource) {
        return CACHE.computeIfAbsent(resource, EventSchemas::load);
    }

    private static Schema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
