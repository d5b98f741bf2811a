package nl.transfertafel.harness.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import nl.transfertafel.harness.invariants.Expectations.AcceptedReferral;
import nl.transfertafel.harness.invariants.InvariantReport.Kind;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The invariant checker on the embedded PostgreSQL and Kafka, against the services' real migrations:
 * a clean world passes, and each broken promise seeded into the tables or topics is found and counted.
 */
class InvariantCheckerTest {

    private static final String GP = "01000001";
    private static final String RECEIVER_ORG = "22000001";
    /** when the receiver's webhooks were registered: before every delivery the tests seed */
    private static final java.time.Instant SINCE = java.time.Instant.now().minusSeconds(3600);
    /** a receiver registered just now: the clean world's delivery (created now) counts, the older one does not */
    private static final java.time.Instant SINCE_NOW = java.time.Instant.now().minusSeconds(1800);

    private SeededDatabases db;
    private UUID referral;
    private UUID delivery;

    @BeforeEach
    void a_clean_world() {
        db = new SeededDatabases();
        referral = UUID.randomUUID();
        delivery = UUID.randomUUID();
        referral(referral, "pseudo-" + referral);
        db.sql(Databases.CAPACITY, line("11111111-1111-1111-1111-111111111111", 2, 1),
                reservation("11111111-1111-1111-1111-111111111111", "p-1", "HELD"));
        db.sql(Databases.TRANSFER_TABLE, proposal("p-1", referral, "OFFERED", "r-1"),
                approval("p-1", "coordinator-a", "22000001"), approval("p-1", "coordinator-b", "22000002"));
        db.sql(Databases.NOTIFICATION, delivery(delivery, RECEIVER_ORG, "DELIVERED"));
    }

    @Test
    void a_clean_world_holds() {
        InvariantReport report = check(expected());

        assertThat(report.holds()).as(report.toString()).isTrue();
    }

    @Test
    void a_referral_answered_201_but_missing_from_the_transfer_table_is_lost() {
        UUID missing = UUID.randomUUID();
        db.sql(Databases.INTAKE, referralRow(missing, "pseudo-" + missing), entryRow(missing, "pseudo-" + missing));

        InvariantReport report = check(expected(missing));

        assertThat(report.count(Kind.LOST)).isEqualTo(1);
        assertThat(report.examples(Kind.LOST).get(0)).contains(missing.toString(), "transfer table");
    }

    @Test
    void a_referral_that_never_reached_intake_is_lost_twice_over() {
        UUID phantom = UUID.randomUUID();

        InvariantReport report = check(expected(phantom));

        // not in intake, and not in the transfer table either
        assertThat(report.count(Kind.LOST)).isEqualTo(2);
    }

    @Test
    void a_referral_on_another_practices_worklist_is_lost_for_its_gp() {
        InvariantReport report = check(new Expectations(List.of(new AcceptedReferral(referral, "01999999", "rotterdam")),
                Set.of(RECEIVER_ORG), Map.of(delivery, 1), SINCE));

        assertThat(report.count(Kind.LOST)).isEqualTo(1);
        assertThat(report.examples(Kind.LOST).get(0)).contains("worklist");
    }

    @Test
    void the_same_client_registered_twice_is_a_duplicate() {
        UUID again = UUID.randomUUID();
        db.sql(Databases.INTAKE, referralRow(again, "pseudo-" + referral));

        InvariantReport report = check(expected());

        assertThat(report.count(Kind.DUPLICATED)).isEqualTo(1);
    }

    @Test
    void a_client_in_two_open_proposals_is_a_duplicate_even_without_the_unique_index() {
        db.sql(Databases.TRANSFER_TABLE, "drop index proposal_one_open_per_client",
                "drop index proposal_one_open_per_pseudonym", proposal("p-2", referral, "PROPOSED", null));

        InvariantReport report = check(expected());

        assertThat(report.count(Kind.DUPLICATED)).isEqualTo(1);
        assertThat(report.examples(Kind.DUPLICATED).get(0)).contains(referral.toString(), "2 open proposals");
    }

    @Test
    void a_line_with_more_reservations_than_places_is_oversold() {
        String line = "22222222-2222-2222-2222-222222222222";
        db.sql(Databases.CAPACITY, line(line, 1, 0), reservation(line, "p-7", "HELD"), reservation(line, "p-8", "CONFIRMED"),
                reservation(line, "p-9", "RELEASED"));

        InvariantReport report = check(expected());

        assertThat(report.count(Kind.OVERSOLD)).isEqualTo(1);
        assertThat(report.examples(Kind.OVERSOLD).get(0)).contains(line, "2 reservations for 1 places");
    }

