package nl.transfertafel.transfertable.flow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import nl.transfertafel.transfertable.TransferTableIntegrationTest;
import nl.transfertafel.transfertable.TransferTableWiring;
import nl.transfertafel.transfertable.support.Api;
import nl.transfertafel.transfertable.support.Events;
import nl.transfertafel.transfertable.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the transfer table's flow tests share: the one test context on the real engines, the events
 * they publish as intake and capacity would, the REST client, the moved clock, and reading what the
 * table published on {@code transfer.events}.
 */
@TransferTableIntegrationTest
abstract class FlowScenarios {

    static final Duration WAIT = Duration.ofSeconds(45);
    static Events EVENTS;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        TransferTableWiring.register(registry);
    }

    @BeforeAll
    static void openEvents() {
        EVENTS = new Events();
    }

    @AfterAll
    static void closeEvents() {
        EVENTS.close();
    }

    @Autowired
    WebTestClient web;
    @Autowired
    MutableClock clock;
    @Autowired
    DatabaseClient db;
    Api api;

    @BeforeEach
    void api() {
        api = new Api(web);
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    long count(String sql, String value) {
        return db.sql(sql).bind("v", value).map(row -> row.get(0, Long.class)).one().block();
    }

    static List<EventEnvelope> onKafka(Predicate<EventEnvelope> match) {
        return onKafka(match, WAIT);
    }

    static List<EventEnvelope> onKafka(Predicate<EventEnvelope> match, Duration timeout) {
        try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.TRANSFER_EVENTS)) {
            return reader.await(m -> match.test(EventJson.read(m.value())), timeout).stream()
                    .map(m -> EventJson.read(m.value())).toList();
        }
    }

    /** An event of this type whose payload names the proposal, referral or other id given. */
    static Predicate<EventEnvelope> typeFor(Class<?> type, String id) {
        return e -> e.type().equals(type.getSimpleName()) && e.payload().toString().contains(id);
    }
}
