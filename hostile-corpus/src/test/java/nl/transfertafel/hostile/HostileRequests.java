package nl.transfertafel.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import nl.transfertafel.contracts.events.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The corpus: for each write endpoint, its valid shape (a valid control) and the hostile variants of it,
 * per token claim, content type, body, field, path and query parameter. Deterministic: the same seed and
 * the same OpenAPI documents give the same requests (see ADR 1200).
 */
final class HostileRequests {

    /** Bodies larger than this are "oversized": no write endpoint has a reason to take them. */
    static final int ONE_MIB = 1024 * 1024;
    static final String OTHER_REGION = "utrecht";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "@@raw-json-";

    private final ValidShapes shapes;
    private final Function<WriteEndpoint, Caller> callers;
    private final Function<Caller, String> tokens;
    private final Function<Caller, String> forgedTokens;

    /**
     * @param callers      who calls an endpoint in its valid shape (the role it is for)
     * @param tokens       a token the stack's issuer signed, with exactly the caller's claims
     * @param forgedTokens a token with the caller's claims signed by a key the services do not trust
     */
    HostileRequests(long seed, Map<String, String> fixtureIds, Function<WriteEndpoint, Caller> callers,
            Function<Caller, String> tokens, Function<Caller, String> forgedTokens) {
        this.shapes = new ValidShapes(new Random(seed), fixtureIds);
        this.callers = callers;
        this.tokens = tokens;
        this.forgedTokens = forgedTokens;
    }

    /** Every probe of the endpoint: first the hostile ones, then the valid controls. */
    List<Probe> forEndpoint(WriteEndpoint endpoint) {
        Base base = base(endpoint);
        List<Probe> probes = new ArrayList<>();
        tokenProbes(base, probes);
        pathProbes(base, probes);
        queryProbes(base, probes);
        headerProbes(base, probes);
        bodyProbes(base, probes);
        validControls(base, probes);
        return probes;
    }

    // ---------------------------------------------------------------- the valid shape

    /** One valid request: its caller, parameter values and body; probes are copies with one thing changed. */
    private final class Base {
        final WriteEndpoint endpoint;
        final Caller caller;
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        final ObjectNode body;

        Base(WriteEndpoint endpoint) {
            this.endpoint = endpoint;
            this.caller = callers.apply(endpoint);
            endpoint.pathParameters().forEach(p -> path.put(p.name(), shapes.parameter(p.name(), p.schema(), caller)));
            endpoint.queryParameters().forEach(p -> query.put(p.name(), shapes.parameter(p.name(), p.schema(), caller)));
            endpoint.headerParameters().forEach(p -> headers.put(p.name(), shapes.parameter(p.name(), p.schema(), caller)));
            this.body = endpoint.hasBody() ? shapes.object(endpoint.bodySchema(), endpoint.schemas()) : null;
        }

        String token() {
            return tokens.apply(caller);
        }

        /** Path and query with the given replacements (a null value drops a query parameter). */
        String pathAndQuery(Map<String, String> pathValues, Map<String, String> queryValues) {
            String resolved = endpoint.path();
            for (var value : pathValues.entrySet()) {
                resolved = resolved.replace("{" + value.getKey() + "}", encode(value.getValue()));
            }
            StringBuilder url = new StringBuilder(resolved);
            char separator = '?';
            for (var value : queryValues.entrySet()) {
                if (value.getValue() != null) {
                    url.append(separator).append(encode(value.getKey())).append('=').append(encode(value.getValue()));
                    separator = '&';
                }
            }
            return url.toString();
        }

        String pathAndQuery() {
            return pathAndQuery(path, query);
        }

        Map<String, String> headers(String authorization, String contentType) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (authorization != null) {
                all.put("Authorization", authorization);
            }
            if (contentType != null) {
                all.put("Content-Type", contentType);
            }
            return all;
        }

        byte[] bodyBytes() {
            return body == null ? null : json(body, Map.of());
        }

        Probe probe(String mutation, String detail, boolean valid, String pathAndQuery, Map<String, String> headers,
                byte[] bodyBytes) {
            return new Probe(endpoint, mutation, detail, valid, pathAndQuery, headers, bodyBytes,
                    personalData(pathAndQuery, bodyBytes));
        }

