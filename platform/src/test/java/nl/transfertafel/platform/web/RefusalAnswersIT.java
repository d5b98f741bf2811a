package nl.transfertafel.platform.web;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import java.util.List;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A refusal of each kind, thrown by a controller, becomes the one problem+json answer. */
class RefusalAnswersIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;

    private WebTestClient.BodyContentSpec refused(String kind, int status) {
        return web.post().uri("/probe/refused/" + kind)
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.instance").isEqualTo("/probe/refused/%7Bkind%7D");
    }

    @Test
    void invalid_input_is_400_naming_each_field_and_rule() {
        refused("INVALID", 400)
                .jsonPath("$.type").isEqualTo("https://transfertafel.nl/problems/validation")
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.rule").isEqualTo("validation")
                .jsonPath("$.detail").isEqualTo("The request breaks 2 rule(s); see errors.")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("places")
                .jsonPath("$.errors[0].rule").isEqualTo("Min")
                .jsonPath("$.errors[0].message").isEqualTo("must be at least 1")
                .jsonPath("$.errors[?(@.field == 'agb')].rule").isEqualTo(List.of("Pattern"));
    }

    @ParameterizedTest(name = "{0} is {1} with rule {2}")
    @CsvSource(delimiter = '|', textBlock = """
            NOT_FOUND | 404 | not-found       | Not found | probe thing 42 does not exist or is not yours to see
            FORBIDDEN | 403 | probe-forbidden | Forbidden | the probe is not yours
            CONFLICT  | 409 | probe-rule      | Conflict  | the probe is in the wrong state
            """)
    void a_refusal_names_its_rule_and_says_why(String kind, int status, String rule, String title, String detail) {
        refused(kind, status)
                .jsonPath("$.type").isEqualTo("https://transfertafel.nl/problems/" + rule)
                .jsonPath("$.title").isEqualTo(title)
                .jsonPath("$.rule").isEqualTo(rule)
                .jsonPath("$.detail").isEqualTo(detail)
                .jsonPath("$.errors").doesNotExist();
    }

    @Test
    void a_refusal_from_the_web_edge_reads_the_same() {
        web.post().uri("/probe/idempotent")
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .header("Idempotency-Key", "k".repeat(201))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"edge\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rule").isEqualTo("validation")
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].rule").isEqualTo("IdempotencyKey");
    }
}
