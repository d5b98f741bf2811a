package nl.transfertafel.harness.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void counts_each_delivery_by_id_and_refuses_connections_while_down() throws Exception {
        UUID once = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
            String url = receiver.url();
            assertThat(post(url, once)).isEqualTo(204);
            assertThat(post(url, twice)).isEqualTo(204);
            assertThat(post(url, twice)).isEqualTo(204);

            receiver.goDown();
            assertThatThrownBy(() -> post(url, UUID.randomUUID())).isInstanceOf(IOException.class);
            receiver.comeBack();
            assertThat(receiver.url()).isEqualTo(url);
            assertThat(post(url, once)).isEqualTo(204);

            assertThat(receiver.received()).containsEntry(once, 2).containsEntry(twice, 2).hasSize(2);
            assertThat(receiver.total()).isEqualTo(4);
        }
    }

    private int post(String url, UUID deliveryId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header(WebhookReceiver.DELIVERY_ID_HEADER, deliveryId.toString())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
