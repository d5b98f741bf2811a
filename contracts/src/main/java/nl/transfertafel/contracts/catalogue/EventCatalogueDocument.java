package nl.transfertafel.contracts.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.transfertafel.contracts.events.EventCatalog;
import nl.transfertafel.contracts.events.EventDescriptor;
import nl.transfertafel.contracts.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Writes {@code docs/api/events.md}: every event type by topic, with its fields, types and rules,
 * read from the catalogue and the JSON Schemas themselves, so the document cannot drift from the
 * contracts ({@code EventCatalogueDocumentTest} fails when it has).
 * Regenerate with {@code docs/api/generate.sh}.
 */
public final class EventCatalogueDocument {

    private EventCatalogueDocument() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/api/events.md");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target);
    }

    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Event catalogue\n\n")
                .append("Generated from `contracts` (`EventCatalog` and the JSON Schemas in ")
                .append("`contracts/src/main/resources/schemas/`); do not edit by hand: run `docs/api/generate.sh`.\n\n")
                .append("Every event travels in the one envelope (`schemas/envelope.v1.json`): `eventId` (UUID), ")
                .append("`type`, `schemaVersion`, `occurredAt`, `region` (also the Kafka key, so a region's events stay ")
                .append("in order), `aggregateId`, `correlationId`, `payload`. Payloads allow no other fields than ")
                .append("those listed (`additionalProperties: false`): no personal data can ride along. Schemas evolve ")
                .append("additively; a breaking change is a new version handled side by side.\n\n");
        Map<String, List<EventDescriptor>> byTopic = new TreeMap<>();
        for (EventDescriptor descriptor : EventCatalog.all()) {
            byTopic.computeIfAbsent(descriptor.topic(), topic -> new ArrayList<>()).add(descriptor);
        }
        out.append("| topic | event types |\n| --- | --- |\n");
        byTopic.forEach((topic, descriptors) -> out.append("| `").append(topic).append("` | ")
                .append(String.join(", ", descriptors.stream().map(d -> "[" + d.type() + "](#" + d.type().toLowerCase()
                        + "-v" + d.schemaVersion() + ")").toList())).append(" |\n"));
        byTopic.forEach((topic, descriptors) -> {
            for (EventDescriptor descriptor : descriptors) {
                JsonNode schema = schema(descriptor.schemaResource());
                out.append("\n## ").append(descriptor.type()).append(" v").append(descriptor.schemaVersion()).append("\n\n");
                out.append("Topic `").append(topic).append("`. ").append(schema.path("description").asText("")).append("\n\n");
                out.append("| field | type | required | rule |\n| --- | --- | --- | --- |\n");
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(node -> required.add(node.asText()));
                fields(schema).forEach((name, property) -> out.append("| `").append(name).append("` | ")
                        .append(type(property)).append(" | ").append(required.contains(name) ? "yes" : "no").append(" | ")
                        .append(rule(property)).append(" |\n"));
            }
        });
        return out.toString();
    }

    private static Map<String, JsonNode> fields(JsonNode schema) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
        return fields;
    }

    private static String type(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(node -> types.add(node.asText()));
            return String.join(" or ", types);
        }
        if ("array".equals(type.asText()) && property.has("items")) {
            return "array of " + type(property.path("items"));
        }
        if (type.isMissingNode() && property.has("enum")) {
            return "string";
        }
        return type.asText("any");
    }

    private static String rule(JsonNode property) {
        List<String> rules = new ArrayList<>();
        JsonNode values = property.has("enum") ? property.path("enum") : property.path("items").path("enum");
        if (values.isArray() && !values.isEmpty()) {
            List<String> names = new ArrayList<>();
            values.forEach(node -> names.add(node.isNull() ? "null" : node.asText()));
            rules.add("one of " + String.join(", ", names));
        }
        if (property.has("pattern")) {
            rules.add("pattern `" + property.path("pattern").asText().replace("|", "\\|") + "`");
        }
        if (property.has("format")) {
            rules.add("format " + property.path("format").asText());
        }
        if (property.has("minimum")) {
            rules.add("≥ " + property.path("minimum").asText());
        }
        if (property.has("maximum")) {
            rules.add("≤ " + property.path("maximum").asText());
        }
        if (property.has("maxLength")) {
            rules.add("at most " + property.path("maxLength").asText() + " characters");
        }
        if ("object".equals(property.path("type").asText()) && property.has("properties")) {
            List<String> names = new ArrayList<>();
            property.path("properties").properties().forEach(entry -> names.add(entry.getKey()));
            rules.add("fields " + String.join(", ", names));
        }
        return rules.isEmpty() ? "" : String.join("; ", rules);
    }

    private static JsonNode schema(String resource) {
        try (InputStream in = EventCatalogueDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
