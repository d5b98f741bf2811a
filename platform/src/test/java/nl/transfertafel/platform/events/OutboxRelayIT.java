package nl.transfertafel.platform.events;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.testkit.engines.KafkaEngine;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

class OutboxRelayIT extends ProbeIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    OutboxRelay relay;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("outboxRelayJob")
    nl.transfertafel.platform.jobs.PeriodicJob relayJob;

    @Test
    void an_event_written_with_its_state_change_reaches_kafka_keyed_by_region_and_is_marked_sent() {
        NewEvent event = Probes.referralReceived(Probes.unique("ok-"), "utrecht");

        stateChangeWith(event).block();

        try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.INTAKE_REFERRAL_EVENTS)) {
            var found = reader.await(m -> m.value().contains(event.eventId().toString()), Duration.ofSeconds(30));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).key()).isEqualTo("utrecht");
            EventEnvelope envelope = EventJson.read(found.get(0).value());
            assertThat(envelope.eventId()).isEqualTo(event.eventId());
            assertThat(EventSchemas.violations(envelope)).isEmpty();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(event) != null);
        // and a Spring Cloud Stream consumer of the topic runs its effect for it
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event) == 1);
    }

    @Test
    void an_event_leaves_when_its_transaction_commits_not_when_the_relay_polls() {
        // platform-test.yml sets the relay's fallback poll to 10 minutes: only the wake-up can send it
        double wakeUpsBefore = meters.counter("transfertafel.outbox.wake-ups").count();
        NewEvent event = Probes.referralReceived(Probes.unique("woken-"), "utrecht");

        stateChangeWith(event).block();

        await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(event) != null);
        assertThat(meters.counter("transfertafel.outbox.wake-ups").count()).isGreaterThan(wakeUpsBefore);
    }

    @Test
    void the_backlog_gauges_show_what_waits_and_fall_back_to_zero() {
        relayJob.stop();
        NewEvent waiting = Probes.referralReceived(Probes.unique("waiting-"), "utrecht");
        try {
            stateChangeWith(waiting).block();
            relay.refreshGauges();
            assertThat(meters.get("transfertafel.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(meters.get("transfertafel.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(0);
        } finally {
            relayJob.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(waiting) != null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("transfertafel.outbox.backlog").gauge().value() == 0);
    }

    @Test
    void a_state_change_that_fails_takes_its_event_with_it() {
        NewEvent event = Probes.referralReceived(Probes.unique("rolled-back-"), "utrecht");

        Mono<Void> failing = stateChangeWith(event)
                .then(Mono.error(new IllegalStateException("the state change fails after the outbox write")));
        assertThatThrownBy(() -> failing.as(tx::transactional).block()).hasMessageContaining("fails");

        assertThat(outboxRows(event)).isZero();
    }

    @Test
    void an_event_that_breaks_its_schema_never_enters_the_outbox() {
        NewEvent event = Probes.referralReceived(Probes.unique("bad-"), "Not A Region!");

        assertThatThrownBy(() -> stateChangeWith(event).block()).hasMessageContaining("breaks its contract");
        assertThat(outboxRows(event)).isZero();
    }

    @Test
    void a_broker_outage_delays_events_but_loses_none() {
        KafkaEngine kafka = SharedEngines.embeddedKafka();
        NewEvent event = Probes.referralReceived(Probes.unique("outage-"), "rotterdam");
        kafka.stop();
        try {
            stateChangeWith(event).block();
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(event) > 0);
            assertThat(publishedAt(event)).isNull();
        } finally {
            kafka.restart();
        }

        try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.INTAKE_REFERRAL_EVENTS)) {
            var found = reader.await(m -> m.value().contains(event.eventId().toString()), Duration.ofSeconds(60));
            assertThat(found).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(event) != null);
    }

    private Mono<Void> stateChangeWith(NewEvent event) {
        return db.sql("insert into probe_state (id, note) values (:id, 'changed')")
                .bind("id", event.aggregateId())
                .then()
                .then(outbox.append(event))
                .as(tx::transactional);
    }

    private long outboxRows(NewEvent event) {
        return db.sql("select count(*) as n from outbox where event_id = :id").bind("id", event.eventId())
                .map(row -> row.get("n", Long.class)).one().block()
                + db.sql("select count(*) as n from probe_state where id = :id").bind("id", event.aggregateId())
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private long effects(NewEvent event) {
        return db.sql("select count(*) as n from probe_effect where event_id = :id").bind("id", event.eventId())
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private Object publishedAt(NewEvent event) {
        return db.sql("select published_at from outbox where event_id = :id").bind("id", event.eventId())
                .map(row -> java.util.Optional.ofNullable(row.get("published_at", java.time.OffsetDateTime.class)))
                .one().block().orElse(null);
    }

    private int attempts(NewEvent event) {
        return db.sql("select attempts from outbox where event_id = :id").bind("id", event.eventId())
                .map(row -> row.get("attempts", Integer.class)).one().block();
    }
}
