package nl.transfertafel.capacity.closure.web;

import static nl.transfertafel.capacity.support.CapacityApi.json;
import static nl.transfertafel.capacity.support.CapacityApi.provider;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.transfertafel.capacity.CapacityIntegrationTest;
import nl.transfertafel.capacity.CapacityWiring;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.MovableClock;
import nl.transfertafel.capacity.support.Outboxes;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.ProviderClosureAnnounced;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@CapacityIntegrationTest
class ClosureApiIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        CapacityWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    MovableClock clock;
    @Autowired
    DatabaseClient db;
    CapacityApi api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new CapacityApi(web);
        today = Today.of(clock);
    }

    private Map<String, Object> closure(LocalDate endDate) {
        return Map.of("endDate", endDate.toString(), "handoverContact", "Intake desk, 010 123 4567");
    }

    @Test
    void a_provider_closing_ends_its_lines_stops_registrations_from_the_end_date_and_outboxes_one_announcement() {
        String agb = freshAgb();
        JsonNode registered = api.register(agb, aProvider().typical().build());
        String line = api.announce(registered, 3, today, null).get("capacityLineId").asText();
        LocalDate end = today.plusDays(60);

        JsonNode closed = json(api.post(provider(agb), "/api/v1/providers/" + agb + "/closures", closure(end),
                "closure-" + agb).expectStatus().isCreated());
        // a retry with the same key answers the first closure again and decides nothing twice
        JsonNode again = json(api.post(provider(agb), "/api/v1/providers/" + agb + "/closures", closure(end),
                "closure-" + agb).expectStatus().isCreated());
        String closureId = closed.get("closureId").asText();
        assertThat(again.get("closureId").asText()).isEqualTo(closureId);
        assertThat(closed.get("withdrawnLines")).extracting(JsonNode::asText).containsExactly(line);

        api.get(provider(agb), "/api/v1/capacity/" + line).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("WITHDRAWN");
        JsonNode statusBefore = json(api.get(CapacityApi.coordinator(), "/api/v1/providers/" + agb
                + "/registration-status?date=" + end.minusDays(1)).expectStatus().isOk());
        JsonNode statusFrom = json(api.get(CapacityApi.coordinator(), "/api/v1/providers/" + agb
                + "/registration-status?date=" + end).expectStatus().isOk());
        assertThat(statusBefore).allSatisfy(group -> assertThat(group.get("status").asText()).isEqualTo("OPEN"));
        assertThat(statusFrom).allSatisfy(group -> assertThat(group.get("status").asText()).isEqualTo("STOPPED"));

        List<EventEnvelope> announced = Outboxes.eventsFor(db, closureId);
        assertThat(announced).hasSize(1);
        ProviderClosureAnnounced event = announced.get(0).payloadAs(ProviderClosureAnnounced.class);
        assertThat(event.providerAgb()).isEqualTo(agb);
        assertThat(event.endDate()).isEqualTo(end);
        assertThat(event.withdrawnLines()).containsExactly(line);
        assertThat(Outboxes.eventsOfType(db, "RegistrationRestrictionChanged", agb)).hasSize(1)
                .allSatisfy(e -> assertThat(e.payloadAs(RegistrationRestrictionChanged.class).from()).isEqualTo(end));
        assertThat(Outboxes.eventsFor(db, line)).filteredOn(e -> e.is(CapacityLineChanged.class))
                .extracting(e -> e.payloadAs(CapacityLineChanged.class).state())
                .containsOnlyOnce(CapacityLineChanged.State.WITHDRAWN);

        try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.CAPACITY_EVENTS)) {
            var found = reader.await(m -> m.value().contains(closureId) && m.value().contains("ProviderClosureAnnounced"),
                    Duration.ofSeconds(30));
            assertThat(found).hasSize(1);
            assertThat(EventSchemas.violations(found.get(0).value())).isEmpty();
            assertThat(EventJson.read(found.get(0).value()).payloadAs(ProviderClosureAnnounced.class).handoverContact())
                    .isEqualTo("Intake desk, 010 123 4567");
        }
        api.get(CapacityApi.coordinator(), "/api/v1/providers/" + agb + "/closures").expectStatus().isOk()
                .expectBody().jsonPath("$[0].closureId").isEqualTo(closureId);
        // a second announcement of the same closure (another key) is a conflict and changes nothing
        api.post(provider(agb), "/api/v1/providers/" + agb + "/closures", closure(end.plusDays(1)))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("closure-exists");
        assertThat(Outboxes.eventsOfType(db, "ProviderClosureAnnounced", agb)).hasSize(1);
    }

    @Test
    void a_programme_stop_ends_only_the_lines_of_its_groups_and_stops_only_those_groups() {
        String agb = freshAgb();
        JsonNode registered = api.register(agb, aProvider().withLocation("3012 KK", "rotterdam")
                .withOffering(List.of("EATING"), "SPECIALIST", 12, 65, List.of())
                .withOffering(List.of("ANXIETY"), "SPECIALIST", 18, 65, List.of()).build());
        String location = registered.get("locations").get(0).get("locationId").asText();
        String eating = json(api.post(provider(agb), "/api/v1/capacity", Map.of("locationId", location,
                "offeringId", registered.get("offerings").get(0).get("offeringId").asText(), "places", 2,
                "availableFrom", today.toString())).expectStatus().isCreated()).get("capacityLineId").asText();
        String anxiety = json(api.post(provider(agb), "/api/v1/capacity", Map.of("locationId", location,
                "offeringId", registered.get("offerings").get(1).get("offeringId").asText(), "places", 2,
                "availableFrom", today.toString())).expectStatus().isCreated()).get("capacityLineId").asText();

        api.post(provider(agb), "/api/v1/providers/" + agb + "/closures", Map.of("diagnosisGroups", List.of("EATING"),
                "endDate", today.plusDays(30).toString(), "handoverContact", "Eetstoornissen team"))
                .expectStatus().isCreated().expectBody().jsonPath("$.withdrawnLines[0]").isEqualTo(eating);

        api.get(provider(agb), "/api/v1/capacity/" + anxiety).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("OPEN");
        JsonNode status = json(api.get(CapacityApi.coordinator(), "/api/v1/providers/" + agb
                + "/registration-status?date=" + today.plusDays(30)).expectStatus().isOk());
        assertThat(status).anySatisfy(g -> {
            assertThat(g.get("diagnosisGroup").asText()).isEqualTo("EATING");
            assertThat(g.get("status").asText()).isEqualTo("STOPPED");
        }).anySatisfy(g -> {
            assertThat(g.get("diagnosisGroup").asText()).isEqualTo("ANXIETY");
            assertThat(g.get("status").asText()).isEqualTo("OPEN");
        });
    }

    @Test
    void a_coordinator_of_the_providers_region_may_announce_and_another_organisation_may_not() {
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());

        api.post(provider(freshAgb()), "/api/v1/providers/" + agb + "/closures", closure(today.plusDays(10)))
                .expectStatus().isForbidden().expectBody().jsonPath("$.rule").isEqualTo("not-your-organisation");
        api.post(CapacityApi.insurer("9999"), "/api/v1/providers/" + agb + "/closures", closure(today.plusDays(10)))
                .expectStatus().isForbidden();
        String elsewhere = nl.transfertafel.testkit.TestStack.tokens().token("coordinator-elsewhere",
                List.of("COORDINATOR"), "33000001", "apeldoorn-zutphen");
        api.post(elsewhere, "/api/v1/providers/" + agb + "/closures", closure(today.plusDays(10)))
                .expectStatus().isForbidden().expectBody().jsonPath("$.rule").isEqualTo("not-your-region");
        String ownDeskElsewhere = nl.transfertafel.testkit.TestStack.tokens().token("desk-elsewhere",
                List.of("PROVIDER"), agb, "apeldoorn-zutphen");
        api.post(ownDeskElsewhere, "/api/v1/providers/" + agb + "/closures", closure(today.plusDays(10)))
                .expectStatus().isForbidden().expectBody().jsonPath("$.rule").isEqualTo("not-your-region");
        api.post(CapacityApi.coordinator(), "/api/v1/providers/" + agb + "/closures", closure(today.plusDays(10)))
                .expectStatus().isCreated();
        assertThat(Outboxes.eventsOfType(db, "ProviderClosureAnnounced", agb)).hasSize(1);
    }

    @Test
    void bad_input_is_problem_json_naming_the_field_and_the_rule_and_stores_nothing() {
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());
        String path = "/api/v1/providers/" + agb + "/closures";

        api.post(provider(agb), path, closure(today.minusDays(1))).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("endDate")
                .jsonPath("$.errors[0].rule").isEqualTo("not-in-past");
        api.post(provider(agb), path, closure(today.plusYears(3))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("not-too-far-ahead");
        api.post(provider(agb), path, Map.of("endDate", today.plusDays(5).toString(), "handoverContact", " x".repeat(150)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("handoverContact");
        api.post(provider(agb), path, Map.of("endDate", today.plusDays(5).toString())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("handoverContact");
        api.post(provider(agb), path, Map.of("endDate", today.plusDays(5).toString(), "handoverContact", "desk",
                        "locationId", "8a4f0c7e-7d0e-4d2c-9a51-0b7c0a5e2f11"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].rule").isEqualTo("known-location");
        api.post(provider(agb), "/api/v1/providers/123456782/closures", closure(today.plusDays(5)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("providerAgb");

        assertThat(Outboxes.eventsOfType(db, "ProviderClosureAnnounced", agb)).isEmpty();
        assertThat(Outboxes.eventsOfType(db, "RegistrationRestrictionChanged", agb)).isEmpty();
    }
}