        /** The valid shape with only the body changed. */
        Probe withBody(String mutation, String detail, byte[] bodyBytes, String contentType) {
            return probe(mutation, detail, false, pathAndQuery(), headers("Bearer " + token(), contentType), bodyBytes);
        }

        /** The valid shape with only the token changed (null: no Authorization header). */
        Probe withAuthorization(String detail, String authorization) {
            return probe("token", detail, false, pathAndQuery(), headers(authorization, jsonType()), bodyBytes());
        }

        String jsonType() {
            return body == null ? null : "application/json";
        }
    }

    private Base base(WriteEndpoint endpoint) {
        return new Base(endpoint);
    }

    // ---------------------------------------------------------------- tokens

    private void tokenProbes(Base base, List<Probe> probes) {
        Caller caller = base.caller;
        probes.add(base.withAuthorization("none", null));
        probes.add(base.withAuthorization("not a JWT", "Bearer not.a.jwt"));
        probes.add(base.withAuthorization("Basic scheme", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("huisarts:huisarts".getBytes(StandardCharsets.UTF_8))));
        probes.add(base.withAuthorization("signed by an unknown key", "Bearer " + forgedTokens.apply(caller)));
        if (caller.subject() != null) {
            probes.add(base.withAuthorization("without sub", "Bearer " + tokens.apply(caller.withoutSubject())));
        }
        probes.add(base.withAuthorization("without roles", "Bearer " + tokens.apply(caller.withRoles(null))));
        probes.add(base.withAuthorization("empty roles", "Bearer " + tokens.apply(caller.withRoles(List.of()))));
        probes.add(base.withAuthorization("unknown role only", "Bearer " + tokens.apply(caller.withRoles(List.of("VISITOR")))));
        if (caller.organisation() != null) {
            probes.add(base.withAuthorization("without org", "Bearer " + tokens.apply(caller.withOrganisation(null))));
        }
        if (caller.region() != null) {
            probes.add(base.withAuthorization("without region", "Bearer " + tokens.apply(caller.withRegion(null))));
        }
        // another organisation or region is hostile where the request names a thing of this one: an id in
        // the path, or the caller's organisation in a parameter; elsewhere (a new referral, a new capacity
        // line) a user of another organisation or region may do the same legitimately, for their own
        if (!base.path.isEmpty() || base.query.containsKey("organisation")) {
            if (!actsForEveryOrganisation(caller)) {
                probes.add(base.withAuthorization("of another organisation (" + caller.otherOrganisation() + ")",
                        "Bearer " + tokens.apply(caller.withOrganisation(caller.otherOrganisation()))));
            }
            // a region scopes things (a referral, a line, a notification), not an organisation's own settings:
            // notification's subscriptions and mailboxes are the organisation's in every region it works in
            if (caller.region() != null && !base.path.isEmpty()) {
                probes.add(base.withAuthorization("of another region",
                        "Bearer " + tokens.apply(caller.withRegion(OTHER_REGION))));
            }
        }
    }

    /** Functional management (ADMIN) acts for every organisation of its region, so naming another is not hostile. */
    private static boolean actsForEveryOrganisation(Caller caller) {
        return caller.roles() != null && caller.roles().contains("ADMIN");
    }

    // ---------------------------------------------------------------- path, query and headers

    private void pathProbes(Base base, List<Probe> probes) {
        for (WriteEndpoint.Parameter parameter : base.endpoint.pathParameters()) {
            String name = parameter.name();
            String lower = name.toLowerCase(Locale.ROOT);
            Map<String, String> variants = new LinkedHashMap<>();
            variants.put("malformed id", "not-an-id");
            variants.put("very long (3000 chars)", "9".repeat(3000));
            variants.put("emoji and RTL override", "\uD83D\uDE00\u202Egnp.exe");
            variants.put("NUL", "a\u0000b");
            variants.put("path traversal", "../../admin");
            variants.put("SQL-looking", "1' OR '1'='1");
            variants.put("a BSN", ValidShapes.BSN);
            if (lower.endsWith("agb")) {
                variants.put("another organisation's AGB", base.caller.otherOrganisation());
            } else if (lower.endsWith("uzovi")) {
                variants.put("another insurer's UZOVI", "9999");
            } else {
                variants.put("unknown id", shapes.uuid().toString());
            }
            for (var variant : variants.entrySet()) {
                Map<String, String> path = new LinkedHashMap<>(base.path);
                path.put(name, variant.getValue());
                probes.add(base.probe("path-parameter", name + ": " + variant.getKey(), false,
                        base.pathAndQuery(path, base.query), base.headers("Bearer " + base.token(), base.jsonType()),
                        base.bodyBytes()));
            }
        }
    }

    private void queryProbes(Base base, List<Probe> probes) {
        for (WriteEndpoint.Parameter parameter : base.endpoint.queryParameters()) {
            String name = parameter.name();
            Map<String, String> variants = new LinkedHashMap<>();
            String type = parameter.schema().path("type").asText("string");
            if (type.equals("integer") || type.equals("number")) {
                // an unknown number is a legitimate question ("replay row 7": none to replay); these are not numbers
                variants.put("not a number", "seven");
                variants.put("beyond Long", "99999999999999999999");
                variants.put("non-integer", "2.5");
                variants.put("negative", "-1");
            } else {
                if (name.equals("organisation")) {
                    if (!actsForEveryOrganisation(base.caller)) {
                        variants.put("another organisation", base.caller.otherOrganisation());
                    }
                } else {
                    variants.put("unknown value", "no-such-" + name);
                }
                variants.put("very long (3000 chars)", "x".repeat(3000));
                variants.put("emoji and RTL override", "\uD83D\uDE00\u202Eabc");
                variants.put("NUL", "a\u0000b");
                variants.put("a BSN", ValidShapes.BSN);
            }
            if (parameter.required()) {
                // left empty, a required parameter is missing; an optional one may legitimately be empty
                variants.put("empty", "");
            }
            for (var variant : variants.entrySet()) {
                Map<String, String> query = new LinkedHashMap<>(base.query);
                query.put(name, variant.getValue());
                probes.add(base.probe("query-parameter", name + ": " + variant.getKey(), false,
                        base.pathAndQuery(base.path, query), base.headers("Bearer " + base.token(), base.jsonType()),
                        base.bodyBytes()));
            }
        }
    }

    private void headerProbes(Base base, List<Probe> probes) {
        for (WriteEndpoint.Parameter parameter : base.endpoint.headerParameters()) {
            Map<String, String> headers = base.headers("Bearer " + base.token(), base.jsonType());
            headers.put(parameter.name(), "k".repeat(10_000));
            probes.add(base.probe("header", parameter.name() + ": very long (10000 chars)", false, base.pathAndQuery(),
                    headers, base.bodyBytes()));
        }
    }

    // ---------------------------------------------------------------- bodies

    private void bodyProbes(Base base, List<Probe> probes) {
        // larger than any write needs, with or without a body schema
        ObjectNode padded = base.body == null ? NODES.objectNode() : base.body.deepCopy();
        padded.put("padding", "x".repeat(ONE_MIB + ONE_MIB / 4));
        probes.add(base.withBody("oversized-body", "1.25 MiB", json(padded, Map.of()), "application/json"));
        if (base.body == null) {
            return;
        }
        byte[] valid = base.bodyBytes();
        probes.add(base.withBody("content-type", "text/plain", valid, "text/plain"));
        probes.add(base.withBody("content-type", "application/xml", "<request><a>1</a></request>".getBytes(StandardCharsets.UTF_8),
                "application/xml"));
        probes.add(base.withBody("content-type", "form-urlencoded", "a=1&b=2".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded"));
        probes.add(base.withBody("content-type", "none", valid, null));

        String text = new String(valid, StandardCharsets.UTF_8);
        Map<String, byte[]> malformed = new LinkedHashMap<>();
        // a body of which nothing is required may be left out ("empty body", "null" are then no body at all),
        // and single quotes change nothing in a body without quotes ("{}")
        boolean optionalBody = base.endpoint.bodySchema() != null && base.endpoint.bodySchema().path("required").isEmpty();
        if (!optionalBody) {
            malformed.put("empty body", new byte[0]);
        }
        malformed.put("truncated", text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8));
        malformed.put("open brace", "{".getBytes(StandardCharsets.UTF_8));
        malformed.put("missing value", "{\"a\":}".getBytes(StandardCharsets.UTF_8));
        malformed.put("not JSON", "hello".getBytes(StandardCharsets.UTF_8));
        if (text.indexOf('"') >= 0) {
            malformed.put("single quotes", text.replace('"', '\'').getBytes(StandardCharsets.UTF_8));
        }
        malformed.put("trailing garbage", (text + "}}]]").getBytes(StandardCharsets.UTF_8));
        malformed.put("two documents", (text + text).getBytes(StandardCharsets.UTF_8));
        malformed.put("array", "[]".getBytes(StandardCharsets.UTF_8));
        if (!optionalBody) {
            malformed.put("null", "null".getBytes(StandardCharsets.UTF_8));
        }
        malformed.put("a string", "\"text\"".getBytes(StandardCharsets.UTF_8));
        malformed.put("a number", "42".getBytes(StandardCharsets.UTF_8));
        malformed.put("nested 5000 deep", ("{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        malformed.put("invalid UTF-8", invalidUtf8(text));
        if (base.endpoint.bodySchema().path("required").size() > 0) {
            malformed.put("empty object", "{}".getBytes(StandardCharsets.UTF_8));
        }
        malformed.forEach((detail, bytes) -> probes.add(base.withBody("malformed-json", detail, bytes, "application/json")));

        ObjectNode extra = base.body.deepCopy();
        extra.put("unexpectedField", "x");
        probes.add(base.withBody("extra-field", "unexpectedField", json(extra, Map.of()), "application/json"));
        ObjectNode extraPersonal = base.body.deepCopy();
        extraPersonal.put("socialSecurityNumber", ValidShapes.BSN);
        probes.add(base.withBody("extra-field", "a BSN in an unknown field", json(extraPersonal, Map.of()),
                "application/json"));

        fieldProbes(base, base.endpoint.bodySchema(), List.of(), probes, 0);
    }

    /** Per field of the schema (and of nested objects and array items, two levels deep). */
    private void fieldProbes(Base base, JsonNode schema, List<Object> at, List<Probe> probes, int depth) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(node -> required.add(node.asText()));
        for (var property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode fieldSchema = base.endpoint.schemas().resolve(property.getValue());
            List<Object> field = append(at, name);
            for (FieldMutation mutation : fieldMutations(name, fieldSchema, required.contains(name))) {
                ObjectNode body = base.body.deepCopy();
                Map<String, String> raw = new LinkedHashMap<>();
                if (!apply(body, field, mutation, raw)) {
                    continue;
                }
                probes.add(base.withBody(mutation.mutation, label(field) + ": " + mutation.detail, json(body, raw),
                        "application/json"));
            }
            if (depth < 2) {
                String type = fieldSchema.path("type").asText("");
                if (type.equals("object")) {
                    fieldProbes(base, fieldSchema, field, probes, depth + 1);
                } else if (type.equals("array")) {
                    JsonNode items = base.endpoint.schemas().resolve(fieldSchema.path("items"));
                    if (items.path("type").asText("").equals("object")) {
                        fieldProbes(base, items, append(field, 0), probes, depth + 1);
                    }
                }
            }
        }
    }

    /** One change to one field: remove it, or set it to a JSON value (raw JSON text when {@code raw}). */
    private record FieldMutation(String mutation, String detail, Object value, boolean raw, boolean remove) {

        static FieldMutation set(String mutation, String detail, Object value) {
            return new FieldMutation(mutation, detail, value, false, false);
        }

        static FieldMutation raw(String mutation, String detail, String json) {
            return new FieldMutation(mutation, detail, json, true, false);
        }

        static FieldMutation removed() {
            return new FieldMutation("missing-required", "left out", null, false, true);
        }
    }

    private List<FieldMutation> fieldMutations(String name, JsonNode schema, boolean required) {
        List<FieldMutation> mutations = new ArrayList<>();
        String type = schema.path("type").asText("string");
        String format = schema.path("format").asText("");
        String lower = name.toLowerCase(Locale.ROOT);
        // OpenAPI 3.1 writes a nullable field as "type": [..., "null"]: null is then a value the field holds
        boolean nullable = false;
        if (schema.path("type").isArray()) {
            for (JsonNode each : schema.path("type")) {
                if (each.asText().equals("null")) {
                    nullable = true;
                } else {
                    type = each.asText();
                }
            }
        }
        if (required) {
            mutations.add(FieldMutation.removed());
            if (!nullable) {
                mutations.add(FieldMutation.raw("missing-required", "null", "null"));
            }
        }
        switch (type) {
            case "integer", "number" -> {
                mutations.add(FieldMutation.set("wrong-type", "a string", "twelve"));
                mutations.add(FieldMutation.set("wrong-type", "a boolean", true));
                mutations.add(FieldMutation.raw("wrong-type", "an object", "{\"value\":1}"));
                mutations.add(FieldMutation.raw("huge-number", "1e400", "1e400"));
                mutations.add(FieldMutation.raw("huge-number", "10^20", "100000000000000000000"));
                mutations.add(FieldMutation.raw("huge-number", "below Long.MIN_VALUE", "-9223372036854775809"));
                mutations.add(FieldMutation.raw("huge-number", "2^31", "2147483648"));
                mutations.add(FieldMutation.raw("negative-number", "-1", "-1"));
                mutations.add(FieldMutation.raw("negative-number", "Integer.MIN_VALUE", "-2147483648"));
                if (type.equals("integer")) {
                    mutations.add(FieldMutation.raw("non-integer", "2.5", "2.5"));
                    mutations.add(FieldMutation.raw("non-integer", "NaN", "NaN"));
                }
            }
            case "boolean" -> {
                mutations.add(FieldMutation.set("wrong-type", "a string", "yes"));
                mutations.add(FieldMutation.raw("wrong-type", "a number", "2"));
                mutations.add(FieldMutation.raw("wrong-type", "an array", "[true]"));
            }
            case "array" -> {
                mutations.add(FieldMutation.raw("wrong-type", "an object", "{\"value\":1}"));
                mutations.add(FieldMutation.set("wrong-type", "a string", "x"));
                mutations.add(FieldMutation.raw("wrong-type", "a null element", "[null]"));
                int count = schema.has("maxItems") ? schema.path("maxItems").asInt() + 1 : 10_000;
                mutations.add(FieldMutation.raw("oversized-array", count + " elements",
                        "[" + String.join(",", java.util.Collections.nCopies(count, "\"DEPRESSION\"")) + "]"));
            }
            case "object" -> {
                mutations.add(FieldMutation.set("wrong-type", "a string", "x"));
                mutations.add(FieldMutation.raw("wrong-type", "an array", "[]"));
            }
            default -> stringMutations(lower, schema, format, mutations);
        }
        return mutations;
    }

    private void stringMutations(String lower, JsonNode schema, String format, List<FieldMutation> mutations) {
        mutations.add(FieldMutation.raw("wrong-type", "a number", "12345"));
        mutations.add(FieldMutation.raw("wrong-type", "an array", "[\"x\"]"));
        boolean personal = lower.equals("bsn") || lower.equals("name") || lower.equals("email");
        if (schema.has("enum")) {
            mutations.add(FieldMutation.set("unknown-enum", "NOT_A_VALUE", "NOT_A_VALUE"));
            mutations.add(FieldMutation.set("unknown-enum", "a BSN as the value", ValidShapes.BSN));
            mutations.add(FieldMutation.set("unknown-enum", "empty", ""));
        } else if (!personal && (schema.has("pattern") || !format.isEmpty())) {
            // a value the field cannot hold, that is personal data: the refusal must not repeat it
            mutations.add(FieldMutation.set("personal-data", "a name as the value", ValidShapes.NAME));
            mutations.add(FieldMutation.set("personal-data", "an e-mail address as the value", ValidShapes.EMAIL));
        }
        if (format.equals("date") || lower.equals("dateofbirth")) {
            mutations.add(FieldMutation.set("far-date", "+10000-01-01", "+10000-01-01"));
            mutations.add(FieldMutation.set("far-date", "1850-01-01", "1850-01-01"));
            mutations.add(FieldMutation.set("far-date", "0000-01-01", "0000-01-01"));
            mutations.add(FieldMutation.set("invalid-date", "2026-02-30", "2026-02-30"));
            mutations.add(FieldMutation.set("invalid-date", "day-month-year", "01-04-1990"));
            mutations.add(FieldMutation.set("invalid-date", "empty", ""));
        }
        if (format.equals("uuid")) {
            mutations.add(FieldMutation.set("invalid-id", "not a UUID", "not-a-uuid"));
        }
        if (lower.equals("bsn")) {
            mutations.add(FieldMutation.set("invalid-bsn", "fails the eleven test", "123456789"));
            mutations.add(FieldMutation.set("invalid-bsn", "ten digits", "1234567820"));
        }
        // long, and starting with a BSN: whatever the refusal quotes of it must not include the BSN
        mutations.add(FieldMutation.set("long-string", "100000 chars after a BSN", ValidShapes.BSN + " " + "y".repeat(100_000)));
        mutations.add(FieldMutation.set("unicode", "RTL override and zero-width space", "ab\u200Bc\u202Edcba"));
        if (schema.has("pattern") || !format.isEmpty()) {
            // emoji are text, not an attack: hostile only where the field has a shape (an id, a code, a date);
            // in free text such as a name they are stored as written
            mutations.add(FieldMutation.set("unicode", "emoji", "\uD83D\uDE00\uD83D\uDD25"));
        }
        mutations.add(FieldMutation.set("unicode", "NUL", "ab\u0000cd"));
        mutations.add(FieldMutation.raw("unicode", "lone surrogate", "\"ab\\ud800cd\""));
        mutations.add(FieldMutation.set("unicode", "only whitespace", " \t\n "));
    }

    private static boolean apply(ObjectNode body, List<Object> at, FieldMutation mutation, Map<String, String> raw) {
        JsonNode parent = body;
        for (int i = 0; i < at.size() - 1; i++) {
            Object step = at.get(i);
            parent = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
        }
        Object last = at.get(at.size() - 1);
        if (!(parent instanceof ObjectNode object) || !(last instanceof String name)) {
            return false; // a nested optional object the valid shape does not have
        }
        if (mutation.remove) {
            object.remove(name);
        } else if (mutation.raw) {
            String placeholder = RAW + raw.size() + "@@";
            raw.put(placeholder, (String) mutation.value);
            object.put(name, placeholder);
        } else if (mutation.value instanceof Boolean flag) {
            object.put(name, flag);
        } else {
            object.put(name, (String) mutation.value);
        }
        return true;
    }

    // ---------------------------------------------------------------- valid controls

    private void validControls(Base base, List<Probe> probes) {
        probes.add(base.probe("valid-control", "the valid shape", true, base.pathAndQuery(),
                base.headers("Bearer " + base.token(), base.jsonType()), base.bodyBytes()));
        if (base.body != null && base.body.has("name")) {
            ObjectNode accented = base.body.deepCopy();
            accented.put("name", "Ĳsbrand Çelik-Öztürk");
            probes.add(base.probe("valid-control", "name with accents", true, base.pathAndQuery(),
                    base.headers("Bearer " + base.token(), "application/json"), json(accented, Map.of())));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Set<String> personalData(String pathAndQuery, byte[] body) {
        String all = pathAndQuery + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
        Set<String> present = new HashSet<>();
        for (String marker : List.of(ValidShapes.BSN, ValidShapes.NAME, ValidShapes.EMAIL)) {
            if (all.contains(marker) || all.contains(encode(marker))) {
                present.add(marker);
            }
        }
        return present;
    }

    private static byte[] json(ObjectNode body, Map<String, String> raw) {
        String text = EventJson.mapper().writeValueAsString(body);
        for (var replacement : raw.entrySet()) {
            text = text.replace("\"" + replacement.getKey() + "\"", replacement.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The document with a field name made of a lone continuation byte and a truncated two-byte sequence. */
    private static byte[] invalidUtf8(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("{\"".getBytes(StandardCharsets.UTF_8));
        out.write(0x80);
        out.write(0xC3);
        out.writeBytes(("\":1," + text.substring(1)).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<Object> append(List<Object> at, Object step) {
        List<Object> longer = new ArrayList<>(at);
        longer.add(step);
        return longer;
    }

    private static String label(List<Object> at) {
        StringBuilder label = new StringBuilder();
        for (Object step : at) {
            if (step instanceof Integer index) {
                label.append('[').append(index).append(']');
            } else {
                label.append(label.length() == 0 ? "" : ".").append(step);
            }
        }
        return label.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
