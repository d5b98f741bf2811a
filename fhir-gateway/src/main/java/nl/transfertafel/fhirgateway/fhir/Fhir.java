package nl.transfertafel.fhirgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * HAPI's R4 context and JSON parser, kept apart from Spring's Jackson 3: FHIR bodies are read and
 * written as text by HAPI only, never through Spring's message converters.
 */
public final class Fhir {

    public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private Fhir() {
    }

    public static FhirContext context() {
        return CONTEXT;
    }

    private static IParser parser() {
        return CONTEXT.newJsonParser().setPrettyPrint(false);
    }

    public static String encode(IBaseResource resource) {
        return parser().encodeResourceToString(resource);
    }

    /** Reads the request body as the given resource type; a body that is not one becomes a 400 OperationOutcome. */
    public static <T extends IBaseResource> Mono<T> read(ServerRequest request, Class<T> type) {
        return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(text -> {
            try {
                return Mono.just(parser().parseResource(type, text));
            } catch (DataFormatException | ClassCastException | IllegalArgumentException e) {
                return Mono.error(new FhirRefusal(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.STRUCTURE,
                        "body is not a FHIR R4 " + type.getSimpleName() + " in JSON", null));
            }
        });
    }

    public static Mono<ServerResponse> respond(HttpStatus status, IBaseResource resource) {
        return ServerResponse.status(status).contentType(FHIR_JSON).bodyValue(encode(resource));
    }

    public static Mono<ServerResponse> ok(IBaseResource resource) {
        return respond(HttpStatus.OK, resource);
    }

    /** The caller's bearer token, passed on as is; none means the services answer 401. */
    public static String authorization(ServerRequest request) {
        return request.headers().firstHeader("Authorization");
    }
}
