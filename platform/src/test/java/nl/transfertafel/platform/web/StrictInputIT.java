package nl.transfertafel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 item 18, the platform's part: what the hostile corpus found answered wrongly by every
 * service, fixed in one place. Token shape at the security chain, strict request bodies, paths the
 * firewall refuses, long headers and the admin endpoints' parameters.
 */
class StrictInputIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    private static String gp() {
        return TestStack.tokens().tokenFor(DemoUsers.GP);
    }

    private static String admin() {
        return TestStack.tokens().tokenFor(DemoUsers.ADMIN);
    }

    private WebTestClient.BodyContentSpec typed(String json, int status) {
        return web.post().uri("/probe/typed").headers(h -> h.setBearerAuth(gp()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(status == 200 ? MediaType.APPLICATION_JSON
                        : MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
    }

    // --- token shape -------------------------------------------------------------------------

    @Test
    void a_token_without_a_subject_is_401_problem_json() {
        String noSubject = TestStack.tokens().token(null, List.of("GP"), "01234567", "rotterdam");
        web.get().uri("/probe/admin").headers(h -> h.setBearerAuth(noSubject)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/probe/typed").headers(h -> h.setBearerAuth(noSubject))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void a_person_token_without_a_region_is_403_even_where_the_endpoint_does_not_scope_by_it() {
        String noRegion = TestStack.tokens().token("admin-without-region", List.of("ADMIN"), "TRANSFERTAFEL", null);
        web.get().uri("/probe/admin").headers(h -> h.setBearerAuth(noRegion)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("claim-missing")
                .jsonPath("$.detail").isEqualTo("the token carries no region claim");
        web.post().uri("/api/v1/admin/outbox/parked/replay").headers(h -> h.setBearerAuth(noRegion)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("claim-missing");
    }

    @Test
    void a_person_token_without_an_org_is_403_and_its_write_stores_nothing() {
        String noOrg = TestStack.tokens().token("gp-without-org", List.of("GP"), null, "rotterdam");
        String note = "claimless-" + System.nanoTime();
        web.post().uri("/probe/idempotent").headers(h -> {
                    h.setBearerAuth(noOrg);
                    h.set("Idempotency-Key", note);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"" + note + "\"}").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("claim-missing")
                .jsonPath("$.detail").isEqualTo("the token carries no org claim");
        Long stored = db.sql("select count(*) from probe_state where note = :note").bind("note", note)
                .map(row -> row.get(0, Long.class)).one().block();
        Long keys = db.sql("select count(*) from idempotency_key where idempotency_key = :key").bind("key", note)
                .map(row -> row.get(0, Long.class)).one().onErrorReturn(0L).block();
        assertThat(stored).isZero();
        assertThat(keys).isZero();
    }

    @Test
    void machine_tokens_need_no_region() {
        String scraper = TestStack.tokens().token("prometheus", List.of("METRICS"), null, null);
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(scraper)).exchange()
                .expectStatus().isOk();
    }

    // --- strict bodies -----------------------------------------------------------------------

    @Test
    void a_well_formed_body_is_read() {
        typed("{\"name\":\"Jansen\\tB.\",\"urgent\":true,\"places\":2,\"count\":3,\"tags\":[\"a\",\"\"]}", 200)
                .jsonPath("$.places").isEqualTo(2).jsonPath("$.name").isEqualTo("Jansen\tB.");
    }

    @Test
    void an_unknown_field_is_400_naming_it() {
        typed("{\"name\":\"x\",\"isAdmin\":true}", 400)
                .jsonPath("$.errors[0].field").isEqualTo("isAdmin")
                .jsonPath("$.errors[0].rule").isEqualTo("unknown-field");
    }

    @Test
    void a_number_for_a_boolean_or_a_text_is_400_wrong_type() {
        typed("{\"urgent\":1}", 400).jsonPath("$.errors[0].field").isEqualTo("urgent")
                .jsonPath("$.errors[0].rule").isEqualTo("wrong-type");
        typed("{\"name\":12345}", 400).jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].rule").isEqualTo("wrong-type");
        typed("{\"places\":\"12\"}", 400).jsonPath("$.errors[0].field").isEqualTo("places")
                .jsonPath("$.errors[0].rule").isEqualTo("wrong-type");
        typed("{\"urgent\":\"true\"}", 400).jsonPath("$.errors[0].rule").isEqualTo("wrong-type");
    }

    @Test
    void a_fraction_for_a_whole_number_is_400_whole_number() {
        typed("{\"places\":2.5}", 400).jsonPath("$.errors[0].field").isEqualTo("places")
                .jsonPath("$.errors[0].rule").isEqualTo("whole-number");
        typed("{\"count\":2.0}", 400).jsonPath("$.errors[0].rule").isEqualTo("whole-number");
    }

    @Test
    void a_null_element_in_a_list_is_400() {
        typed("{\"tags\":[\"a\",null]}", 400).jsonPath("$.errors[0].rule").isEqualTo("not-null");
    }

    @Test
    void control_and_invisible_characters_are_400_without_echoing_the_text() {
        for (String hostile : List.of("Jan\\u0000sen", "Jan\\u0007sen", "Jan\\u200Bsen", "Jan\\u202Esen",
                "Jan\\uD800sen", "Jan\\uDC00sen", "Jan\\uFEFFsen")) {
            typed("{\"name\":\"" + hostile + "\"}", 400)
                    .jsonPath("$.errors[0].field").isEqualTo("name")
                    .jsonPath("$.errors[0].rule").isEqualTo("control-characters");
        }
        typed("{\"tags\":[\"ok\",\"x\\u0001\"]}", 400).jsonPath("$.errors[0].field").isEqualTo("tags[1]")
                .jsonPath("$.errors[0].rule").isEqualTo("control-characters");
        String answer = web.post().uri("/probe/typed").headers(h -> h.setBearerAuth(gp()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Jansen\\u0000\"}").exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).doesNotContain("Jansen");
    }

    @Test
    void a_text_of_whitespace_only_is_400_blank() {
        typed("{\"name\":\"   \"}", 400).jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].rule").isEqualTo("blank");
        typed("{\"name\":\"\\n\\t\"}", 400).jsonPath("$.errors[0].rule").isEqualTo("blank");
    }

    // --- paths, headers, admin parameters -----------------------------------------------------

    @Test
    void a_path_the_firewall_refuses_is_400_problem_json() {
        for (String path : List.of("/probe/things/a%00b/withdraw", "/probe/things/..%2F..%2Fadmin/withdraw")) {
            web.post().uri(java.net.URI.create("http://127.0.0.1:" + port + path)).headers(h -> h.setBearerAuth(gp())).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void a_path_variable_that_does_not_convert_is_400_and_the_problem_never_echoes_the_path() {
        String body = web.post().uri("/probe/things/123456782/withdraw").headers(h -> h.setBearerAuth(gp())).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("123456782").contains("/probe/things/%7BthingId%7D/withdraw");
    }

    @Test
    void a_very_long_idempotency_key_is_400_naming_the_header() {
        String key = "k".repeat(10_000);
        web.post().uri("/probe/idempotent").headers(h -> {
                    h.setBearerAuth(gp());
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"long-key\"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void a_dead_letter_replay_for_a_topic_that_is_not_ours_is_400_naming_the_parameter() {
        web.post().uri(uri -> uri.path("/api/v1/admin/dead-letters/replay").queryParam("topic", "__consumer_offsets").build())
                .headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("topic")
                .jsonPath("$.errors[0].rule").isEqualTo("dead-letter-topic");
    }

    @Test
    void a_parked_replay_for_a_non_positive_id_is_400() {
        web.post().uri("/api/v1/admin/outbox/parked/replay?id=-1").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
    }
}
