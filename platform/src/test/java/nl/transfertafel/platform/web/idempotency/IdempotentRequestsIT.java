package nl.transfertafel.platform.web.idempotency;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import nl.transfertafel.platform.probe.ProbeGate;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class IdempotentRequestsIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void a_replayed_key_with_the_same_body_returns_the_first_answer_and_runs_once() {
        String key = UUID.randomUUID().toString();
        String note = unique("same-");

        var first = post(DemoUsers.GP, key, body(note, 1)).expectStatus().isCreated()
                .expectHeader().doesNotExist(IdempotentRequests.REPLAYED_HEADER)
                .expectBody(String.class).returnResult();
        var second = post(DemoUsers.GP, key, body(note, 1)).expectStatus().isCreated()
                .expectHeader().valueEquals(IdempotentRequests.REPLAYED_HEADER, "true")
                .expectBody(String.class).returnResult();

        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(rows(note)).isEqualTo(1);
        assertThat(ProbeGate.runs(note)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_body_is_a_409_problem_and_runs_nothing() {
        String key = UUID.randomUUID().toString();
        String note = unique("diff-");
        post(DemoUsers.GP, key, body(note, 1)).expectStatus().isCreated();

        post(DemoUsers.GP, key, body(note, 2)).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("idempotency-key-reused");
        assertThat(rows(note)).isEqualTo(1);
        assertThat(ProbeGate.runs(note)).isEqualTo(1);
    }

    @Test
    void keys_are_scoped_per_caller() {
        String key = UUID.randomUUID().toString();
        String note = unique("scoped-");

        String mine = post(DemoUsers.GP, key, body(note, 1)).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        String theirs = post(DemoUsers.PROVIDER, key, body(note, 1)).expectStatus().isCreated()
                .expectHeader().doesNotExist(IdempotentRequests.REPLAYED_HEADER)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(theirs).isNotEqualTo(mine);
        assertThat(rows(note)).isEqualTo(2);
    }

    @Test
    void a_failed_request_keeps_no_key_so_its_retry_runs_again() {
        String key = UUID.randomUUID().toString();
        String note = unique("fail-");

        post(DemoUsers.GP, key, body(note, 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("probe-rule");
        post(DemoUsers.GP, key, body(note, 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("probe-rule");

        assertThat(ProbeGate.runs(note)).isEqualTo(2);
        assertThat(rows(note)).isZero();
        assertThat(keys(key)).isZero();
    }

    @Test
    void without_a_key_every_request_runs() {
        String note = unique("nokey-");
        post(DemoUsers.GP, null, body(note, 1)).expectStatus().isCreated();
        post(DemoUsers.GP, null, body(note, 1)).expectStatus().isCreated();

        assertThat(rows(note)).isEqualTo(2);
    }

    @Test
    void a_malformed_key_is_a_validation_problem_naming_the_header() {
        post(DemoUsers.GP, "x".repeat(201), body(unique("long-"), 1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(IdempotentRequests.HEADER)
                .jsonPath("$.errors[0].rule").isEqualTo("IdempotencyKey");
    }

    @Test
    void a_concurrent_duplicate_waits_for_the_first_and_replays_its_answer() {
        String key = UUID.randomUUID().toString();
        String note = unique("race-");
        ProbeGate.hold(note);
        try {
            CompletableFuture<EntityExchangeResult<String>> first = CompletableFuture.supplyAsync(() ->
                    post(DemoUsers.GP, key, body(note, 1)).expectBody(String.class).returnResult());
            // the first request is inside its transaction, holding the key
            await().atMost(Duration.ofSeconds(20)).until(() -> ProbeGate.runs(note) == 1);

            CompletableFuture<EntityExchangeResult<String>> second = CompletableFuture.supplyAsync(() ->
                    post(DemoUsers.GP, key, body(note, 1)).expectBody(String.class).returnResult());
            // the duplicate blocks on the key's primary key until the first transaction ends
            await().atMost(Duration.ofSeconds(20)).until(() -> sessionsWaitingOnALock() >= 1);
            assertThat(ProbeGate.runs(note)).isEqualTo(1);

            ProbeGate.release(note);
            var one = first.join();
            var two = second.join();

            assertThat(one.getStatus().value()).isEqualTo(201);
            assertThat(two.getStatus().value()).isEqualTo(201);
            assertThat(two.getResponseHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
            assertThat(two.getResponseBody()).isEqualTo(one.getResponseBody());
            assertThat(ProbeGate.runs(note)).isEqualTo(1);
            assertThat(rows(note)).isEqualTo(1);
        } finally {
            ProbeGate.release(note);
        }
    }

    @Test
    void the_fingerprint_ignores_property_order_but_not_values() {
        assertThat(IdempotentRequests.fingerprint("POST /x", java.util.Map.of("a", 1, "b", 2)))
                .isEqualTo(IdempotentRequests.fingerprint("POST /x", new java.util.TreeMap<>(java.util.Map.of("b", 2, "a", 1))))
                .isNotEqualTo(IdempotentRequests.fingerprint("POST /x", java.util.Map.of("a", 1, "b", 3)))
                .isNotEqualTo(IdempotentRequests.fingerprint("POST /y", java.util.Map.of("a", 1, "b", 2)));
    }

    private WebTestClient.ResponseSpec post(DemoUser user, String key, String body) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/probe/idempotent")
                .headers(h -> {
                    h.setBearerAuth(TestStack.tokens().tokenFor(user));
                    if (key != null) {
                        h.set(IdempotentRequests.HEADER, key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static String body(String note, int extra) {
        return "{\"note\":\"" + note + "\",\"extra\":" + extra + "}";
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID();
    }

    private long rows(String note) {
        return db.sql("select count(*) as n from probe_state where note = :note").bind("note", note)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private long keys(String key) {
        return db.sql("select count(*) as n from idempotency_key where idempotency_key = :key").bind("key", key)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private long sessionsWaitingOnALock() {
        return db.sql("select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
