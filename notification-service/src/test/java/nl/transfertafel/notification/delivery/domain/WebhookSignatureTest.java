package nl.transfertafel.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec-test-0123456789";
    private final Instant sentAt = Instant.parse("2026-11-23T10:00:00Z");
    private final byte[] body = "{\"eventType\":\"TransferOffered\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_header_carries_the_timestamp_and_the_hmac_of_timestamp_dot_body() {
        // reference value computed independently: printf '1795428000.{"eventType":"TransferOffered"}' |
        //   openssl dgst -sha256 -hmac whsec-test-0123456789
        String header = WebhookSignature.header(SECRET, sentAt, body);
        assertThat(header).isEqualTo("t=1795428000,v1=58f08e82a674f149c84f864607212ec353d3cabd19707d8d90d54be10b52febe");
        assertThat(WebhookSignature.verify(SECRET, header, body, sentAt.plusSeconds(3), Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void a_changed_body_or_another_secret_does_not_verify() {
        String header = WebhookSignature.header(SECRET, sentAt, body);
        assertThat(WebhookSignature.verify(SECRET, header, "{}".getBytes(StandardCharsets.UTF_8), sentAt,
                Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify("another-secret-xyz", header, body, sentAt, Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void a_stale_signature_is_refused() {
        String header = WebhookSignature.header(SECRET, sentAt, body);
        assertThat(WebhookSignature.verify(SECRET, header, body, sentAt.plus(Duration.ofMinutes(6)),
                Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void a_timestamp_moved_by_an_attacker_breaks_the_signature() {
        String header = WebhookSignature.header(SECRET, sentAt, body);
        String moved = header.replace("t=1795428000", "t=1795428300");
        assertThat(WebhookSignature.verify(SECRET, moved, body, sentAt.plusSeconds(300), Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", body, sentAt, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, body, sentAt, Duration.ofMinutes(5))).isFalse();
    }
}
