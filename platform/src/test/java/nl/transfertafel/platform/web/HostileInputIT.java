package nl.transfertafel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Issue 11 item 17, the platform's part: input that must never give a 5xx, answered in one place
 * for every service (4xx problem+json naming the field and the rule, never echoing the value).
 */
class HostileInputIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;

    private static String gp() {
        return TestStack.tokens().tokenFor(DemoUsers.GP);
    }

    private WebTestClient.ResponseSpec postDated(String json) {
        return web.post().uri("/probe/dated").headers(h -> h.setBearerAuth(gp()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void a_token_without_a_region_claim_is_403_where_the_endpoint_scopes_by_region() {
        String noRegion = TestStack.tokens().token("gp-without-region", List.of("GP"), "01234567", null);
        web.get().uri("/probe/scoped").headers(h -> h.setBearerAuth(noRegion)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rule").isEqualTo("claim-missing")
                .jsonPath("$.detail").isEqualTo("the token carries no region claim");
    }

    @Test
    void a_token_without_an_org_claim_is_403_where_the_endpoint_scopes_by_organisation() {
        String noOrg = TestStack.tokens().token("gp-without-org", List.of("GP"), null, "rotterdam");
        web.get().uri("/probe/scoped").headers(h -> h.setBearerAuth(noOrg)).exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.rule").isEqualTo("claim-missing")
                .jsonPath("$.detail").isEqualTo("the token carries no org claim");
    }

    @Test
    void dates_within_the_years_0001_to_9999_are_read() {
        postDated("""
                {"birthDate":"0001-01-01","availableFrom":"9999-12-31T23:00:00+01:00","at":"2026-01-01T00:00:00Z",
                 "more":["1970-01-01"]}""")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.birthDate").isEqualTo("0001-01-01");
    }

    @Test
    void a_date_past_the_year_9999_is_400_naming_the_field() {
        postDated("{\"birthDate\":\"+10000-01-01\"}")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("birthDate")
                .jsonPath("$.errors[0].rule").isEqualTo("date-range");
    }

    @Test
    void a_date_before_the_year_1_is_400_naming_the_field() {
        postDated("{\"birthDate\":\"-0001-01-01\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("birthDate")
                .jsonPath("$.errors[0].rule").isEqualTo("date-range");
        postDated("{\"availableFrom\":\"+12026-01-01T00:00:00Z\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("availableFrom");
        postDated("{\"at\":\"+20000-01-01T00:00:00Z\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("at");
        postDated("{\"more\":[\"2026-01-01\",\"+10000-01-01\"]}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("more[1]")
                .jsonPath("$.errors[0].rule").isEqualTo("date-range");
    }

    @Test
    void a_body_declared_larger_than_the_limit_is_413_problem_json() {
        String huge = "{\"note\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        web.post().uri("/probe/validated").headers(h -> h.setBearerAuth(gp()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(huge).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("payload-too-large");
    }

    @Test
    void a_chunked_body_larger_than_the_limit_is_413_problem_json() {
        byte[] chunk = ("{\"agb\":\"" + "1".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> body = Flux.range(0, 40).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));
        web.post().uri("/probe/validated").headers(h -> h.setBearerAuth(gp()))
                .contentType(MediaType.APPLICATION_JSON).body(body, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("payload-too-large");
    }

    @Test
    void malformed_json_is_400_problem_json() {
        web.post().uri("/probe/validated").headers(h -> h.setBearerAuth(gp()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"agb\": \"1234").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("readable");
    }

    @Test
    void a_wrong_content_type_is_415_problem_json() {
        web.post().uri("/probe/validated").headers(h -> h.setBearerAuth(gp()))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("agb=12345678").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(415);
    }

    @Test
    void a_wrong_method_is_405_problem_json() {
        web.put().uri("/probe/validated").headers(h -> h.setBearerAuth(gp()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_empty_body_is_400_problem_json() {
        web.post().uri("/probe/validated").headers(h -> h.setBearerAuth(gp()))
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_parse_error_never_echoes_the_input() {
        String body = web.post().uri("/probe/dated").headers(h -> h.setBearerAuth(gp()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"birthDate\":\"Jansen-1980\"}").exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("Jansen");
    }
}
