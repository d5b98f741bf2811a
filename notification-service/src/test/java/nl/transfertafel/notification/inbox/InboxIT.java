package nl.transfertafel.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.notification.NotificationIntegrationTest;
import nl.transfertafel.notification.NotificationWiring;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.DeliveryStatus;
import nl.transfertafel.notification.inbox.infrastructure.InboxRepository;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.routing.domain.Subject;
import nl.transfertafel.notification.routing.domain.SubjectKind;
import nl.transfertafel.notification.testing.Api;
import nl.transfertafel.notification.testing.EventPublisher;
import nl.transfertafel.notification.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@NotificationIntegrationTest
class InboxIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        NotificationWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;
    @Autowired
    org.springframework.transaction.reactive.TransactionalOperator tx;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(web);
    }

    @Test
    void every_organisation_concerned_finds_the_transfer_in_its_inbox_by_default_and_nobody_else_does() {
        TestEvents journey = TestEvents.freshJourney("rotterdam");
        EventPublisher.publish(journey.transferCompleted());

        String gp = Api.token("GP", journey.gp, "rotterdam");
        String receiving = Api.token("PROVIDER", journey.otherProvider, "rotterdam");
        String sending = Api.token("PROVIDER", journey.provider, "rotterdam");
        String stranger = Api.token("PROVIDER", TestEvents.agb(), "rotterdam");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(notices(gp)).containsExactly("TRANSFER_COMPLETED");
            assertThat(notices(receiving)).containsExactly("CLIENT_TRANSFERRED_IN");
            assertThat(notices(sending)).containsExactly("CLIENT_TRANSFERRED_OUT");
        });
        assertThat(api.json(api.get(stranger, "/api/v1/inbox")).get("total").asLong()).isZero();
        // only an administrator names another organisation
        api.get(stranger, "/api/v1/inbox?organisation=" + journey.gp).expectStatus().isForbidden();
    }

    @Test
    void read_state_is_per_user_and_the_list_is_paged() {
        TestEvents journey = TestEvents.freshJourney("rotterdam");
        EventPublisher.publish(journey.referralReceived());
        EventPublisher.publish(journey.treeknormBreached());
        EventPublisher.publish(journey.intakeRecorded());
        String anna = Api.userToken("anna", "GP", journey.gp, "rotterdam");
        String bram = Api.userToken("bram", "GP", journey.gp, "rotterdam");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.json(api.get(anna, "/api/v1/inbox")).get("total").asInt() == 3);

        JsonNode firstPage = api.json(api.get(anna, "/api/v1/inbox?size=2&page=0"));
        assertThat(firstPage.get("items")).hasSize(2);
        assertThat(firstPage.get("total").asInt()).isEqualTo(3);
        assertThat(api.json(api.get(anna, "/api/v1/inbox?size=2&page=1")).get("items")).hasSize(1);

        String id = firstPage.get("items").get(0).get("id").asText();
        JsonNode read = api.json(api.post(anna, "/api/v1/inbox/" + id + "/read"));
        assertThat(read.get("readAt").isNull()).isFalse();
        assertThat(api.json(api.get(anna, "/api/v1/inbox?unread=true")).get("total").asInt()).isEqualTo(2);
        assertThat(api.json(api.get(bram, "/api/v1/inbox?unread=true")).get("total").asInt()).isEqualTo(3);

        // another organisation cannot mark it
        api.post(Api.token("GP", TestEvents.agb(), "rotterdam"), "/api/v1/inbox/" + id + "/read").expectStatus().isNotFound();
        api.get(anna, "/api/v1/inbox?size=500").expectStatus().isBadRequest();
    }

    @Test
    void coordinators_of_the_region_see_their_desk_inbox_live_as_server_sent_events() throws Exception {
        TestEvents journey = TestEvents.freshJourney("zeeland");
        String coordinator = Api.token("COORDINATOR", TestEvents.agb(), "zeeland");

        var events = web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/v1/inbox/stream")
                .headers(h -> h.setBearerAuth(coordinator))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody();
        CompletableFuture<ServerSentEvent<String>> subscribed = new CompletableFuture<>();
        CompletableFuture<ServerSentEvent<String>> first = new CompletableFuture<>();
        var subscription = events.subscribe(event -> {
            if (event.data() == null) {
                subscribed.complete(event);
            } else if (event.data().contains(journey.proposalId)) {
                first.complete(event);
            }
        });
        try {
            assertThat(subscribed.get(30, TimeUnit.SECONDS).comment()).isEqualTo("subscribed coordinators:zeeland");
            EventPublisher.publish(journey.transferProposed());

            ServerSentEvent<String> live = first.get(30, TimeUnit.SECONDS);
            assertThat(live.event()).isEqualTo("TransferProposed");
            JsonNode item = nl.transfertafel.contracts.events.EventJson.mapper().readTree(live.data());
            assertThat(item.get("notice").asText()).isEqualTo("SCREENING_QUEUE_GREW");
            assertThat(item.get("organisation").asText()).isEqualTo("coordinators:zeeland");
            assertThat(live.id()).isEqualTo(item.get("id").asText());
        } finally {
            subscription.dispose();
        }
        // the desk's list has it too, and the region's overdue reminder lands there as well
        EventPublisher.publish(journey.screeningOverdue());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(notices(coordinator)).containsExactly("SCREENING_OVERDUE", "SCREENING_QUEUE_GREW"));
        // a coordinator of another region does not see it
        assertThat(notices(Api.token("COORDINATOR", TestEvents.agb(), "zuid-limburg"))).isEmpty();
    }

    @Test
    void the_live_stream_shows_what_another_instance_delivered() throws Exception {
        String region = "drenthe";
        String coordinator = Api.token("COORDINATOR", TestEvents.agb(), region);
        var events = web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/v1/inbox/stream")
                .headers(h -> h.setBearerAuth(coordinator))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody();
        java.util.UUID id = java.util.UUID.randomUUID();
        CompletableFuture<ServerSentEvent<String>> subscribed = new CompletableFuture<>();
        CompletableFuture<ServerSentEvent<String>> live = new CompletableFuture<>();
        var subscription = events.subscribe(event -> {
            if (event.data() == null) {
                subscribed.complete(event);
            } else if (id.toString().equals(event.id())) {
                live.complete(event);
            }
        });
        try {
            subscribed.get(30, TimeUnit.SECONDS);
            // another instance's dispatcher: its own code path and transaction on the shared database,
            // nothing of this instance's memory involved
            InboxRepository otherInstance = new InboxRepository(db, java.time.Clock.systemUTC());
            otherInstance.add(new Delivery(id, 1, java.util.UUID.randomUUID(), "TransferProposed",
                            java.time.Instant.now(), region, Recipient.parse("coordinators:" + region), Channel.INBOX,
                            Notice.SCREENING_QUEUE_GREW, new Subject(SubjectKind.PROPOSAL, "prop-" + id),
                            "/coordinator/#/proposals/prop-" + id, DeliveryStatus.PENDING, 0))
                    .as(tx::transactional).block(Duration.ofSeconds(30));

            ServerSentEvent<String> item = live.get(30, TimeUnit.SECONDS);
            assertThat(item.event()).isEqualTo("TransferProposed");
            assertThat(item.data()).contains("SCREENING_QUEUE_GREW").contains("coordinators:" + region);
        } finally {
            subscription.dispose();
        }
    }

    private java.util.List<String> notices(String token) {
        return api.json(api.get(token, "/api/v1/inbox")).get("items").findValuesAsString("notice");
    }
}
