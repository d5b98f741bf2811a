package nl.transfertafel.capacity.reservation.web;

import static nl.transfertafel.capacity.support.CapacityApi.reservation;
import static nl.transfertafel.capacity.support.CapacityApi.transferTable;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import nl.transfertafel.capacity.CapacityIntegrationTest;
import nl.transfertafel.capacity.CapacityWiring;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The anti-double-booking promise, on the real database: many reservations race for the last place. */
@CapacityIntegrationTest
class ConcurrentReservationIT {

    private static final int RACERS = 50;

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

    @Test
    void fifty_concurrent_reservations_for_the_last_place_leave_exactly_one_winner() throws Exception {
        CapacityApi api = new CapacityApi(web);
        var provider = api.register(freshAgb(), aProvider().typical().build());
        String lineId = api.announce(provider, 3, Today.of(clock), null).get("capacityLineId").asText();
        // two of the three places are taken already: one is left
        for (int i = 0; i < 2; i++) {
            api.post(transferTable(), "/api/v1/reservations", reservation(lineId, "warm-up-" + UUID.randomUUID()))
                    .expectStatus().isCreated();
        }
        WebTestClient client = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        String token = transferTable();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Integer>> racers = IntStream.range(0, RACERS).mapToObj(i -> pool.submit(() -> {
                start.await();
                return client.post().uri("/api/v1/reservations").headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("capacityLineId", lineId, "proposalId", "race-" + i + "-" + UUID.randomUUID()))
                        .exchange().returnResult(String.class).getStatus().value();
            })).toList();
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> racer : racers) {
                statuses.add(racer.get());
            }

            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(RACERS - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.sql("select places_left, state from capacity_line where id = :id").bind("id", UUID.fromString(lineId))
                .map(row -> row.get("places_left", Integer.class) + "/" + row.get("state", String.class)).one().block())
                .isEqualTo("0/FULL");
        assertThat(db.sql("select count(*) as n from reservation where capacity_line_id = :id and state = 'HELD'")
                .bind("id", UUID.fromString(lineId)).map(row -> row.get("n", Long.class)).one().block())
                .isEqualTo(3L);
    }

    @Test
    void the_same_proposal_sent_concurrently_holds_one_place_once() throws Exception {
        CapacityApi api = new CapacityApi(web);
        var provider = api.register(freshAgb(), aProvider().typical().build());
        String lineId = api.announce(provider, 5, Today.of(clock), null).get("capacityLineId").asText();
        String proposal = "twice-" + UUID.randomUUID();
        WebTestClient client = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        String token = transferTable();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> racers = IntStream.range(0, 10).mapToObj(i -> pool.submit(() -> {
                start.await();
                var result = client.post().uri("/api/v1/reservations").headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("capacityLineId", lineId, "proposalId", proposal))
                        .exchange().expectBody(Map.class).returnResult();
                return result.getStatus().value() + ":" + result.getResponseBody().get("reservationId");
            })).toList();
            start.countDown();
            List<String> answers = new java.util.ArrayList<>();
            for (Future<String> racer : racers) {
                answers.add(racer.get());
            }

            assertThat(answers).filteredOn(a -> a.startsWith("201:")).hasSize(1);
            assertThat(answers).filteredOn(a -> a.startsWith("200:")).hasSize(9);
            assertThat(answers.stream().map(a -> a.substring(4)).distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.sql("select places_left from capacity_line where id = :id").bind("id", UUID.fromString(lineId))
                .map(row -> row.get("places_left", Integer.class)).one().block()).isEqualTo(4);
    }
}
