package nl.transfertafel.platform.events;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.platform.jobs.PeriodicJob;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** A region's events leave in commit order however many relays run (issue 10, defect 1). */
class OutboxOrderIT extends ProbeIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier("outboxRelayJob")
    PeriodicJob relayJob;

    @Test
    void a_second_relay_instance_never_overtakes_the_first_within_a_region() throws Exception {
        NewEvent first = Probes.referralReceived(Probes.unique("first-"), "zeeland");
        NewEvent second = Probes.referralReceived(Probes.unique("second-"), "zeeland");
        relayJob.stop(); // this service's own relay stays out of the way: the test plays two instances
        try (GatedPublisher slow = new GatedPublisher(SharedEngines.kafkaBootstrap(), first.eventId().toString());
                KafkaPublisher fast = new KafkaPublisher(SharedEngines.kafkaBootstrap(), 32, (short) 1)) {
            OutboxRelay instanceA = new OutboxRelay(db, tx, slow, meters, 200);
            OutboxRelay instanceB = new OutboxRelay(db, tx, fast, meters, 200);

            append(first);
            CompletableFuture<Void> relayingA = CompletableFuture.runAsync(instanceA::drain);
            slow.awaitHeld(); // instance A is sending the region's first event
            append(second);
            instanceB.drain(); // instance B runs meanwhile and must not publish the second event first

            assertThat(publishedAt(second)).isEmpty();
            slow.release();
            relayingA.get(60, TimeUnit.SECONDS);
            instanceB.drain();
            instanceA.drain();

            assertThat(publishedAt(first)).isPresent();
            assertThat(publishedAt(second)).isPresent();
            try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.INTAKE_REFERRAL_EVENTS)) {
                var firstSent = reader.await(m -> m.value().contains(first.eventId().toString()), Duration.ofSeconds(30));
                var secondSent = reader.await(m -> m.value().contains(second.eventId().toString()), Duration.ofSeconds(30));
                assertThat(firstSent).isNotEmpty();
                assertThat(secondSent).isNotEmpty();
                assertThat(secondSent.get(0).partition()).isEqualTo(firstSent.get(0).partition());
                assertThat(secondSent.get(0).offset()).isGreaterThan(firstSent.get(firstSent.size() - 1).offset());
            }
        } finally {
            relayJob.start();
        }
    }

    @Test
    void an_event_committed_later_is_published_later_even_with_a_lower_outbox_id() throws Exception {
        NewEvent early = Probes.referralReceived(Probes.unique("written-first-"), "zeeland");
        NewEvent late = Probes.referralReceived(Probes.unique("committed-first-"), "zeeland");
        CompletableFuture<Void> appended = new CompletableFuture<>();
        CompletableFuture<Void> commit = new CompletableFuture<>();
        CompletableFuture<Void> committed = outbox.append(early)
                .then(Mono.fromRunnable(() -> appended.complete(null)))
                .then(Mono.fromFuture(commit))
                .as(tx::transactional)
                .toFuture();
        appended.get(30, TimeUnit.SECONDS); // the early event has its outbox id; its transaction is still open

        append(late);
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(late).isPresent());
        commit.complete(null);
        committed.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(early).isPresent());

        assertThat(outboxId(early)).isLessThan(outboxId(late));
        try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.INTAKE_REFERRAL_EVENTS)) {
            var earlySent = reader.await(m -> m.value().contains(early.eventId().toString()), Duration.ofSeconds(30));
            var lateSent = reader.await(m -> m.value().contains(late.eventId().toString()), Duration.ofSeconds(30));
            assertThat(earlySent.get(0).offset()).isGreaterThan(lateSent.get(0).offset());
        }
    }

    private void append(NewEvent event) {
        outbox.append(event).as(tx::transactional).block(Duration.ofSeconds(30));
    }

    private Optional<OffsetDateTime> publishedAt(NewEvent event) {
        return db.sql("select published_at from outbox where event_id = :id").bind("id", event.eventId())
                .map(row -> Optional.ofNullable(row.get("published_at", OffsetDateTime.class)))
                .one().blockOptional(Duration.ofSeconds(30)).flatMap(found -> found);
    }

    private long outboxId(NewEvent event) {
        return db.sql("select id from outbox where event_id = :id").bind("id", event.eventId())
                .map(row -> row.get("id", Long.class)).one().block(Duration.ofSeconds(30));
    }
}
