package nl.transfertafel.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.idempotency.IdempotentRequests;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds the problem+json answers to every operation of a service's OpenAPI document, the same in
 * every service: 401 and 403 where the operation is secured ({@code @PreAuthorize} on the method or
 * its controller, or an {@link Actor} parameter), 400 where it takes a body or parameters, 409
 * {@code idempotency-key-reused} where it takes an {@code Idempotency-Key} header, and the rules
 * it declares with {@link ProblemResponses}. An answer the operation documents itself (an
 * {@code @ApiResponse} with the same status) is left as it is.
 */
public class ProblemResponsesCustomizer implements OperationCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";

    private static final List<Class<? extends Annotation>> INPUTS = List.of(RequestBody.class, RequestParam.class,
            PathVariable.class, RequestHeader.class, RequestPart.class, ModelAttribute.class, CookieValue.class);

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        ProblemResponses declared = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(),
                ProblemResponses.class);
        List<String> invalid = declared == null ? List.of() : List.of(declared.invalid());
        List<String> forbidden = declared == null ? List.of() : List.of(declared.forbidden());
        String notFound = declared == null ? "" : declared.notFound();
        List<String> conflict = new ArrayList<>(declared == null ? List.of() : List.of(declared.conflict()));
        if (takesIdempotencyKey(handlerMethod)) {
            conflict.add(IdempotentRequests.KEY_REUSED + ": the Idempotency-Key was used before for another request");
        }

        if (takesInput(handlerMethod) || !invalid.isEmpty()) {
            responses.putIfAbsent("400", problem("Invalid request: `errors` names each field and the rule it breaks "
                    + "(rule `validation`, with bean validation names such as NotNull, Pattern, Min; rule `readable` "
                    + "for malformed JSON or a value of the wrong type or format)" + rules("; also", invalid) + "."));
        }
        if (secured(handlerMethod)) {
            responses.putIfAbsent("401", problem("No or no valid bearer token (rule `authentication`)."));
        }
        if (secured(handlerMethod) || !forbidden.isEmpty()) {
            responses.putIfAbsent("403", problem("The token's role does not allow this (rule `authorisation`)"
                    + rules(";", forbidden) + "."));
        }
        if (!notFound.isBlank()) {
            responses.putIfAbsent("404", problem("Unknown " + notFound + ", or not yours to see: the same answer, so "
                    + "existence does not leak (rule `not-found`)."));
        }
        if (!conflict.isEmpty()) {
            responses.putIfAbsent("409", problem("Refused in the current state" + rules(":", conflict) + "."));
        }
        operation.setResponses(responses);
        return operation;
    }

    static boolean secured(HandlerMethod method) {
        return method.hasMethodAnnotation(PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class)
                || parameters(method).anyMatch(parameter -> Actor.class.equals(parameter.getParameterType()));
    }

    static boolean takesInput(HandlerMethod method) {
        return parameters(method).anyMatch(parameter -> INPUTS.stream().anyMatch(parameter::hasParameterAnnotation));
    }

    private static boolean takesIdempotencyKey(HandlerMethod method) {
        return parameters(method).map(parameter -> parameter.getParameterAnnotation(RequestHeader.class))
                .anyMatch(header -> header != null && Stream.of(header.name(), header.value())
                        .anyMatch(IdempotentRequests.HEADER::equalsIgnoreCase));
    }

    private static Stream<MethodParameter> parameters(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters());
    }

    /** {@code "; rule `a` when x; rule `b`"}: each entry after the separator. */
    private static String rules(String separator, List<String> entries) {
        StringBuilder text = new StringBuilder();
        for (String entry : entries) {
            text.append(text.length() == 0 ? separator : ";").append(' ').append(rule(entry));
        }
        return text.toString();
    }

    private static String rule(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? "rule `" + entry.trim() + "`"
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
