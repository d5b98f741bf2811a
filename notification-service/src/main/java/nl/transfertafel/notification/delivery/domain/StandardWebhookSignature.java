package nl.transfertafel.notification.delivery.domain;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a webhook per the Standard Webhooks specification with the specification's own Java
 * library ({@code com.standardwebhooks:standardwebhooks}): {@code webhook-id} (the delivery id, the
 * same on every attempt and replay, so a receiver drops repeats by it), {@code webhook-timestamp}
 * (unix seconds of this attempt) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>}, keyed with the base64-decoded part of the {@code whsec_} secret.
 */
public final class StandardWebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private StandardWebhookSignature() {
    }

    /** The three headers for one attempt. */
    public static Map<String, String> headers(String secret, String messageId, Instant timestamp, byte[] body) {
        long seconds = timestamp.getEpochSecond();
        String signature;
        try {
            signature = new Webhook(secret).sign(messageId, seconds, new String(body, StandardCharsets.UTF_8));
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("signing a webhook failed", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID_HEADER, messageId);
        headers.put(TIMESTAMP_HEADER, Long.toString(seconds));
        headers.put(SIGNATURE_HEADER, signature);
        return headers;
    }
}
