package nl.transfertafel.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.transfertafel.localstack.ServiceKind;
import tools.jackson.databind.JsonNode;

/**
 * One write operation (POST, PUT, PATCH or DELETE) as a service's served OpenAPI document describes it:
 * its path and scalar parameters and the (resolved) schema of its JSON body, if it takes one.
 */
record WriteEndpoint(ServiceKind service, String method, String path, List<Parameter> pathParameters,
        List<Parameter> queryParameters, List<Parameter> headerParameters, JsonNode bodySchema, Schemas schemas) {

    private static final List<String> WRITE_METHODS = List.of("post", "put", "patch", "delete");

    /** A path, query or header parameter with a scalar schema. */
    record Parameter(String name, JsonNode schema, boolean required) {
    }

    boolean hasBody() {
        return bodySchema != null;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /**
     * Every write operation of the document. Parameters whose schema is an object reference (the
     * authenticated {@code Actor} springdoc lists as a query parameter) are not parameters a caller
     * sends, so they are left out.
     */
    static List<WriteEndpoint> readAll(ServiceKind service, JsonNode document) {
        Schemas schemas = new Schemas(document);
        List<WriteEndpoint> endpoints = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toLowerCase(Locale.ROOT);
                if (!WRITE_METHODS.contains(method)) {
                    continue;
                }
                List<Parameter> inPath = new ArrayList<>();
                List<Parameter> inQuery = new ArrayList<>();
                List<Parameter> inHeader = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    JsonNode schema = parameter.path("schema");
                    if (!schema.has("type")) {
                        continue;
                    }
                    Parameter described = new Parameter(parameter.path("name").asText(), schema,
                            parameter.path("required").asBoolean(false));
                    switch (parameter.path("in").asText()) {
                        case "path" -> inPath.add(described);
                        case "query" -> inQuery.add(described);
                        case "header" -> inHeader.add(described);
                        default -> { }
                    }
                }
                JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                endpoints.add(new WriteEndpoint(service, method.toUpperCase(Locale.ROOT), path.getKey(), inPath,
                        inQuery, inHeader, body.isMissingNode() ? null : schemas.resolve(body), schemas));
            }
        }
        return endpoints;
    }
}
