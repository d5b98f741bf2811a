package nl.transfertafel.notification.subscription.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import nl.transfertafel.notification.access.domain.Verdict;

/**
 * A webhook goes to an HTTPS URL (the body is signed, but only TLS keeps it private). Plain
 * {@code http://} is allowed to the loopback host only, and only where configured (the local stack
 * and tests: {@code transfertafel.notification.webhook.allow-insecure-localhost}). The host must be
 * a public one ({@link WebhookTargetPolicy}).
 */
public final class WebhookUrlPolicy {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean allowInsecureLocalhost;
    private final WebhookTargetPolicy targets;

    public WebhookUrlPolicy(boolean allowInsecureLocalhost, WebhookTargetPolicy targets) {
        this.allowInsecureLocalhost = allowInsecureLocalhost;
        this.targets = targets;
    }

    public Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Verdict.reject("url", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return Verdict.reject("url", "a webhook URL names a host");
        }
        if (uri.getUserInfo() != null) {
            return Verdict.reject("url", "no credentials in the URL: the signature authenticates the sender");
        }
        if (uri.getFragment() != null) {
            return Verdict.reject("url", "no fragment in a webhook URL");
        }
        Verdict target = targets.checkHost(uri.getHost());
        if (!target.allowed()) {
            return target;
        }
        if (scheme.equals("https")) {
            return Verdict.ALLOWED;
        }
        if (scheme.equals("http") && LOOPBACK.contains(host)) {
            return allowInsecureLocalhost ? Verdict.ALLOWED
                    : Verdict.reject("https-only", "http is allowed to localhost only when configured (local stack, tests)");
        }
        return Verdict.reject("https-only", "a webhook URL must use https");
    }
}
