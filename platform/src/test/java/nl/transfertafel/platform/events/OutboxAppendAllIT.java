package nl.transfertafel.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** {@link Outbox#append(List)} writes its events with one statement, exactly as one insert per event did. */
class OutboxAppendAllIT extends ProbeIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator tx;

    @Test
    void events_appended_together_keep_their_order_and_every_column_of_a_single_insert() {
        UUID correlation = UUID.randomUUID();
        List<NewEvent> events = List.of(Probes.referralReceived(Probes.unique("one-"), "zeeland"),
                Probes.referralReceived(Probes.unique("two-"), "utrecht"),
                Probes.referralReceived(Probes.unique("three-"), "zeeland"));

        outbox.append(events).as(tx::transactional).contextWrite(Correlation.with(correlation))
                .block(Duration.ofSeconds(30));

        List<Map<String, Object>> rows = db.sql("""
                        select id, event_id, topic, message_key, event_type, envelope, lane, trace_parent, attempts
                        from outbox where event_id in (:ids) order by id""")
                .bind("ids", events.stream().map(NewEvent::eventId).toList())
                .fetch().all().collectList().block(Duration.ofSeconds(30));
        assertThat(rows).hasSize(3);
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            Map<String, Object> row = rows.get(i); // id order is list order
            assertThat(row.get("event_id")).isEqualTo(event.eventId());
            assertThat(row.get("topic")).isEqualTo(Topics.INTAKE_REFERRAL_EVENTS);
            assertThat(row.get("message_key")).isEqualTo(event.region());
            assertThat(row.get("event_type")).isEqualTo("ReferralReceived");
            assertThat(row.get("envelope")).isEqualTo(EventJson.write(EventJson.envelop(event, correlation)));
            assertThat(row.get("lane")).isEqualTo(Outbox.laneOf(event.region(), Outbox.DEFAULT_LANES));
            assertThat(row.get("trace_parent")).isNull();
            assertThat(row.get("attempts")).isEqualTo(0);
        }
        // the relay, woken once by the statement, publishes the region's two events in list order
        try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.INTAKE_REFERRAL_EVENTS)) {
            var first = reader.await(m -> m.value().contains(events.get(0).eventId().toString()), Duration.ofSeconds(30));
            var third = reader.await(m -> m.value().contains(events.get(2).eventId().toString()), Duration.ofSeconds(30));
            assertThat(third.get(0).partition()).isEqualTo(first.get(0).partition());
            assertThat(third.get(0).offset()).isGreaterThan(first.get(0).offset());
        }
    }

    @Test
    void appending_no_events_writes_nothing() {
        long before = count();
        outbox.append(List.of()).as(tx::transactional).block(Duration.ofSeconds(30));
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return db.sql("select count(*) as n from outbox").map(row -> row.get("n", Long.class)).one()
                .block(Duration.ofSeconds(30));
    }
}
