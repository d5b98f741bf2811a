package nl.transfertafel.notification.delivery.infrastructure;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.notification.delivery.application.ChannelSender;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.Language;
import nl.transfertafel.notification.delivery.domain.NoticeTexts;
import nl.transfertafel.notification.delivery.domain.SendOutcome;
import nl.transfertafel.notification.delivery.domain.SubscriptionStatusNotification;
import nl.transfertafel.notification.delivery.domain.ThinNotification;
import nl.transfertafel.notification.delivery.domain.WebhookSignature;
import nl.transfertafel.notification.delivery.application.WebhookEndpoints;
import nl.transfertafel.notification.delivery.application.WebhookEventNumbers;
import nl.transfertafel.notification.delivery.domain.FailureReason;
import nl.transfertafel.notification.delivery.domain.StandardWebhookSignature;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.subscription.domain.PayloadFormat;
import nl.transfertafel.notification.subscription.domain.SignatureScheme;
import nl.transfertafel.notification.subscription.domain.WebhookEndpoint;
import nl.transfertafel.notification.subscription.domain.WebhookTargetPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.core.publisher.Mono;

/**
 * POSTs the thin notification to the organisation's webhook in the webhook's payload format (the JSON body,
 * or the FHIR backport's SubscriptionStatus Bundle: {@link SubscriptionStatusNotification}), signed with its secret by the
 * scheme the webhook was registered with ({@link StandardWebhookSignature} by default,
 * {@link WebhookSignature} for existing subscribers). Any 2xx is delivered; anything else, a
 * connection error or no answer within the timeout is a failed attempt, retried by the dispatcher,
 * and recorded as a {@link FailureReason} code only.
 *
 * <p>Only public targets are connected to ({@link WebhookTargetPolicy}): the URL's host is checked
 * again here (it may have been registered before the rule), and every address it resolves to is
 * checked by the client's resolver ({@link AllowedTargetsResolver}) right before connecting.
 * Redirects are not followed.
 */
public class WebhookSender implements ChannelSender {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType(SubscriptionStatusNotification.MEDIA_TYPE);

    private final WebhookEndpoints endpoints;
    private final WebhookEventNumbers eventNumbers;
    private final WebClient http;
    private final WebhookTargetPolicy targets;
    private final NoticeTexts texts;
    private final Clock clock;
    private final Duration timeout;

    public WebhookSender(WebhookEndpoints endpoints, WebhookEventNumbers eventNumbers, WebClient.Builder http,
            WebhookTargetPolicy targets, NoticeTexts texts, Clock clock, Duration timeout) {
        this(endpoints, eventNumbers, http, targets, AllowedTargetsResolver.HostLookup.system(), texts, clock, timeout);
    }

