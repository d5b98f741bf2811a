package nl.transfertafel.hostile;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.transfertafel.testkit.security.DemoUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The valid shape each hostile probe starts from: values that pass the schema (and, where the field's name
 * says what it holds, the domain), built from the OpenAPI schema. Required fields are always filled;
 * optional ones only where the name is known, so the shape stays one a real caller would send. The
 * personal values are the markers the echo check looks for.
 */
final class ValidShapes {

    /** Nine digits passing the eleven test: looks like a BSN to every check. */
    static final String BSN = "123456782";
    static final String NAME = "Wendeline Proefkonijn";
    static final String EMAIL = "wendeline.proefkonijn@example.org";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DIGITS = Pattern.compile("^\\\\d\\{(\\d+)}$|^\\[0-9]\\{(\\d+)}$");

    private final Random random;
    private final Map<String, String> fixtureIds;
    private final LocalDate today = LocalDate.now();

    ValidShapes(Random random, Map<String, String> fixtureIds) {
        this.random = random;
        this.fixtureIds = fixtureIds;
    }

    UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** The value of a path or query parameter: a fixture's id, the caller's organisation, or a fresh id. */
    String parameter(String name, JsonNode schema, Caller caller) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (fixtureIds.containsKey(name)) {
            return fixtureIds.get(name);
        }
        if (lower.endsWith("agb")) {
            return DemoUsers.PROVIDER_AGB;
        }
        if (lower.endsWith("uzovi")) {
            return DemoUsers.INSURER_UZOVI;
        }
        if (lower.equals("organisation")) {
            return caller.organisation();
        }
        if (lower.equals("topic")) {
            return nl.transfertafel.contracts.events.Topics.INTAKE_REFERRAL_EVENTS;
        }
        if (lower.equals("idempotency-key")) {
            return uuid().toString();
        }
        return value(name, schema).asText();
    }

    /** A valid body for the schema: required fields, and the optional ones whose name is known. */
    ObjectNode object(JsonNode schema, Schemas schemas) {
        ObjectNode object = NODES.objectNode();
        var required = new java.util.HashSet<String>();
        schema.path("required").forEach(node -> required.add(node.asText()));
        for (var property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode fieldSchema = schemas.resolve(property.getValue());
            if (required.contains(name) || known(name)) {
                object.set(name, value(name, fieldSchema, schemas));
            }
        }
        return object;
    }

    JsonNode value(String name, JsonNode schema) {
        return value(name, schema, null);
    }

    JsonNode value(String name, JsonNode schema, Schemas schemas) {
        String lower = name.toLowerCase(Locale.ROOT);
        String type = schema.path("type").asText("string");
        if (fixtureIds.containsKey(name)) {
            return NODES.stringNode(fixtureIds.get(name));
        }
        switch (type) {
            case "object" -> {
                return schemas == null ? NODES.objectNode() : object(schema, schemas);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                JsonNode items = schemas == null ? schema.path("items") : schemas.resolve(schema.path("items"));
                array.add(value(singular(name), items, schemas));
                return array;
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "integer", "number" -> {
                long minimum = schema.has("minimum") ? schema.path("minimum").asLong() : 1;
                long maximum = schema.has("maximum") ? schema.path("maximum").asLong() : Long.MAX_VALUE;
                long wanted = lower.contains("km") ? 25 : lower.contains("euro") ? 1000 : 2;
                return NODES.numberNode(Math.max(minimum, Math.min(maximum, wanted)));
            }
            default -> {
                return NODES.stringNode(string(lower, schema));
            }
        }
    }

    private String string(String lower, JsonNode schema) {
        switch (lower) {
            case "bsn" -> { return BSN; }
            case "name" -> { return NAME; }
            case "email", "address" -> { return EMAIL; }
            case "phone" -> { return "+31 10 123 4567"; }
            case "postcode", "locationpostcode" -> { return "3011 AB"; }
            case "dateofbirth" -> { return "1990-04-01"; }
            case "registeredon" -> { return today.minusDays(30).toString(); }
            case "availablefrom", "from", "on" -> { return today.toString(); }
            case "availableuntil" -> { return today.plusDays(60).toString(); }
            case "until" -> { return today.plusDays(30).toString(); }
            case "insureruzovi" -> { return DemoUsers.INSURER_UZOVI; }
            case "referreragb" -> { return DemoUsers.GP_PRACTICE_AGB; }
            case "preferredprovideragb", "provideragb" -> { return DemoUsers.PROVIDER_AGB; }
            case "region" -> { return DemoUsers.REGION; }
            case "url" -> { return "https://hooks.example.org/transfertafel"; }
            case "secret" -> { return "a-shared-secret-of-32-characters"; }
            case "eventtype" -> { return "ReferralReceived"; }
            case "language" -> { return "nl"; }
            default -> { }
        }
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0).asText();
        }
        String format = schema.path("format").asText("");
        switch (format) {
            case "date" -> { return today.toString(); }
            case "date-time" -> { return java.time.Instant.now().toString(); }
            case "uuid" -> { return uuid().toString(); }
            case "email" -> { return EMAIL; }
            default -> { }
        }
        Matcher digits = DIGITS.matcher(schema.path("pattern").asText(""));
        if (digits.matches()) {
            int length = Integer.parseInt(digits.group(1) != null ? digits.group(1) : digits.group(2));
            return "1".repeat(length);
        }
        if (lower.endsWith("id")) {
            return uuid().toString();
        }
        return "Een korte reden";
    }

    /** Optional fields worth sending in the valid shape (the minimal capacity form needs them). */
    private static boolean known(String name) {
        return switch (name) {
            case "email", "phone", "preferredProviderAgb", "maxTravelKm", "eHealthAcceptable", "providerType",
                    "locationPostcode", "diagnosisGroups", "careLevel", "availableUntil", "language" -> true;
            default -> false;
        };
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
