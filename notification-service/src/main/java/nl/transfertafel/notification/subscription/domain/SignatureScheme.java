package nl.transfertafel.notification.subscription.domain;

import java.util.Base64;
import nl.transfertafel.notification.access.domain.Verdict;

/**
 * How the deliveries of a webhook are signed, chosen per webhook registration.
 *
 * <ul>
 * <li>{@link #STANDARD_WEBHOOKS}: the Standard Webhooks specification (standardwebhooks.com):
 * headers {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64>},
 * HMAC-SHA256 over {@code id.timestamp.body} with a {@code whsec_<base64>} secret, so receivers
 * verify with the specification's libraries. The default for new registrations.</li>
 * <li>{@link #TRANSFERTAFEL_V1}: the earlier home-made {@code X-Transfertafel-Signature: t=..,v1=<hex>}.
 * Kept for one release for existing subscribers (every webhook registered before it is on this
 * scheme), then removed.</li>
 * </ul>
 */
public enum SignatureScheme {
    STANDARD_WEBHOOKS,
    /** @deprecated for existing subscribers only, for one release; move to {@link #STANDARD_WEBHOOKS}. */
    @Deprecated
    TRANSFERTAFEL_V1;

    public static final String SECRET_PREFIX = "whsec_";
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;
    private static final int MIN_LEGACY_LENGTH = 16;

    /** Whether a subscriber's secret fits this scheme (the rule names the field {@code secret}). */
    @SuppressWarnings("deprecation")
    public Verdict checkSecret(String secret) {
        if (secret == null) {
            return Verdict.reject("secret", "a shared secret is required");
        }
        if (this == TRANSFERTAFEL_V1) {
            return secret.length() >= MIN_LEGACY_LENGTH ? Verdict.ALLOWED
                    : Verdict.reject("secret", "a shared secret of at least " + MIN_LEGACY_LENGTH + " characters");
        }
        String rule = "standard-webhooks-secret";
        String expected = "whsec_ followed by the base64 of " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " random bytes";
        if (!secret.startsWith(SECRET_PREFIX)) {
            return Verdict.reject(rule, expected);
        }
        try {
            int bytes = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
            return bytes >= MIN_KEY_BYTES && bytes <= MAX_KEY_BYTES ? Verdict.ALLOWED : Verdict.reject(rule, expected);
        } catch (IllegalArgumentException notBase64) {
            return Verdict.reject(rule, expected);
        }
    }
}
