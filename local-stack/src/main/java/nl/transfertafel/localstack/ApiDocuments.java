package nl.transfertafel.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.transfertafel.contracts.events.EventJson;
import tools.jackson.databind.SerializationFeature;

/**
 * Writes the OpenAPI document of each service to {@code docs/api/<service>.openapi.json}: starts the
 * stack on free ports without demo data, asks each service for {@code /v3/api-docs}, and stops it.
 * Run by {@code docs/api/generate.sh}; the documents are what the running services serve.
 */
public final class ApiDocuments {

    private ApiDocuments() {
    }

    /** The file under {@code docs/api} that holds this service's document. */
    public static String fileName(ServiceKind kind) {
        return kind.serviceName() + ".openapi.json";
    }

    /**
     * A served document as it is checked in: without the server entry (it names the random port of a
     * run; the document is about the API), indented, ending in a newline.
     */
    public static String asCheckedIn(String served) {
        var document = (tools.jackson.databind.node.ObjectNode) EventJson.mapper().readTree(served);
        document.remove("servers");
        return EventJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/api");
        Files.createDirectories(target);
        HttpClient http = HttpClient.newHttpClient();
        try (LocalStack stack = LocalStack.start(LocalStack.Options.randomPorts(false))) {
            for (ServiceKind kind : ServiceKind.values()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url(kind) + "/v3/api-docs"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(kind.serviceName() + " answered " + response.statusCode());
                }
                Path file = target.resolve(fileName(kind));
                Files.writeString(file, asCheckedIn(response.body()), StandardCharsets.UTF_8);
                System.out.println("wrote " + file);
            }
        }
        System.exit(0);
    }
}
