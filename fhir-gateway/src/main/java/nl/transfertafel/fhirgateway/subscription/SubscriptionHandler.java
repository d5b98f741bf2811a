package nl.transfertafel.fhirgateway.subscription;

import static nl.transfertafel.fhirgateway.upstream.Upstream.Service.NOTIFICATION;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import nl.transfertafel.fhirgateway.fhir.FhirRefusal;
import nl.transfertafel.fhirgateway.fhir.Outcomes;
import nl.transfertafel.fhirgateway.fhir.Vocabulary;
import nl.transfertafel.fhirgateway.upstream.Upstream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code Subscription} (R4 topic-based backport, rest-hook, thin notifications) on top of
 * notification-service's subscription API, called with the caller's token: the organisation it
 * manages is the caller's own, and deliveries go through the existing pipeline (outbox, retries,
 * dead letters, signed webhook). Each topic is one Subscription per organisation, its id the topic id.
 */
@Component
public class SubscriptionHandler {

    private static final Map<String, String> FIELD_PATHS = Map.of(
            "url", "Subscription.channel.endpoint",
            "secret", "Subscription.channel.header",
            "fhirSubscription", "Subscription",
            "payloadFormat", "Subscription.channel.payload",
            "subscriptions", "Subscription.criteria");

    private final Upstream upstream;

    public SubscriptionHandler(Upstream upstream) {
        this.upstream = upstream;
    }

    /** {@code POST /fhir/Subscription}: register the endpoint as the webhook, then turn WEBHOOK on for the topic's event types. */
    public Mono<ServerResponse> create(ServerRequest request) {
        String authorization = Fhir.authorization(request);
        return Fhir.read(request, Subscription.class).map(SubscriptionMapping::wanted)
                .flatMap(wanted -> overview(authorization).flatMap(before -> {
                    boolean sameEndpoint = wanted.endpoint().equals(before.path("webhookUrl").asText(null));
                    if (before.path("webhookRegistered").asBoolean(false) && !sameEndpoint
                            && SubscriptionMapping.anyWebhook(before)) {
                        return Mono.error(new FhirRefusal(HttpStatus.CONFLICT, OperationOutcome.IssueType.CONFLICT,
                                "channel.endpoint: the organisation already receives notifications at another endpoint "
                                        + "(one webhook per organisation); delete its Subscriptions first",
                                "Subscription.channel.endpoint"));
                    }
                    boolean replay = sameEndpoint && SubscriptionMapping.active(wanted.topic(), before);
                    return call(upstream.put(NOTIFICATION, "/api/v1/subscriptions/webhook", authorization,
                                    wanted.webhook(fhirBase(request))))
                            .then(call(upstream.put(NOTIFICATION, "/api/v1/subscriptions", authorization,
                                    SubscriptionMapping.choices(wanted.topic().eventTypes(), before, true))))
                            .map(after -> SubscriptionMapping.toSubscription(wanted.topic(), after))
                            .flatMap(subscription -> ServerResponse.status(replay ? HttpStatus.OK : HttpStatus.CREATED)
                                    .header("Location", "Subscription/" + subscription.getIdPart())
                                    .contentType(Fhir.FHIR_JSON).bodyValue(Fhir.encode(subscription)));
                }));
    }

    public Mono<ServerResponse> read(ServerRequest request) {
        return topic(request).flatMap(topic -> overview(Fhir.authorization(request)).flatMap(overview ->
                SubscriptionMapping.active(topic, overview)
                        ? Fhir.ok(SubscriptionMapping.toSubscription(topic, overview))
                        : Mono.error(notFound())));
    }

    /** {@code GET /fhir/Subscription}: the caller's organisation's active topic subscriptions. */
    public Mono<ServerResponse> search(ServerRequest request) {
        return overview(Fhir.authorization(request)).map(overview -> {
            Bundle bundle = new Bundle();
            bundle.setType(Bundle.BundleType.SEARCHSET);
            for (SubscriptionTopics.Topic topic : SubscriptionTopics.ALL.values()) {
                if (SubscriptionMapping.active(topic, overview)) {
                    bundle.addEntry().setFullUrl(Vocabulary.BASE + "/Subscription/" + topic.id())
                            .setResource(SubscriptionMapping.toSubscription(topic, overview))
                            .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
                }
            }
            bundle.setTotal(bundle.getEntry().size());
            return bundle;
        }).flatMap(Fhir::ok);
    }

    /**
     * {@code DELETE /fhir/Subscription/{id}}: WEBHOOK off for the topic's event types that no other
     * active topic needs; when no event type is left on the webhook, the webhook (and its secret) goes too.
     */
    public Mono<ServerResponse> delete(ServerRequest request) {
        String authorization = Fhir.authorization(request);
        return topic(request).flatMap(topic -> overview(authorization).flatMap(before -> {
            Set<String> keep = SubscriptionTopics.ALL.values().stream()
                    .filter(other -> !other.equals(topic) && SubscriptionMapping.active(other, before))
                    .flatMap(other -> other.eventTypes().stream()).collect(Collectors.toSet());
            List<String> off = topic.eventTypes().stream().filter(type -> !keep.contains(type)).toList();
            Mono<JsonNode> unsubscribed = off.isEmpty() ? Mono.just(before)
                    : call(upstream.put(NOTIFICATION, "/api/v1/subscriptions", authorization,
                            SubscriptionMapping.choices(off, before, false)));
            return unsubscribed.flatMap(after -> after.path("webhookRegistered").asBoolean(false)
                    && !SubscriptionMapping.anyWebhook(after)
                    ? call(upstream.delete(NOTIFICATION, "/api/v1/subscriptions/webhook", authorization))
                    : Mono.just(after));
        })).then(ServerResponse.noContent().build());
    }

    /**
     * The FHIR base as the caller reached it: the SubscriptionStatus names the Subscription and the focus
     * resources under it, so the receiver can read them back here.
     */
    static String fhirBase(ServerRequest request) {
        java.net.URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/fhir";
    }

    private Mono<JsonNode> overview(String authorization) {
        return call(upstream.get(NOTIFICATION, "/api/v1/subscriptions", authorization));
    }

    private static Mono<JsonNode> call(Mono<Upstream.Answer> answer) {
        return answer.flatMap(a -> a.ok() ? Mono.just(a.body()) : Mono.error(Outcomes.fromProblem(a, FIELD_PATHS)));
    }

    private static Mono<SubscriptionTopics.Topic> topic(ServerRequest request) {
        return Mono.justOrEmpty(SubscriptionTopics.byId(request.pathVariable("id"))).switchIfEmpty(Mono.error(notFound()));
    }

    private static FhirRefusal notFound() {
        return new FhirRefusal(HttpStatus.NOT_FOUND, OperationOutcome.IssueType.NOTFOUND,
                "no Subscription with this id for the caller's organisation (ids are the topic ids: "
                        + String.join(", ", SubscriptionTopics.ALL.keySet()) + ")", null);
    }
}
