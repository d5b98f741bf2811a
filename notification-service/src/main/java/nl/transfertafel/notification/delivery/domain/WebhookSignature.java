package nl.transfertafel.notification.delivery.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Transfertafel-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>},
 * the HMAC keyed with the organisation's secret over {@code <t> + "." + <raw body>}. Signing the
 * timestamp with the body lets a receiver reject stale or replayed requests (older than its
 * tolerance); the delivery id lets it drop a repeat of a request it already handled.
 * The scheme is documented in {@code docs/services/notification-service.md}.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Transfertafel-Signature";
    public static final String EVENT_ID_HEADER = "X-Transfertafel-Event-Id";
    public static final String DELIVERY_ID_HEADER = "X-Transfertafel-Delivery-Id";
    public static final String EVENT_TYPE_HEADER = "X-Transfertafel-Event-Type";

    private WebhookSignature() {
    }

    public static String header(String secret, Instant timestamp, byte[] body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + hmacHex(secret, t, body);
    }

    public static String hmacHex(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** What a receiver does: parse, recompute, compare in constant time, and check the age. */
    public static boolean verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        return MessageDigest.isEqual(hmacHex(secret, t, body).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
    }
}
