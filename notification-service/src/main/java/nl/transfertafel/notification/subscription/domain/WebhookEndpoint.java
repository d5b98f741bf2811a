package nl.transfertafel.notification.subscription.domain;

import java.time.Instant;

/**
 * A recipient's registered webhook: where to, the shared secret (needed in clear to sign), the signing
 * scheme, and what the deliveries carry: the payload format and, for FHIR notifications, the Subscription
 * they serve, its topic, and since when it runs (the start its notifications are counted from).
 */
public record WebhookEndpoint(String recipient, String url, String secret, SignatureScheme scheme, PayloadFormat payload,
        String fhirSubscription, String fhirTopic, Instant startedAt) {

    /** A webhook with the pipeline's JSON body. */
    public WebhookEndpoint(String recipient, String url, String secret, SignatureScheme scheme) {
        this(recipient, url, secret, scheme, PayloadFormat.TRANSFERTAFEL_JSON, null, null, null);
    }
}
