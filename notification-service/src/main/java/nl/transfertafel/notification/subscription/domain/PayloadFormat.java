package nl.transfertafel.notification.subscription.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import nl.transfertafel.notification.access.domain.Verdict;

/**
 * What a webhook's deliveries carry, chosen per webhook registration (ADR 1110).
 *
 * <ul>
 * <li>{@link #TRANSFERTAFEL_JSON}: the pipeline's thin JSON body ({@code application/json}); the default.</li>
 * <li>{@link #FHIR_SUBSCRIPTION_STATUS}: the same facts as an R4 topic-based subscription backport
 * notification ({@code application/fhir+json}): a {@code history} Bundle whose first entry is the
 * {@code SubscriptionStatus} (a {@code Parameters} resource), id-only. For systems that subscribed through
 * the FHIR gateway; the webhook then names the FHIR Subscription it serves ({@code fhirSubscription}, an
 * absolute {@code .../Subscription/<id>} URL: the status's {@code subscription} and the base of the focus
 * references) and, optionally, its topic's canonical URL.</li>
 * </ul>
 * Both are signed the same way ({@link SignatureScheme}).
 */
public enum PayloadFormat {
    TRANSFERTAFEL_JSON,
    FHIR_SUBSCRIPTION_STATUS;

    private static final Pattern SUBSCRIPTION_PATH = Pattern.compile(".*/Subscription/[A-Za-z0-9\\-.]{1,64}");
    private static final int MAX_URL = 2000;

    /** Whether the FHIR names a registration gives fit this format (the rule names the field). */
    public Verdict checkFhirNames(String fhirSubscription, String fhirTopic) {
        if (this == TRANSFERTAFEL_JSON) {
            return fhirSubscription == null && fhirTopic == null ? Verdict.ALLOWED
                    : Verdict.reject("fhir-names-need-fhir-payload", "fhirSubscription and fhirTopic go with payloadFormat "
                            + FHIR_SUBSCRIPTION_STATUS);
        }
        if (fhirSubscription == null || !absolute(fhirSubscription) || !SUBSCRIPTION_PATH.matcher(fhirSubscription).matches()) {
            return Verdict.reject("fhir-subscription-url", "the absolute URL of the FHIR Subscription, <FHIR base>/Subscription/<id>");
        }
        if (fhirTopic != null && !absolute(fhirTopic)) {
            return Verdict.reject("fhir-topic-url", "the canonical URL of the subscription topic");
        }
        return Verdict.ALLOWED;
    }

    private static boolean absolute(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
