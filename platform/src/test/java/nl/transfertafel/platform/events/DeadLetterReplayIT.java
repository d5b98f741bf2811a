package nl.transfertafel.platform.events;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.platform.events.deadletter.DeadLetters;
import nl.transfertafel.platform.probe.ProbeApplication;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.security.DemoUsers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A consumer bug dead-letters an event; once fixed, an admin replays it and its effect runs exactly once. */
class DeadLetterReplayIT extends ProbeIntegrationTest {

    @Autowired
    DatabaseClient db;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    WebTestClient web;

    @Test
    void a_dead_lettered_event_is_listed_replayed_once_and_then_gone() {
        NewEvent event = Probes.referralReceived(Probes.unique("heal-"), "rotterdam");
        ProbeApplication.REFUSED.add(event.aggregateId());
        publish(EventJson.write(EventJson.envelop(event, UUID.randomUUID())));

        await().atMost(Duration.ofSeconds(60)).until(() -> pendingIds().contains(event.eventId().toString()));
        assertThat(effects(event.aggregateId())).isZero();
        var listed = deadLetters.pending().stream()
                .filter(letter -> event.eventId().toString().equals(letter.eventId())).findFirst().orElseThrow();
        assertThat(listed.type()).isEqualTo("ReferralReceived");
        assertThat(listed.region()).isEqualTo("rotterdam");
        assertThat(listed.error()).contains("probe refuses");

        ProbeApplication.REFUSED.remove(event.aggregateId());   // the bug is fixed
        web.post().uri("/api/v1/admin/dead-letters/replay")
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.ADMIN)))
                .exchange().expectStatus().isOk();

        assertThat(effects(event.aggregateId())).isEqualTo(1);
        assertThat(pendingIds()).doesNotContain(event.eventId().toString());
        deadLetters.replay(java.util.Optional.empty());
        assertThat(effects(event.aggregateId())).isEqualTo(1);
    }

    @Test
    void an_event_that_fails_again_stays_dead_lettered_without_blocking_the_others() {
        NewEvent stillBroken = Probes.referralReceived(Probes.unique("fail-"), "rotterdam");
        NewEvent fixed = Probes.referralReceived(Probes.unique("heal-"), "rotterdam");
        ProbeApplication.REFUSED.add(fixed.aggregateId());
        publish(EventJson.write(EventJson.envelop(stillBroken, UUID.randomUUID())));
        publish(EventJson.write(EventJson.envelop(fixed, UUID.randomUUID())));
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingIds()
                .containsAll(List.of(stillBroken.eventId().toString(), fixed.eventId().toString())));

        ProbeApplication.REFUSED.remove(fixed.aggregateId());
        deadLetters.replay(java.util.Optional.empty());

        assertThat(effects(fixed.aggregateId())).isEqualTo(1);
        assertThat(effects(stillBroken.aggregateId())).isZero();
        var again = deadLetters.pending().stream()
                .filter(letter -> stillBroken.eventId().toString().equals(letter.eventId())).toList();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).replayAttempts()).isEqualTo(1);
    }

    @Test
    void only_admins_see_dead_letters() {
        web.get().uri("/api/v1/admin/dead-letters")
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.COORDINATOR_A)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/admin/dead-letters")
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.ADMIN)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$").isArray();
    }

    private List<String> pendingIds() {
        return deadLetters.pending().stream().map(DeadLetters.DeadLetter::eventId).toList();
    }

    private void publish(String value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap());
        try (var producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTAKE_REFERRAL_EVENTS, "rotterdam".getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long effects(String aggregateId) {
        return db.sql("select count(*) as n from probe_effect where aggregate_id = :id").bind("id", aggregateId)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