    WebhookSender(WebhookEndpoints endpoints, WebhookEventNumbers eventNumbers, WebClient.Builder http,
            WebhookTargetPolicy targets, AllowedTargetsResolver.HostLookup lookup, NoticeTexts texts, Clock clock,
            Duration timeout) {
        this.endpoints = endpoints;
        this.eventNumbers = eventNumbers;
        HttpClient client = HttpClient.create()
                .resolver(new AllowedTargetsResolver(targets, lookup))
                .followRedirect(false);
        this.http = http.clone().clientConnector(new ReactorClientHttpConnector(client)).build();
        this.targets = targets;
        this.texts = texts;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Mono<SendOutcome> send(Delivery delivery) {
        return endpoints.of(delivery.recipient().key())
                .flatMap(endpoint -> post(delivery, endpoint))
                .switchIfEmpty(Mono.just(new SendOutcome.Skipped("webhook", "no webhook registered")));
    }

    private Mono<SendOutcome> post(Delivery delivery, WebhookEndpoint endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint.url());
        } catch (URISyntaxException e) {
            return Mono.just(new SendOutcome.Failed(endpoint.url(), FailureReason.TARGET_NOT_ALLOWED.name()));
        }
        if (!targets.checkHost(uri.getHost()).allowed()) {
            return Mono.just(new SendOutcome.Failed(endpoint.url(), FailureReason.TARGET_NOT_ALLOWED.name()));
        }
        return body(delivery, endpoint).flatMap(body -> post(delivery, endpoint, uri, body));
    }

    /** The body in the webhook's payload format, with its media type. */
    private Mono<Body> body(Delivery delivery, WebhookEndpoint endpoint) {
        if (endpoint.payload() != PayloadFormat.FHIR_SUBSCRIPTION_STATUS) {
            return Mono.just(new Body(MediaType.APPLICATION_JSON, body(delivery.notification())));
        }
        return eventNumbers.of(delivery, endpoint.startedAt()).map(number -> new Body(FHIR_JSON,
                EventJson.mapper().writeValueAsString(SubscriptionStatusNotification.bundle(delivery.notification(),
                        endpoint.fhirSubscription(), endpoint.fhirTopic(), number, clock.instant()))
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private record Body(MediaType type, byte[] bytes) {
    }

    private Mono<SendOutcome> post(Delivery delivery, WebhookEndpoint endpoint, URI uri, Body payload) {
        byte[] body = payload.bytes();
        return http.post().uri(uri)
                .contentType(payload.type())
                .headers(headers -> sign(headers, endpoint, delivery, body))
                .header(WebhookSignature.EVENT_ID_HEADER, delivery.eventId().toString())
                .header(WebhookSignature.DELIVERY_ID_HEADER, delivery.id().toString())
                .header(WebhookSignature.EVENT_TYPE_HEADER, delivery.eventType())
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode()))
                .timeout(timeout)
                .map(status -> status.is2xxSuccessful()
                        ? (SendOutcome) new SendOutcome.Sent(endpoint.url())
                        : new SendOutcome.Failed(endpoint.url(), FailureReason.ofStatus(status.value()).name()))
                .onErrorResume(error -> Mono.just(new SendOutcome.Failed(endpoint.url(), reason(error).name())));
    }

    @SuppressWarnings("deprecation")
    private void sign(HttpHeaders headers, WebhookEndpoint endpoint, Delivery delivery, byte[] body) {
        if (endpoint.scheme() == SignatureScheme.TRANSFERTAFEL_V1) {
            headers.set(WebhookSignature.HEADER, WebhookSignature.header(endpoint.secret(), clock.instant(), body));
        } else {
            StandardWebhookSignature.headers(endpoint.secret(), delivery.id().toString(), clock.instant(), body)
                    .forEach(headers::set);
        }
    }

    /** The JSON body receivers get; documented in docs/services/notification-service.md. */
    public byte[] body(ThinNotification notification) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deliveryId", notification.deliveryId());
        json.put("eventId", notification.eventId());
        json.put("eventType", notification.eventType());
        json.put("occurredAt", notification.occurredAt());
        json.put("region", notification.region());
        json.put("organisation", notification.recipient());
        json.put("notice", notification.notice().name());
        json.put("subject", Map.of("kind", notification.subject().kind().name(), "id", notification.subject().id()));
        json.put("link", notification.link());
        Map<String, Object> localized = new LinkedHashMap<>();
        notification.texts(texts).forEach((Language language, NoticeTexts.Text text) ->
                localized.put(language.code(), Map.of("title", text.title(), "body", text.body())));
        json.put("texts", localized);
        return EventJson.mapper().writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
    }

    /** The kind of failure, from the exception chain; its text never leaves this method. */
    static FailureReason reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AllowedTargetsResolver.TargetNotAllowed) {
                return FailureReason.TARGET_NOT_ALLOWED;
            }
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException || t instanceof java.net.SocketTimeoutException) {
                return FailureReason.TIMEOUT;
            }
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return FailureReason.TLS_ERROR;
            }
            if (t instanceof java.net.UnknownHostException) {
                return FailureReason.DNS_FAILURE;
            }
            if (t instanceof java.net.ConnectException) {
                return FailureReason.CONNECT_REFUSED;
            }
        }
        return FailureReason.CONNECTION_FAILED;
    }
}