    @Test
    void an_offer_with_one_approval_is_unapproved() {
        UUID other = UUID.randomUUID();
        referral(other, "pseudo-" + other);
        db.sql(Databases.TRANSFER_TABLE, proposal("p-3", other, "OFFERED", "r-3"), approval("p-3", "coordinator-a", "22000002"));

        InvariantReport report = check(expected(other));

        assertThat(report.count(Kind.UNAPPROVED_OFFERS)).isEqualTo(1);
        assertThat(report.examples(Kind.UNAPPROVED_OFFERS).get(0)).contains("p-3", "1 distinct approver");
    }

    @Test
    void an_offer_approved_only_by_the_clients_own_provider_is_unapproved() {
        UUID other = UUID.randomUUID();
        referral(other, "pseudo-" + other);
        // the client's current provider is 22000009 (see proposal(...)); both approvers work there
        db.sql(Databases.TRANSFER_TABLE, proposal("p-4", other, "COMPLETED", "r-4"),
                approval("p-4", "coordinator-x", "22000009"), approval("p-4", "coordinator-y", "22000009"));

        InvariantReport report = check(expected(other));

        assertThat(report.count(Kind.UNAPPROVED_OFFERS)).isEqualTo(1);
    }

    @Test
    void a_proposal_that_lapsed_in_screening_needs_no_approvals() {
        UUID other = UUID.randomUUID();
        referral(other, "pseudo-" + other);
        db.sql(Databases.TRANSFER_TABLE, proposal("p-5", other, "LAPSED", null));

        InvariantReport report = check(expected(other));

        assertThat(report.holds()).as(report.toString()).isTrue();
    }

    @Test
    void a_proposal_that_lapsed_after_its_place_was_reserved_needs_two_approvals() {
        UUID other = UUID.randomUUID();
        referral(other, "pseudo-" + other);
        db.sql(Databases.TRANSFER_TABLE, proposal("p-6", other, "LAPSED", "r-6"));

        InvariantReport report = check(expected(other));

        assertThat(report.count(Kind.UNAPPROVED_OFFERS)).isEqualTo(1);
    }

    @Test
    void deliveries_from_before_the_receiver_was_registered_are_not_held_against_it() {
        db.sql(Databases.NOTIFICATION, delivery(UUID.randomUUID(), RECEIVER_ORG, "DELIVERED")
                .replace("now(), now())", "now(), now() - interval '2 hours')"));

        InvariantReport report = check(expected());

        assertThat(report.holds()).as(report.toString()).isTrue();
    }

    @Test
    void an_older_pending_delivery_that_reaches_the_new_receiver_once_is_no_duplicate() {
        UUID older = UUID.randomUUID();
        db.sql(Databases.NOTIFICATION, delivery(older, RECEIVER_ORG, "DELIVERED")
                .replace("now(), now())", "now(), now() - interval '2 hours')"));

        InvariantReport report = check(new Expectations(List.of(new AcceptedReferral(referral, GP, "rotterdam")),
                Set.of(RECEIVER_ORG), Map.of(delivery, 1, older, 1), SINCE_NOW));

        assertThat(report.holds()).as(report.toString()).isTrue();
    }

    @Test
    void a_notification_received_twice_under_one_id_is_a_redelivery_and_one_never_received_is_lost() {
        UUID neverArrived = UUID.randomUUID();
        db.sql(Databases.NOTIFICATION, delivery(neverArrived, RECEIVER_ORG, "DELIVERED"));

        InvariantReport report = check(new Expectations(List.of(new AcceptedReferral(referral, GP, "rotterdam")),
                Set.of(RECEIVER_ORG), Map.of(delivery, 2), SINCE));

        assertThat(report.count(Kind.DUPLICATED)).isZero();
        assertThat(report.redeliveries()).isEqualTo(1);
        assertThat(report.asFigures()).containsEntry("webhook_redeliveries", 1L);
        assertThat(report.count(Kind.LOST)).isEqualTo(1);
        assertThat(report.examples(Kind.LOST).get(0)).contains(neverArrived.toString());
    }

