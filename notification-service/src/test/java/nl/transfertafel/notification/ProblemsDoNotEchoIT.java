package nl.transfertafel.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.transfertafel.notification.testing.Api;
import nl.transfertafel.notification.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 item 18, the adversarial corpus on notification: a problem names the field and the rule and
 * never repeats what was sent (a long value, or a BSN); the dead-letter replays refuse odd parameters
 * with a 400 instead of ignoring them (an empty organisation replayed the caller's own organisation).
 */
@NotificationIntegrationTest
class ProblemsDoNotEchoIT {

    private static final String BSN = "123456782";

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        NotificationWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(web);
        admin = Api.token("ADMIN", "TRANSFERTAFEL", "rotterdam");
    }

    @Test
    void an_event_type_that_is_not_routed_is_refused_without_repeating_it() {
        String provider = Api.token("PROVIDER", TestEvents.agb(), "rotterdam");

        for (String eventType : new String[] {BSN + "x".repeat(100_000), BSN + "Offered", "NoSuchEventType"}) {
            String body = problem(api.put(provider, "/api/v1/subscriptions",
                    "{\"subscriptions\":[{\"eventType\":\"" + eventType + "\",\"channels\":[\"INBOX\"]}]}"));
            assertThat(body).contains("eventType").doesNotContain(BSN).doesNotContain("xxxxxxxxxx")
                    .doesNotContain("NoSuchEventType");
        }
    }

    @Test
    void replaying_all_dead_letters_needs_one_organisation_and_no_other_parameter() {
        assertRule(api.post(admin, "/api/v1/dead-letters/replay?organisation="), "NotBlank");
        assertRule(api.post(admin, "/api/v1/dead-letters/replay"), "NotBlank");
        assertRule(api.post(admin, "/api/v1/dead-letters/replay?organisation=01000001&organisation=01000002"),
                "single-value");
        assertRule(api.post(admin, "/api/v1/dead-letters/replay?organisation=01000001&dryRun=true"),
                "unknown-parameter");
        api.post(admin, "/api/v1/dead-letters/replay?organisation=01000001").expectStatus().isOk()
                .expectBody().jsonPath("$.organisation").isEqualTo("01000001");
    }

    @Test
    void a_bsn_shaped_organisation_is_refused_and_not_repeated() {
        String body = problem(api.post(admin, "/api/v1/dead-letters/replay?organisation=" + BSN));
        assertThat(body).contains("\"rule\":\"recipient\"").doesNotContain("\"detail\":\"" + BSN)
                .doesNotContain("organisation\":\"" + BSN);
        assertThat(problem(api.get(admin, "/api/v1/subscriptions?organisation=" + BSN))).contains("recipient");
    }

    @Test
    void replaying_one_dead_letter_takes_no_query_parameters() {
        assertRule(api.post(admin, "/api/v1/dead-letters/" + java.util.UUID.randomUUID() + "/replay?force=true"),
                "unknown-parameter");
        api.post(admin, "/api/v1/dead-letters/" + java.util.UUID.randomUUID() + "/replay").expectStatus().isNotFound();
    }

    private static void assertRule(WebTestClient.ResponseSpec response, String rule) {
        assertThat(problem(response)).contains("\"rule\":\"" + rule + "\"");
    }

    private static String problem(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }
}
