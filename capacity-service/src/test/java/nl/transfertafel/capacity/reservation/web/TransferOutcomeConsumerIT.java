package nl.transfertafel.capacity.reservation.web;

import static nl.transfertafel.capacity.support.CapacityApi.admin;
import static nl.transfertafel.capacity.support.CapacityApi.json;
import static nl.transfertafel.capacity.support.CapacityApi.reservation;
import static nl.transfertafel.capacity.support.CapacityApi.transferTable;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import nl.transfertafel.capacity.CapacityIntegrationTest;
import nl.transfertafel.capacity.CapacityWiring;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.MovableClock;
import nl.transfertafel.capacity.support.Outboxes;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.events.capacity.ReservationChanged;
import nl.transfertafel.contracts.events.transfer.TransferCompleted;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The transfer table's outcomes reach capacity-service through Kafka: an ended transfer releases its
 * place, a completed one confirms it, once, however often the events arrive.
 */
@CapacityIntegrationTest
class TransferOutcomeConsumerIT {

    private static final String PSEUDONYM = "pseudonym_0123456789abcdef";

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        CapacityWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    MovableClock clock;
    CapacityApi api;
    KafkaProducer<byte[], byte[]> producer;

    @BeforeEach
    void setUp() {
        api = new CapacityApi(web);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap());
        producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void tearDown() {
        producer.close(Duration.ofSeconds(5));
    }

    private String[] heldPlace() {
        var provider = api.register(freshAgb(), aProvider().typical().build());
        String lineId = api.announce(provider, 2, Today.of(clock), null).get("capacityLineId").asText();
        String proposal = "proposal-" + UUID.randomUUID();
        String reservationId = json(api.post(transferTable(), "/api/v1/reservations", reservation(lineId, proposal))
                .expectStatus().isCreated()).get("reservationId").asText();
        return new String[] {lineId, proposal, reservationId, provider.get("agb").asText()};
    }

    private byte[] envelope(UUID eventId, String aggregateId, EventPayload payload) {
        var envelope = EventJson.envelop(new NewEvent(eventId, Instant.now(), "rotterdam", aggregateId, payload), eventId);
        assertThat(EventSchemas.violations(envelope)).isEmpty();
        return EventJson.write(envelope).getBytes(StandardCharsets.UTF_8);
    }