    @Test
    void a_dead_delivery_and_an_unpublished_outbox_row_are_left_over() {
        db.sql(Databases.NOTIFICATION, delivery(UUID.randomUUID(), "01000002", "DEAD"));
        db.sql(Databases.INTAKE, "insert into outbox (event_id, topic, message_key, event_type, envelope) values ('"
                + UUID.randomUUID() + "', 'intake.referral-events', 'rotterdam', 'ReferralReceived', '{}')");

        InvariantReport report = check(expected());

        assertThat(report.count(Kind.DEAD_LETTERS_LEFT)).isEqualTo(1);
        assertThat(report.count(Kind.OUTBOX_BACKLOG)).isEqualTo(1);
    }

    @Test
    void events_of_one_aggregate_published_against_commit_order_and_pending_dead_letters_are_found() throws Exception {
        String bootstrap = SharedEngines.kafkaBootstrap();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // a topic name of its own per run, mapped to capacity-service's outbox like capacity.events
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        db.sql(Databases.CAPACITY, outboxRow(first, "line-a"), outboxRow(second, "line-a"), outboxRow(third, "line-b"));
        String topic = "capacity.events";
        String deadLetters = "error." + topic + ".transfer-table-service-" + suffix;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var existing = admin.listTopics().names().get();
            if (existing.contains(topic)) {
                admin.deleteTopics(List.of(topic)).all().get();
                org.awaitility.Awaitility.await().until(() -> !admin.listTopics().names().get().contains(topic));
            }
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(deadLetters, 1, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            // the second event of line-a is published before the first; line-b is alone; a redelivery is no breach
            producer.send(new ProducerRecord<>(topic, "rotterdam", envelope(second, "line-a"))).get();
            producer.send(new ProducerRecord<>(topic, "rotterdam", envelope(first, "line-a"))).get();
            producer.send(new ProducerRecord<>(topic, "rotterdam", envelope(third, "line-b"))).get();
            producer.send(new ProducerRecord<>(topic, "rotterdam", envelope(third, "line-b"))).get();
            producer.send(new ProducerRecord<>(deadLetters, "rotterdam", envelope(UUID.randomUUID(), "line-c"))).get();
            producer.send(new ProducerRecord<>(deadLetters, "rotterdam", envelope(UUID.randomUUID(), "line-c"))).get();
        }
        db.sql(Databases.CAPACITY, "update outbox set published_at = now()");

        InvariantReport report = new InvariantChecker(db, new TopicScan(bootstrap)).check(expected());

        assertThat(report.count(Kind.OUT_OF_ORDER)).as(report.toString()).isEqualTo(1);
        assertThat(report.examples(Kind.OUT_OF_ORDER).get(0)).contains(first.toString(), "line-a");
        assertThat(report.count(Kind.DEAD_LETTERS_LEFT)).as(report.toString()).isEqualTo(2);
    }

    @Test
    void a_consumer_that_processed_an_aggregates_events_against_commit_order_is_found() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        db.sql(Databases.TRANSFER_TABLE,
                "insert into processed_event (consumer, event_id, event_type, processed_at) values ('projectCapacity', '"
                        + second + "', 'CapacityLineChanged', now() - interval '1 second')",
                "insert into processed_event (consumer, event_id, event_type, processed_at) values ('projectCapacity', '"
                        + first + "', 'CapacityAnnounced', now())");
        InvariantReport report = new InvariantReport();

        new InvariantChecker(db, null).consumedInCommitOrder(Map.of(first, "line-a", second, "line-a"),
                Map.of(first, 1L, second, 2L), report);

