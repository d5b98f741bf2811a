package nl.transfertafel.platform.events;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import nl.transfertafel.contracts.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Sent outbox rows and the consumer ledger are purged after their retention, and only then. */
class OutboxHousekeepingIT extends ProbeIntegrationTest {

    @Autowired
    DatabaseClient db;
    @Autowired
    OutboxHousekeeping housekeeping;

    @Test
    void rows_past_their_retention_go_and_younger_or_unsent_rows_stay() {
        UUID sentLongAgo = outboxRow("now() - interval '4 days'", "now() - interval '4 days'");
        UUID sentRecently = outboxRow("now() - interval '1 day'", "now() - interval '1 day'");
        UUID neverSentOld = outboxRowParked("now() - interval '30 days'");
        UUID processedLongAgo = processed("now() - interval '15 days'");
        UUID processedRecently = processed("now() - interval '13 days'");

        housekeeping.runOnce();

        assertThat(count("outbox", sentLongAgo)).isZero();
        assertThat(count("outbox", sentRecently)).isEqualTo(1);
        assertThat(count("outbox", neverSentOld)).isEqualTo(1);
        assertThat(count("processed_event", processedLongAgo)).isZero();
        assertThat(count("processed_event", processedRecently)).isEqualTo(1);
    }

    private UUID outboxRow(String createdAt, String publishedAt) {
        UUID id = UUID.randomUUID();
        db.sql("insert into outbox (event_id, topic, message_key, event_type, envelope, created_at, published_at) "
                        + "values (:id, :topic, 'utrecht', 'ReferralReceived', '{}', " + createdAt + ", " + publishedAt + ")")
                .bind("id", id).bind("topic", Topics.INTAKE_REFERRAL_EVENTS).then().block(Duration.ofSeconds(30));
        return id;
    }

    /** Parked, so the relay leaves it alone; never sent, so no retention applies to it. */
    private UUID outboxRowParked(String createdAt) {
        UUID id = UUID.randomUUID();
        db.sql("insert into outbox (event_id, topic, message_key, event_type, envelope, created_at, parked_at) "
                        + "values (:id, :topic, 'utrecht', 'ReferralReceived', '{}', " + createdAt + ", now())")
                .bind("id", id).bind("topic", Topics.INTAKE_REFERRAL_EVENTS).then().block(Duration.ofSeconds(30));
        return id;
    }

    private UUID processed(String processedAt) {
        UUID id = UUID.randomUUID();
        db.sql("insert into processed_event (consumer, event_id, event_type, processed_at) "
                        + "values ('housekeeping-test', :id, 'ReferralReceived', " + processedAt + ")")
                .bind("id", id).then().block(Duration.ofSeconds(30));
        return id;
    }

    private long count(String table, UUID eventId) {
        return db.sql("select count(*) as n from " + table + " where event_id = :id").bind("id", eventId)
                .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(30));
    }
}
