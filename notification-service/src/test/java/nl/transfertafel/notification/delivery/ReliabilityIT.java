package nl.transfertafel.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.notification.NotificationIntegrationTest;
import nl.transfertafel.notification.NotificationWiring;
import nl.transfertafel.notification.delivery.application.DeliveryDispatcher;
import nl.transfertafel.notification.delivery.infrastructure.DispatcherLoop;
import nl.transfertafel.notification.routing.application.NotificationRouter;
import nl.transfertafel.notification.testing.Api;
import nl.transfertafel.notification.testing.EventPublisher;
import nl.transfertafel.notification.testing.TestEvents;
import nl.transfertafel.notification.testing.TestReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/** Exactly one notification per (event, subscription), whatever the broker or a crash does. */
@NotificationIntegrationTest
class ReliabilityIT {

    private static final String SECRET = "reliability-test-secret";

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        NotificationWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    DispatcherLoop loop;
    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    NotificationRouter router;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(web);
    }

    @Test
    void an_event_delivered_twice_by_the_broker_notifies_once() {
        TestEvents journey = TestEvents.freshJourney("rotterdam");
        String gp = Api.token("GP", journey.gp, "rotterdam");
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            api.webhook(gp, receiver.url(), SECRET, "TransferProposed", "TransferOffered");
            EventEnvelope proposed = journey.transferProposed();
            EventPublisher.publish(proposed);
            EventPublisher.publish(proposed); // the same event again, as after a producer retry or a rebalance
            EventEnvelope barrier = journey.transferOffered(); // same partition: routed after both copies
            EventPublisher.publish(barrier);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 2);
            assertThat(receiver.accepted()).extracting(TestReceiver.Received::eventId)
                    .containsExactly(proposed.eventId().toString(), barrier.eventId().toString());
            assertThat(rows(proposed)).containsEntry("INBOX", 1L).containsEntry("WEBHOOK", 1L).hasSize(2);
            assertThat(inboxRows(proposed, journey.gp)).isEqualTo(1);
        }
    }

    @Test
    void routing_the_same_event_again_past_the_consumer_ledger_adds_no_second_delivery() {
        TestEvents journey = TestEvents.freshJourney("rotterdam");
        EventEnvelope offered = journey.transferOffered();
        router.route(offered).block();
        router.route(offered).block();
        // GP and receiving provider in their inboxes, and the client by e-mail: one row each
        assertThat(db.sql("select count(*) as n from delivery where event_id = :id").bind("id", offered.eventId())
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(3);
    }

    @Test
    void stopping_the_loop_while_a_send_hangs_ends_its_round_at_once_and_keeps_the_delivery_pending() throws Exception {
        TestEvents journey = TestEvents.freshJourney("rotterdam");
        String gp = Api.token("GP", journey.gp, "rotterdam");
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            api.webhook(gp, receiver.url(), SECRET, "ReferralReceived");
            EventEnvelope referral = journey.referralReceived();
            // every send of this delivery hangs: the test JVM's other cached contexts share the database and their
            // dispatchers are woken by the same commits, so one of them may send it again once this loop stops
            receiver.hangOnEvent(referral.eventId().toString());
            EventPublisher.publish(referral);
            assertThat(receiver.awaitHanging(Duration.ofSeconds(30))).isTrue();
            try {
                // the job's own fallback interrupts a run after 15 s; the cancelled round must end long before
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> loop.stop());
                assertThat(pending(journey.gp, "WEBHOOK")).isEqualTo(1);
            } finally {
                receiver.release();
                loop.start();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> pending(journey.gp, "WEBHOOK") == 0);
        }
    }

    @Test
    void a_service_killed_mid_send_resends_after_restart_and_keeps_one_record_per_notification() throws Exception {
        TestEvents journey = TestEvents.freshJourney("rotterdam");
        String gp = Api.token("GP", journey.gp, "rotterdam");
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            api.webhook(gp, receiver.url(), SECRET, "ReferralReceived", "TreeknormSignalled", "TransferProposed",
                    "TransferOffered", "TransferCompleted");
            loop.stop();
            List<EventEnvelope> batch;
            try {
                batch = List.of(journey.referralReceived(), journey.treeknormBreached(), journey.transferProposed(),
                        journey.transferOffered(), journey.transferCompleted());
                batch.forEach(EventPublisher::publish);
                await().atMost(Duration.ofSeconds(30)).until(() -> pending(journey.gp, "WEBHOOK") == batch.size());

                // the third POST hangs: the service dies while sending it
                receiver.hangOn(3);
                Disposable round = dispatcher.dispatchDue().subscribe();
                assertThat(receiver.awaitHanging(Duration.ofSeconds(30))).isTrue();
                round.dispose(); // the process is gone: its open transaction rolls back
                // in lane order: two were sent and recorded; the one in flight was not recorded
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(laneStatuses(journey.gp, "WEBHOOK"))
                        .containsExactly("DELIVERED", "DELIVERED", "PENDING", "PENDING", "PENDING"));
                receiver.release();
            } finally {
                loop.start(); // the restart
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> pending(journey.gp, "WEBHOOK") == 0);
            for (EventEnvelope event : batch) {
                assertThat(rows(event).get("WEBHOOK")).as(event.type()).isEqualTo(1L);
                assertThat(status(event, "WEBHOOK")).isEqualTo("DELIVERED");
            }
            // on the wire the one in flight came twice, with the same delivery id, so the receiver drops the repeat
            List<String> ids = receiver.accepted().stream().map(TestReceiver.Received::deliveryId).toList();
            assertThat(ids).hasSize(batch.size() + 1);
            assertThat(new LinkedHashSet<>(ids)).hasSize(batch.size());
            // and in the lane's order (the order the service took the events in)
            assertThat(receiver.accepted().stream().map(TestReceiver.Received::deliveryId).distinct().toList())
                    .containsExactlyElementsOf(lane(journey.gp, "WEBHOOK"));
        }
    }

    private Map<String, Long> rows(EventEnvelope event) {
        return db.sql("select channel, count(*) as n from delivery where event_id = :id and recipient not like 'client:%'"
                        + " and recipient not like 'coordinators:%' group by channel")
                .bind("id", event.eventId())
                .map(row -> Map.entry(row.get("channel", String.class), row.get("n", Long.class)))
                .all().collectList().block().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<String> lane(String recipient, String channel) {
        return db.sql("select id from delivery where recipient = :r and channel = :c order by seq")
                .bind("r", recipient).bind("c", channel)
                .map(row -> row.get("id", java.util.UUID.class).toString()).all().collectList().block();
    }

    private List<String> laneStatuses(String recipient, String channel) {
        return db.sql("select status from delivery where recipient = :r and channel = :c order by seq")
                .bind("r", recipient).bind("c", channel)
                .map(row -> row.get("status", String.class)).all().collectList().block();
    }

    private long inboxRows(EventEnvelope event, String recipient) {
        return db.sql("select count(*) as n from inbox_notification where event_id = :id and recipient = :r")
                .bind("id", event.eventId()).bind("r", recipient)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private long pending(String recipient, String channel) {
        return db.sql("select count(*) as n from delivery where recipient = :r and channel = :c and status = 'PENDING'")
                .bind("r", recipient).bind("c", channel)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private String status(EventEnvelope event, String channel) {
        return db.sql("select status from delivery where event_id = :id and channel = :c and recipient not like 'client:%'"
                        + " and recipient not like 'coordinators:%'")
                .bind("id", event.eventId()).bind("c", channel)
                .map(row -> row.get("status", String.class)).one().block();
    }
}
