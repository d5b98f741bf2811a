package nl.transfertafel.platform.web;

import java.util.List;
import nl.transfertafel.platform.probe.ProbeTest;
import nl.transfertafel.platform.probe.ProbeWiring;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A refusal of each kind, thrown by a controller, becomes the one problem+json answer. */
@ProbeTest
class RefusalAnswersIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        ProbeWiring.register(registry);
    }

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
                .jsonPath("$.instance").isEqualTo("/probe/refused/" + kind);
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

    @Test
    void something_unknown_is_404_that_does_not_tell_whether_it_exists() {
        refused("NOT_FOUND", 404)
                .jsonPath("$.type").isEqualTo("https://transfertafel.nl/problems/not-found")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.rule").isEqualTo("not-found")
                .jsonPath("$.detail").isEqualTo("probe thing 42 does not exist or is not yours to see")
                .jsonPath("$.errors").doesNotExist();
    }

    @Test
    void a_rule_that_forbids_it_is_403_with_the_rule() {
        refused("FORBIDDEN", 403)
                .jsonPath("$.type").isEqualTo("https://transfertafel.nl/problems/probe-forbidden")
                .jsonPath("$.title").isEqualTo("Forbidden")
                .jsonPath("$.rule").isEqualTo("probe-forbidden")
                .jsonPath("$.detail").isEqualTo("the probe is not yours")
                .jsonPath("$.errors").doesNotExist();
    }

    @Test
    void a_state_that_does_not_allow_it_is_409_with_the_rule() {
        refused("CONFLICT", 409)
                .jsonPath("$.type").isEqualTo("https://transfertafel.nl/problems/probe-rule")
                .jsonPath("$.title").isEqualTo("Conflict")
                .jsonPath("$.rule").isEqualTo("probe-rule")
                .jsonPath("$.detail").isEqualTo("the probe is in the wrong state")
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