    private void send(byte[] event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.TRANSFER_EVENTS, "rotterdam".getBytes(StandardCharsets.UTF_8), event))
                .get();
    }

    @Test
    void an_ended_transfer_releases_its_place_once_however_often_it_arrives() throws Exception {
        String[] held = heldPlace();
        String lineId = held[0];
        String reservationId = held[2];
        TransferEnded ended = new TransferEnded(held[1], "referral-1", PSEUDONYM, lineId, reservationId, held[3], null,
                "01000001", TransferEnded.Outcome.DECLINED_BY_CLIENT, null);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        byte[] event = envelope(first, held[1], ended);

        send(event);
        send(event);
        send(envelope(second, held[1], ended));

        // both distinct events processed (the redelivered copy skipped), the place released once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processed(first, second)).isEqualTo(2));
        api.get(admin(), "/api/v1/reservations/" + reservationId).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("RELEASED").jsonPath("$.placesLeft").isEqualTo(2);
        assertThat(Outboxes.eventsFor(db, reservationId)).extracting(e -> e.payloadAs(ReservationChanged.class).state())
                .containsExactly(ReservationChanged.State.HELD, ReservationChanged.State.RELEASED);
        api.get(admin(), "/api/v1/capacity/" + lineId).expectStatus().isOk().expectBody()
                .jsonPath("$.placesLeft").isEqualTo(2);
    }

    @Test
    void a_completed_transfer_confirms_its_place_once_and_a_later_end_does_not_release_it() throws Exception {
        String[] held = heldPlace();
        String reservationId = held[2];
        TransferCompleted completed = new TransferCompleted(held[1], "referral-2", PSEUDONYM, held[3], null, "01000001",
                reservationId, "intake desk, 010-1234567", Today.of(clock));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID laterEnd = UUID.randomUUID();
        byte[] event = envelope(first, held[1], completed);

        send(event);
        send(event);
        send(envelope(second, held[1], completed));
        send(envelope(laterEnd, held[1], new TransferEnded(held[1], "referral-2", PSEUDONYM, held[0],
                reservationId, held[3], null, "01000001", TransferEnded.Outcome.CLIENT_LEFT_WAITING_LIST, null)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processed(first, second, laterEnd))
                .isEqualTo(3));
        api.get(admin(), "/api/v1/reservations/" + reservationId).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("CONFIRMED").jsonPath("$.placesLeft").isEqualTo(1);
        assertThat(Outboxes.eventsFor(db, reservationId)).extracting(e -> e.payloadAs(ReservationChanged.class).state())
                .containsExactly(ReservationChanged.State.HELD, ReservationChanged.State.CONFIRMED);
    }

    @Test
    void a_transfer_outcome_without_a_reservation_is_ignored_and_does_not_block_the_topic() throws Exception {
        String[] held = heldPlace();
        UUID without = UUID.randomUUID();
        send(envelope(without, "p-x", new TransferEnded("p-x", "referral-3", PSEUDONYM, held[0], null, held[3], null,
                "01000001", TransferEnded.Outcome.REJECTED_IN_SCREENING, null)));
        send(envelope(UUID.randomUUID(), "p-y", new TransferEnded("p-y", "referral-4", PSEUDONYM, held[0],
                UUID.randomUUID().toString(), held[3], null, "01000001", TransferEnded.Outcome.OFFER_EXPIRED, null)));
        send(envelope(UUID.randomUUID(), held[1], new TransferEnded(held[1], "referral-5", PSEUDONYM, held[0], held[2],
                held[3], null, "01000001", TransferEnded.Outcome.OFFER_EXPIRED, null)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api.get(admin(), "/api/v1/reservations/" + held[2]).expectStatus().isOk().expectBody()
                        .jsonPath("$.state").isEqualTo("RELEASED"));
        assertThat(db.sql("select count(*) as n from processed_event where event_id = :id").bind("id", without)
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);
    }

    @Test
    void a_lapsed_proposal_whose_reservation_answer_was_lost_releases_the_place_it_holds() throws Exception {
        // the transfer table's reserve call timed out after capacity had taken the place, so its
        // TransferEnded names no reservation: the place is found by the proposal id and returned at once
        String[] held = heldPlace();
        UUID lapsed = UUID.randomUUID();

        send(envelope(lapsed, held[1], new TransferEnded(held[1], "referral-6", PSEUDONYM, held[0], null, held[3],
                null, "01000001", TransferEnded.Outcome.OFFER_EXPIRED, null)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processed(lapsed)).isEqualTo(1));
        api.get(admin(), "/api/v1/reservations/" + held[2]).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("RELEASED").jsonPath("$.placesLeft").isEqualTo(2);
        assertThat(Outboxes.eventsFor(db, held[2])).extracting(e -> e.payloadAs(ReservationChanged.class).state())
                .containsExactly(ReservationChanged.State.HELD, ReservationChanged.State.RELEASED);
        // the transfer table retrying the reservation for the ended proposal gets the same, released one
        api.post(transferTable(), "/api/v1/reservations", reservation(held[0], held[1])).expectStatus().isOk()
                .expectBody().jsonPath("$.reservationId").isEqualTo(held[2]).jsonPath("$.state").isEqualTo("RELEASED");
        api.get(admin(), "/api/v1/capacity/" + held[0]).expectStatus().isOk().expectBody()
                .jsonPath("$.placesLeft").isEqualTo(2);
    }

    @Test
    void a_reservation_request_arriving_after_its_proposal_ended_is_refused_and_takes_no_place() throws Exception {
        // the reserve call was still on its way (or retried) when the transfer table let the proposal lapse
        var provider = api.register(freshAgb(), aProvider().typical().build());
        String lineId = api.announce(provider, 2, Today.of(clock), null).get("capacityLineId").asText();
        String proposal = "proposal-" + UUID.randomUUID();
        UUID lapsed = UUID.randomUUID();
        send(envelope(lapsed, proposal, new TransferEnded(proposal, "referral-7", PSEUDONYM, lineId, null,
                provider.get("agb").asText(), null, "01000001", TransferEnded.Outcome.OFFER_EXPIRED, null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processed(lapsed)).isEqualTo(1));

        api.post(transferTable(), "/api/v1/reservations", reservation(lineId, proposal)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("proposal-ended");

        api.get(admin(), "/api/v1/capacity/" + lineId).expectStatus().isOk().expectBody()
                .jsonPath("$.placesLeft").isEqualTo(2);
        assertThat(Outboxes.eventsOfType(db, "ReservationChanged", proposal)).isEmpty();
    }

    /** How many of these events the consumer has processed (a redelivered copy is never counted twice). */
    private long processed(UUID... eventIds) {
        return db.sql("select count(*) as n from processed_event where consumer = 'capacity.settle-reservation' "
                        + "and event_id = any(:ids)")
                .bind("ids", eventIds)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