        assertThat(report.count(Kind.OUT_OF_ORDER)).isEqualTo(1);
    }

    // --- seeding

    private InvariantReport check(Expectations expectations) {
        return new InvariantChecker(db, null).check(expectations);
    }

    private Expectations expected(UUID... more) {
        List<AcceptedReferral> referrals = new java.util.ArrayList<>(List.of(new AcceptedReferral(referral, GP, "rotterdam")));
        for (UUID id : more) {
            referrals.add(new AcceptedReferral(id, GP, "rotterdam"));
        }
        return new Expectations(referrals, Set.of(RECEIVER_ORG), Map.of(delivery, 1), SINCE);
    }

    private void referral(UUID id, String pseudonym) {
        db.sql(Databases.INTAKE, referralRow(id, pseudonym), entryRow(id, pseudonym));
        db.sql(Databases.TRANSFER_TABLE, "insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb,"
                + " has_referral, recorded_at, updated_at) values ('" + id + "', 'rotterdam', '" + pseudonym + "', '" + GP
                + "', true, now(), now())");
    }

    private static String referralRow(UUID id, String pseudonym) {
        return "insert into referral (id, client_pseudonym, referrer_agb, region, postcode_area, age_band, insurer_uzovi,"
                + " diagnosis_group, care_level, urgency, e_health_acceptable, wait_for_preferred_provider, screening_consent,"
                + " registered_on, source, registered_by, created_at) values ('" + id + "', '" + pseudonym + "', '" + GP
                + "', 'rotterdam', '3011', '30-39', '3311', 'DEPRESSION', 'SPECIALIST', 'REGULAR', true, false, true,"
                + " current_date, 'GP', 'huisarts', now())";
    }

    private static String entryRow(UUID id, String pseudonym) {
        return "insert into waiting_entry (referral_id, region, client_pseudonym, referrer_agb, placement, waiting_status,"
                + " stage, diagnosis_group, urgency, registered_on, status_confirmed_on, stale, last_change, version, updated_at)"
                + " values ('" + id + "', 'rotterdam', '" + pseudonym + "', '" + GP + "', 'UNPLACED_NO_PROVIDER',"
                + " 'ACTIVE_PLACEMENT', 'WAITING', 'DEPRESSION', 'REGULAR', current_date, current_date, false, 'REGISTERED', 0, now())";
    }

    private static String line(String id, int total, int left) {
        return "insert into capacity_line (id, provider_agb, provider_type, region, location_postcode_area, diagnosis_groups,"
                + " care_level, places_total, places_left, available_from, state, announced_at, confirmed_at, version) values ('"
                + id + "', '22000001', 'GGZ_INSTITUTION', 'rotterdam', '3012', 'DEPRESSION', 'SPECIALIST', " + total + ", " + left
                + ", current_date, 'OPEN', now(), now(), 0)";
    }

    private static String reservation(String line, String proposal, String state) {
        return "insert into reservation (id, capacity_line_id, proposal_id, provider_agb, region, state, expires_at,"
                + " created_at, updated_at, version) values ('" + UUID.randomUUID() + "', '" + line + "', '" + proposal
                + "', '22000001', 'rotterdam', '" + state + "', now() + interval '1 day', now(), now(), 0)";
    }

    private static String proposal(String id, UUID referral, String state, String reservation) {
        return "insert into proposal (proposal_id, region, referral_id, client_pseudonym, capacity_line_id,"
                + " receiving_provider_agb, current_provider_agb, referrer_agb, origin, diagnosis_group, urgency, state,"
                + " reservation_id, explanation, created_at, updated_at) values ('" + id + "', 'rotterdam', '" + referral
                + "', 'pseudo-" + referral + "', '11111111-1111-1111-1111-111111111111', '22000001', '22000009', '" + GP + "', 'ENGINE',"
                + " 'DEPRESSION', 'REGULAR', '" + state + "', " + (reservation == null ? "null" : "'" + reservation + "'")
                + ", '{}', now(), now())";
    }

    private static String approval(String proposal, String coordinator, String organisation) {
        return "insert into proposal_approval (proposal_id, coordinator, organisation, approved_at) values ('" + proposal
                + "', '" + coordinator + "', '" + organisation + "', now())";
    }

    private static String delivery(UUID id, String recipient, String status) {
        return "insert into delivery (id, event_id, event_type, occurred_at, region, recipient, channel, notice,"
                + " subject_kind, subject_id, status, next_attempt_at, created_at) values ('" + id + "', '" + UUID.randomUUID()
                + "', 'TransferOffered', now(), 'rotterdam', '" + recipient + "', 'WEBHOOK', 'OFFER_MADE', 'PROPOSAL', 'p-1', '"
                + status + "', now(), now())";
    }

    private static String outboxRow(UUID eventId, String aggregate) {
        return "insert into outbox (event_id, topic, message_key, event_type, envelope) values ('" + eventId
                + "', 'capacity.events', 'rotterdam', 'CapacityLineChanged', '" + envelope(eventId, aggregate) + "')";
    }

    private static String envelope(UUID eventId, String aggregate) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"CapacityLineChanged\",\"schemaVersion\":1,\"region\":\"rotterdam\","
                + "\"aggregateId\":\"" + aggregate + "\",\"payload\":{}}";
    }
}
