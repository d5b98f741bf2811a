package nl.transfertafel.platform.events;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** A row the broker refuses for good is parked after bounded attempts; an admin sees and replays it. */
class OutboxParkingIT extends ProbeIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    WebTestClient web;

    @Test
    void a_row_too_large_for_the_broker_is_parked_and_does_not_hold_up_its_region() {
        // larger than the producer's max.request.size (1 MiB): Kafka refuses it whatever we do
        UUID tooLarge = UUID.randomUUID();
        insertRaw(tooLarge, "utrecht", "{\"filler\":\"" + "x".repeat(1_200_000) + "\"}");
        NewEvent behind = Probes.referralReceived(Probes.unique("behind-"), "utrecht");
        outbox.append(behind).as(tx::transactional).block(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).until(() -> column(tooLarge, "parked_at").isPresent());
        await().atMost(Duration.ofSeconds(30)).until(() -> column(behind.eventId(), "published_at").isPresent());
        assertThat(attempts(tooLarge)).isEqualTo(2); // transfertafel.outbox.max-attempts in platform-test.yml
        WebTestClient web = this.web.mutate().responseTimeout(Duration.ofSeconds(60)).build(); // a busy machine

        web.get().uri("/api/v1/admin/outbox/parked")
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.ADMIN)))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.eventId == '%s')].lastError".formatted(tooLarge)).value(errors ->
                        assertThat(errors.toString()).contains("RecordTooLarge"))
                .jsonPath("$[?(@.eventId == '%s')].region".formatted(tooLarge)).isEqualTo("utrecht");
        web.get().uri("/api/v1/admin/outbox/parked")
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.COORDINATOR_A)))
                .exchange().expectStatus().isForbidden();

        // an admin removes the cause (here the row itself is repaired) and replays it
        NewEvent repaired = new NewEvent(tooLarge, behind.occurredAt(), "utrecht", Probes.unique("repaired-"),
                behind.payload());
        db.sql("update outbox set envelope = :envelope where event_id = :id")
                .bind("envelope", EventJson.write(EventJson.envelop(repaired, tooLarge)))
                .bind("id", tooLarge).then().block(Duration.ofSeconds(30));
        long outboxId = db.sql("select id from outbox where event_id = :id").bind("id", tooLarge)
                .map(row -> row.get("id", Long.class)).one().block(Duration.ofSeconds(30));
        web.post().uri("/api/v1/admin/outbox/parked/replay?id=" + outboxId)
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.ADMIN)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.unparked").isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> column(tooLarge, "published_at").isPresent());
        assertThat(column(tooLarge, "parked_at")).isEmpty();
    }

    private void insertRaw(UUID eventId, String region, String envelope) {
        db.sql("""
                        insert into outbox (event_id, topic, message_key, event_type, envelope, lane)
                        values (:id, :topic, :key, 'ReferralReceived', :envelope, :lane)""")
                .bind("id", eventId)
                .bind("topic", Topics.INTAKE_REFERRAL_EVENTS)
                .bind("key", region)
                .bind("envelope", envelope)
                .bind("lane", Outbox.laneOf(region, Outbox.DEFAULT_LANES))
                .then().block(Duration.ofSeconds(30));
    }

    private Optional<OffsetDateTime> column(UUID eventId, String column) {
        return db.sql("select " + column + " as at from outbox where event_id = :id").bind("id", eventId)
                .map(row -> Optional.ofNullable(row.get("at", OffsetDateTime.class)))
                .one().blockOptional(Duration.ofSeconds(30)).flatMap(found -> found);
    }

    private int attempts(UUID eventId) {
        return db.sql("select attempts from outbox where event_id = :id").bind("id", eventId)
                .map(row -> row.get("attempts", Integer.class)).one().block(Duration.ofSeconds(30));
    }
}
