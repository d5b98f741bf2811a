package nl.transfertafel.capacity.common.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds the problem+json answers to every operation of this service's OpenAPI document: 400 (bad
 * input, naming field and rule), 401, 403, and the 404/409 rules an endpoint declares with
 * {@link ProblemResponses}.
 */
@Component
public class ProblemResponsesCustomizer implements OperationCustomizer {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        responses.putIfAbsent("400", problem("Invalid request: `errors` names each field and the rule it breaks "
                + "(bean validation names such as NotNull, Pattern, Min; domain rules such as not-in-past, "
                + "known-location, within-offering, age-range)."));
        responses.putIfAbsent("401", problem("No or no valid bearer token (rule `authentication`)."));
        ProblemResponses declared = handlerMethod.getMethodAnnotation(ProblemResponses.class);
        StringBuilder forbidden = new StringBuilder("The token's role does not allow this (rule `authorisation`)");
        if (declared != null) {
            for (String rule : declared.forbidden()) {
                forbidden.append("; ").append(rule(rule));
            }
        }
        responses.putIfAbsent("403", problem(forbidden + "."));
        if (declared != null && !declared.notFound().isBlank()) {
            responses.putIfAbsent("404", problem("Unknown " + declared.notFound() + " (rule `not-found`)."));
        }
        if (declared != null && declared.conflict().length > 0) {
            StringBuilder conflict = new StringBuilder("Refused in the current state:");
            for (String rule : declared.conflict()) {
                conflict.append(' ').append(rule(rule)).append(';');
            }
            responses.putIfAbsent("409", problem(conflict.substring(0, conflict.length() - 1) + "."));
        }
        operation.setResponses(responses);
        return operation;
    }

    private static String rule(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? "rule `" + entry + "`"
                : "rule `" + entry.substring(0, colon).trim() + "` when " + entry.substring(colon + 1).trim();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ApiResponse problem(String description) {
        Schema schema = new Schema<>().type("object")
                .addProperty("type", new Schema<>().type("string"))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer"))
                .addProperty("detail", new Schema<>().type("string"))
                .addProperty("instance", new Schema<>().type("string"))
                .addProperty("rule", new Schema<>().type("string"))
                .addProperty("errors", new Schema<>().type("array").items(new Schema<>().type("object")
                        .addProperty("field", new Schema<>().type("string"))
                        .addProperty("rule", new Schema<>().type("string"))
                        .addProperty("message", new Schema<>().type("string"))));
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema)));
    }
}
