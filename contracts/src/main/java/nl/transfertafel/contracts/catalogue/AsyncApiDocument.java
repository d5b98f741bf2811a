package nl.transfertafel.contracts.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.transfertafel.contracts.events.EventCatalog;
import nl.transfertafel.contracts.events.EventDescriptor;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the AsyncAPI 3.0 document of every Kafka topic and event type, read from
 * {@link EventCatalog} and the JSON Schemas of this module, so it cannot drift from the contracts
 * ({@code AsyncApiDocumentTest} fails when the checked-in copies are stale). Each message is the
 * one envelope ({@code schemas/envelope.v1.json}) with {@code payload} narrowed to the event's own
 * schema; the Kafka key is the region and the {@code eventType} header names the type, as
 * {@code platform}'s {@code KafkaPublisher} writes them.
 *
 * <p>Regenerate with {@code docs/api/generate.sh --events-only}; the document is written twice:
 * {@code contracts/src/main/resources/asyncapi/transfertafel.asyncapi.json} (on the classpath, for
 * the services to serve) and {@code docs/api/asyncapi.json} (for readers).
 */
public final class AsyncApiDocument {

    static final String ASYNCAPI_VERSION = "3.0.0";
    public static final String CLASSPATH_RESOURCE = "asyncapi/transfertafel.asyncapi.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Which service writes each topic (through its outbox). */
    private static final Map<String, String> PRODUCERS = Map.of(
            Topics.INTAKE_REFERRAL_EVENTS, "intake-service",
            Topics.INTAKE_WAITING_EVENTS, "intake-service",
            Topics.CAPACITY_EVENTS, "capacity-service",
            Topics.TRANSFER_EVENTS, "transfer-table-service",
            Topics.NOTIFICATION_EVENTS, "notification-service");

    private AsyncApiDocument() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> targets = new ArrayList<>();
        for (String arg : args) {
            targets.add(Path.of(arg));
        }
        if (targets.isEmpty()) {
            targets.add(Path.of("contracts/src/main/resources/" + CLASSPATH_RESOURCE));
            targets.add(Path.of("docs/api/asyncapi.json"));
        }
        String document = render();
        for (Path target : targets) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, document, StandardCharsets.UTF_8);
            System.out.println("wrote " + target);
        }
    }

    public static String render() {
        return EventJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(build()) + "\n";
    }

    static ObjectNode build() {
        ObjectNode root = NODES.objectNode();
        root.put("asyncapi", ASYNCAPI_VERSION);
        root.put("id", "urn:transfertafel:events");
        ObjectNode info = root.putObject("info");
        info.put("title", "Transfertafel events");
        info.put("version", "1");
        info.put("description", "Every event the Transfertafel services publish on Kafka. Each record's value is the "
                + "one envelope (eventId, type, schemaVersion, occurredAt, region, aggregateId, correlationId, payload), "
                + "its key the region (so a region's events stay in order) and its `eventType` header the type. "
                + "Payloads carry pseudonyms only: no BSN, names or contact details. Generated from `contracts` "
                + "(EventCatalog and the JSON Schemas); do not edit by hand.");
        root.put("defaultContentType", "application/json");
        ObjectNode servers = root.putObject("servers");
        ObjectNode kafka = servers.putObject("kafka");
        kafka.put("host", "localhost:9092");
        kafka.put("protocol", "kafka");
        kafka.put("description", "The region's Kafka cluster (the local stack's embedded broker listens here by default).");

        Map<String, List<EventDescriptor>> byTopic = new TreeMap<>();
        for (EventDescriptor descriptor : EventCatalog.all()) {
            byTopic.computeIfAbsent(descriptor.topic(), topic -> new ArrayList<>()).add(descriptor);
        }

        ObjectNode channels = root.putObject("channels");
        ObjectNode operations = root.putObject("operations");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");
        schemas.set("Envelope", strip(schema("schemas/envelope.v1.json")));

        byTopic.forEach((topic, descriptors) -> {
            String channelId = channelId(topic);
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic);
            channel.put("title", topic);
            channel.put("description", "Written by " + PRODUCERS.getOrDefault(topic, "unknown")
                    + " through its transactional outbox; keyed by region.");
            ObjectNode channelMessages = channel.putObject("messages");
            channel.putObject("bindings").putObject("kafka").put("topic", topic).put("bindingVersion", "0.5.0");

            ObjectNode operation = operations.putObject("publish" + capitalise(channelId));
            operation.put("action", "send");
            operation.put("summary", PRODUCERS.getOrDefault(topic, "unknown") + " publishes on " + topic);
            operation.putObject("channel").put("$ref", "#/channels/" + channelId);
            ArrayNode operationMessages = operation.putArray("messages");

            for (EventDescriptor descriptor : descriptors) {
                String messageId = descriptor.type() + "V" + descriptor.schemaVersion();
                JsonNode payloadSchema = schema(descriptor.schemaResource());
                schemas.set(messageId + "Payload", strip(payloadSchema));

                ObjectNode message = messages.putObject(messageId);
                message.put("name", descriptor.type());
                message.put("title", descriptor.type() + " v" + descriptor.schemaVersion());
                message.put("summary", payloadSchema.path("description").asText(descriptor.type()));
                message.put("contentType", "application/json");
                ObjectNode headers = message.putObject("headers");
                headers.put("type", "object");
                headers.putArray("required").add("eventType");
                ObjectNode eventTypeHeader = headers.putObject("properties").putObject("eventType");
                eventTypeHeader.put("type", "string");
                eventTypeHeader.putArray("enum").add(descriptor.type());
                ObjectNode payload = message.putObject("payload");
                payload.putArray("allOf").add(ref("#/components/schemas/Envelope")).add(envelopeOf(descriptor, messageId));
                ObjectNode kafkaBinding = message.putObject("bindings").putObject("kafka");
                ObjectNode key = kafkaBinding.putObject("key");
                key.put("type", "string");
                key.put("description", "the region");
                kafkaBinding.put("bindingVersion", "0.5.0");

                channelMessages.set(messageId, ref("#/components/messages/" + messageId));
                operationMessages.add(ref("#/channels/" + channelId + "/messages/" + messageId));
            }
        });
        return root;
    }

    private static ObjectNode envelopeOf(EventDescriptor descriptor, String messageId) {
        ObjectNode narrowed = NODES.objectNode();
        narrowed.put("type", "object");
        ObjectNode properties = narrowed.putObject("properties");
        properties.putObject("type").put("const", descriptor.type());
        properties.putObject("schemaVersion").put("const", descriptor.schemaVersion());
        properties.set("payload", ref("#/components/schemas/" + messageId + "Payload"));
        return narrowed;
    }

    private static ObjectNode ref(String target) {
        ObjectNode ref = NODES.objectNode();
        ref.put("$ref", target);
        return ref;
    }

    /** The AsyncAPI schema object is a JSON Schema superset that does not take {@code $schema}. */
    private static JsonNode strip(JsonNode schema) {
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        copy.remove("$schema");
        return copy;
    }

    private static String channelId(String topic) {
        StringBuilder id = new StringBuilder();
        boolean upper = false;
        for (char c : topic.toCharArray()) {
            if (c == '.' || c == '-') {
                upper = true;
            } else {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return id.toString();
    }

    private static String capitalise(String value) {
        return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    private static JsonNode schema(String resource) {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
