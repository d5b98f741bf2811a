package nl.transfertafel.capacity.announcement.web;

import static nl.transfertafel.capacity.support.CapacityApi.json;
import static nl.transfertafel.capacity.support.CapacityApi.provider;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.transfertafel.capacity.CapacityIntegrationTest;
import nl.transfertafel.capacity.CapacityWiring;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.MovableClock;
import nl.transfertafel.capacity.support.Outboxes;
import nl.transfertafel.testkit.TestStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A capacity line belongs to its region; an actor acts only in its own. A token of another region is
 * answered as for a line that does not exist (404), so ids of other regions are not even confirmed.
 */
@CapacityIntegrationTest
class RegionScopeIT {

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
    CapacityApi api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new CapacityApi(web);
        today = Today.of(clock);
    }

    @Test
    void the_own_provider_with_a_token_of_another_region_cannot_withdraw_confirm_correct_or_read_its_line() {
        String agb = freshAgb();
        JsonNode line = api.announce(api.register(agb, aProvider().typical().build()), 3, today, today.plusDays(30));
        String id = line.get("capacityLineId").asText();
        String elsewhere = TestStack.tokens().token("desk-" + agb, List.of("PROVIDER"), agb, "utrecht");
        int events = Outboxes.eventsFor(db, id).size();

        for (String action : List.of("withdraw", "confirm")) {
            notFound(api.post(elsewhere, "/api/v1/capacity/" + id + "/" + action));
        }
        notFound(api.post(elsewhere, "/api/v1/capacity/" + id + "/correct", Map.of("places", 1)));
        notFound(api.get(elsewhere, "/api/v1/capacity/" + id));

        assertThat(Outboxes.eventsFor(db, id)).hasSize(events);
        JsonNode unchanged = json(api.get(provider(agb), "/api/v1/capacity/" + id).expectStatus().isOk());
        assertThat(unchanged.get("state").asText()).isEqualTo("OPEN");
        assertThat(unchanged.get("placesLeft").asInt()).isEqualTo(3);
    }

    @Test
    void an_administrator_of_another_region_cannot_withdraw_the_line_but_one_of_its_region_can() {
        String agb = freshAgb();
        JsonNode line = api.announce(api.register(agb, aProvider().typical().build()), 2, today, today.plusDays(30));
        String id = line.get("capacityLineId").asText();
        String adminElsewhere = TestStack.tokens().token("beheer-utrecht", List.of("ADMIN"), "TRANSFERTAFEL", "utrecht");
        String adminHere = TestStack.tokens().token("beheer-rotterdam", List.of("ADMIN"), "TRANSFERTAFEL", "rotterdam");

        notFound(api.post(adminElsewhere, "/api/v1/capacity/" + id + "/withdraw"));
        notFound(api.get(adminElsewhere, "/api/v1/capacity/" + id));

        JsonNode withdrawn = json(api.post(adminHere, "/api/v1/capacity/" + id + "/withdraw").expectStatus().isOk());
        assertThat(withdrawn.get("state").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void a_coordinator_reads_a_line_of_its_own_region_but_not_one_of_another() {
        String agb = freshAgb();
        JsonNode line = api.announce(api.register(agb, aProvider().typical().build()), 1, today, today.plusDays(30));
        String id = line.get("capacityLineId").asText();

        api.get(CapacityApi.coordinator(), "/api/v1/capacity/" + id).expectStatus().isOk();
        notFound(api.get(TestStack.tokens().token("coordinator-utrecht", List.of("COORDINATOR"), "ZORGKANTOOR-U",
                "utrecht"), "/api/v1/capacity/" + id));
    }

    @Test
    void a_provider_working_in_two_regions_manages_its_line_with_a_token_of_either() {
        String agb = freshAgb();
        JsonNode registered = api.register(agb, aProvider().inRegion("utrecht").typical().build());
        JsonNode line = api.announce(registered, 2, today, today.plusDays(30));
        String id = line.get("capacityLineId").asText();
        assertThat(line.get("region").asText()).isEqualTo("rotterdam");
        String homeRegion = TestStack.tokens().token("desk-" + agb, List.of("PROVIDER"), agb, "utrecht");

        api.get(homeRegion, "/api/v1/capacity/" + id).expectStatus().isOk();
        JsonNode withdrawn = json(api.post(homeRegion, "/api/v1/capacity/" + id + "/withdraw").expectStatus().isOk());
        assertThat(withdrawn.get("state").asText()).isEqualTo("WITHDRAWN");
        notFound(api.get(TestStack.tokens().token("desk-" + agb, List.of("PROVIDER"), agb, "zwolle"),
                "/api/v1/capacity/" + id));
    }

    private static void notFound(WebTestClient.ResponseSpec response) {
        response.expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }
}
