package nl.transfertafel.notification.subscription.domain;

/** A recipient's registered webhook: where to, the shared secret (needed in clear to sign) and the signing scheme. */
public record WebhookEndpoint(String recipient, String url, String secret, SignatureScheme scheme) {
}
