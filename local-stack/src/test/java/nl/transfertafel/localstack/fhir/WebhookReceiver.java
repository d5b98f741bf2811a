package nl.transfertafel.localstack.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import nl.transfertafel.contracts.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * A GP's or provider's system receiving rest-hook notifications on this machine's loopback: each
 * endpoint ({@code /<name>}) records what notification-service delivers to it and answers 204.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received: the endpoint it came to, its headers and its body. */
    record Delivery(String name, Map<String, List<String>> headers, JsonNode body, String text) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String name = exchange.getRequestURI().getPath().substring(1);
                String text = new String(body, StandardCharsets.UTF_8);
                receiver.deliveries.add(new Delivery(name, Map.copyOf(exchange.getRequestHeaders()),
                        EventJson.mapper().readTree(text), text));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    /** Waits for a signed notification of this event type about this subject (referral or offer id) at the endpoint. */
    JsonNode awaitNotice(String name, String eventType, String subjectId) {
        Delivery[] found = new Delivery[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            found[0] = deliveries.stream().filter(d -> d.name().equals(name)
                    && d.body().path("eventType").asText().equals(eventType)
                    && d.body().path("subject").path("id").asText().equals(subjectId)).findFirst().orElse(null);
            assertThat(found[0]).as(eventType + " about " + subjectId + " at /" + name + "; received so far: "
                    + deliveries.stream().map(d -> d.name() + ":" + d.body().path("eventType").asText()).toList()).isNotNull();
        });
        // signed by the pipeline (the project's scheme or Standard Webhooks, whichever notification-service uses)
        assertThat(found[0].headers().keySet().stream().map(String::toLowerCase))
                .containsAnyOf("x-transfertafel-signature", "webhook-signature");
        return found[0].body();
    }

    /**
     * Waits for a signed FHIR notification (the backport's Bundle, {@code application/fhir+json}) at the
     * endpoint whose notification event's focus is this resource ({@code Task/<id>}); the delivery as received.
     */
    Delivery awaitFhirNotification(String name, String focus) {
        Delivery[] found = new Delivery[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            found[0] = deliveries.stream().filter(d -> d.name().equals(name)
                    && d.body().path("resourceType").asText().equals("Bundle")
                    && d.text().contains("/" + focus + "\"")).findFirst().orElse(null);
            assertThat(found[0]).as("a notification about " + focus + " at /" + name + "; received so far: "
                    + deliveries.stream().map(d -> d.name() + ":" + d.body().path("resourceType").asText()).toList()).isNotNull();
        });
        assertThat(found[0].headers().keySet().stream().map(String::toLowerCase)).contains("webhook-signature");
        assertThat(found[0].headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                .flatMap(h -> h.getValue().stream()).toList()).anySatisfy(type -> assertThat(type).startsWith("application/fhir+json"));
        return found[0];
    }

    /** The FHIR notifications received so far at the endpoint about this resource. */
    List<Delivery> fhirNotifications(String name, String focus) {
        return deliveries.stream().filter(d -> d.name().equals(name) && d.body().path("resourceType").asText().equals("Bundle")
                && d.text().contains("/" + focus + "\"")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
