package nl.transfertafel.fhirgateway;

import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A FHIR client as a GP or provider system would use it: HAPI's parser for every body, a bearer
 * token, FHIR JSON. (HAPI's generic client, {@code hapi-fhir-client}, is not served by the Maven
 * repository this project builds from; this thin client speaks the same REST interactions.)
 */
final class FhirHttp {

    record Answer(int status, String location, String body) {
        <T extends IBaseResource> T resource(Class<T> type) {
            return parser().parseResource(type, body);
        }

        IBaseResource resource() {
            return parser().parseResource(body);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    FhirHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    FhirHttp as(String otherToken) {
        return new FhirHttp(base, otherToken);
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, IBaseResource resource, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(parser().encodeResourceToString(resource)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    Answer put(String path, IBaseResource resource) {
        return send(request(path).header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(parser().encodeResourceToString(resource))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.replace("|", "%7C"))).header("Accept", "application/fhir+json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static IParser parser() {
        return Fhir.context().newJsonParser();
    }
}
