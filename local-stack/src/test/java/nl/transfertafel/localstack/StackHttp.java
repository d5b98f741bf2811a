package nl.transfertafel.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.transfertafel.contracts.events.EventJson;
import tools.jackson.databind.JsonNode;

/** The HTTP calls the stack's tests make as a user would: a bearer token and JSON. */
final class StackHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StackHttp() {
    }

    /** GET with the token, or without one when {@code token} is null. */
    static HttpResponse<String> get(String url, String token) {
        return send(authorised(url, token).GET());
    }

    /**
     * POST with the token; {@code body} is sent as is when it is a String, as JSON otherwise, and no
     * body is sent when it is null. {@code headers} are extra name/value pairs.
     */
    static HttpResponse<String> post(String url, String token, Object body, String... headers) {
        HttpRequest.Builder request = withHeaders(authorised(url, token), headers);
        return send(body == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    static HttpResponse<String> put(String url, String token, Object body) {
        return send(authorised(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    static JsonNode json(String body) {
        return EventJson.mapper().readTree(body);
    }

    private static HttpRequest.Builder authorised(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static String text(Object body) {
        return body instanceof String string ? string : EventJson.mapper().writeValueAsString(body);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
