package nl.transfertafel.notification.delivery.infrastructure;

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
import nl.transfertafel.notification.delivery.domain.ThinNotification;
import nl.transfertafel.notification.delivery.domain.WebhookSignature;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.subscription.infrastructure.SubscriptionRepository;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * POSTs the thin notification as JSON to the organisation's webhook, signed with its secret (see
 * {@link WebhookSignature}). Any 2xx is delivered; anything else, a connection error or no answer
 * within the timeout is a failed attempt, retried by the dispatcher.
 */
public class WebhookSender implements ChannelSender {

    private final SubscriptionRepository subscriptions;
    private final WebClient http;
    private final NoticeTexts texts;
    private final Clock clock;
    private final Duration timeout;

    public WebhookSender(SubscriptionRepository subscriptions, WebClient http, NoticeTexts texts, Clock clock,
            Duration timeout) {
        this.subscriptions = subscriptions;
        this.http = http;
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
        return subscriptions.webhook(delivery.recipient().key())
                .flatMap(endpoint -> post(delivery, endpoint))
                .switchIfEmpty(Mono.just(new SendOutcome.Skipped("webhook", "no webhook registered")));
    }

    private Mono<SendOutcome> post(Delivery delivery, SubscriptionRepository.WebhookEndpoint endpoint) {
        byte[] body = body(delivery.notification());
        String signature = WebhookSignature.header(endpoint.secret(), clock.instant(), body);
        return http.post().uri(endpoint.url())
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, signature)
                .header(WebhookSignature.EVENT_ID_HEADER, delivery.eventId().toString())
                .header(WebhookSignature.DELIVERY_ID_HEADER, delivery.id().toString())
                .header(WebhookSignature.EVENT_TYPE_HEADER, delivery.eventType())
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode()))
                .timeout(timeout)
                .map(status -> status.is2xxSuccessful()
                        ? (SendOutcome) new SendOutcome.Sent(endpoint.url())
                        : new SendOutcome.Failed(endpoint.url(), "HTTP " + status.value()))
                .onErrorResume(error -> Mono.just(new SendOutcome.Failed(endpoint.url(), describe(error))));
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

    private String describe(Throwable error) {
        if (error instanceof java.util.concurrent.TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
