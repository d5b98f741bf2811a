package nl.transfertafel.capacity.restriction.web;

import static nl.transfertafel.capacity.support.CapacityApi.admin;
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
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@CapacityIntegrationTest
class RestrictionApiIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        CapacityWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
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
    void a_provider_sets_and_lifts_a_pause_and_both_reach_kafka() {
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());

        JsonNode pause = json(api.post(provider(agb), "/api/v1/providers/" + agb + "/restrictions", Map.of(
                "kind", "PAUSE", "diagnosisGroup", "DEPRESSION", "reason", "wachttijd boven de Treeknorm",
                "until", today.plusDays(30).toString())).expectStatus().isCreated());
        String id = pause.get("restrictionId").asText();
        api.post(provider(agb), "/api/v1/providers/" + agb + "/restrictions/" + id + "/lift").expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false);
        api.post(provider(agb), "/api/v1/providers/" + agb + "/restrictions/" + id + "/lift").expectStatus().isOk();

        try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.CAPACITY_EVENTS)) {
            var found = reader.await(m -> m.value().contains(id) && m.value().contains("\"active\":false"),
                    Duration.ofSeconds(30));
            assertThat(found).hasSize(1);
            var all = reader.readFor(Duration.ofMillis(500)).stream().filter(m -> m.value().contains(id)).toList();
            assertThat(all).extracting(m -> EventJson.read(m.value()).payloadAs(RegistrationRestrictionChanged.class).active())
                    .containsExactly(true, false);
            assertThat(all).allSatisfy(m -> assertThat(EventSchemas.violations(m.value())).isEmpty());
        }
    }

    @Test
    void stop_versus_pause_per_group_is_readable_by_anyone() {
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());
        api.post(admin(), "/api/v1/providers/" + agb + "/restrictions", Map.of("kind", "PAUSE",
                "diagnosisGroup", "ANXIETY", "reason", "norm", "until", today.plusDays(10).toString())).expectStatus().isCreated();
        api.post(admin(), "/api/v1/providers/" + agb + "/restrictions", Map.of("kind", "STOP", "reason", "vol"))
                .expectStatus().isCreated();
        api.post(admin(), "/api/v1/providers/" + agb + "/restrictions", Map.of("kind", "PAUSE",
                "diagnosisGroup", "TRAUMA", "reason", "norm", "from", today.plusDays(2).toString(),
                "until", today.plusDays(10).toString())).expectStatus().isCreated();

        JsonNode status = json(api.get(CapacityApi.coordinator(), "/api/v1/providers/" + agb + "/registration-status")
                .expectStatus().isOk());

        assertThat(status).hasSize(11).allSatisfy(group -> assertThat(group.get("status").asText()).isEqualTo("STOPPED"));
        JsonNode later = json(api.get(CapacityApi.coordinator(), "/api/v1/providers/" + agb
                + "/registration-status?date=" + today.plusDays(3)).expectStatus().isOk());
        assertThat(later.get(0).get("status").asText()).isEqualTo("STOPPED");
    }

    @Test
    void bad_input_overlaps_other_organisations_and_unknown_providers_are_refused() {
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());
        String path = "/api/v1/providers/" + agb + "/restrictions";

        api.post(provider(agb), path, Map.of("kind", "SOMETIMES", "reason", "x")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        api.post(provider(agb), path, Map.of("kind", "PAUSE", "reason", " ")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                // whitespace only is refused while the body is read (platform StrictJson), naming the field
                .expectBody().jsonPath("$.errors[?(@.field == 'reason')].rule").isEqualTo(List.of("blank"));
        api.post(provider(agb), path, Map.of("kind", "PAUSE", "reason", "")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'reason')].rule").isEqualTo(List.of("NotBlank"));
        api.post(provider(agb), path, Map.of("kind", "PAUSE", "reason", "norm")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("until")
                .jsonPath("$.errors[0].rule").isEqualTo("pause-needs-period");
        api.post(provider(agb), path, Map.of("kind", "PAUSE", "reason", "norm", "diagnosisGroup", "EATING",
                "until", today.plusDays(5).toString())).expectStatus().isCreated();
        api.post(provider(agb), path, Map.of("kind", "PAUSE", "reason", "norm", "diagnosisGroup", "EATING",
                        "from", today.plusDays(3).toString(), "until", today.plusDays(9).toString()))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("restriction-overlaps");
        api.post(provider(freshAgb()), path, Map.of("kind", "STOP", "reason", "vol")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("not-your-organisation");
        String unknown = freshAgb();
        api.post(admin(), "/api/v1/providers/" + unknown + "/restrictions", Map.of("kind", "STOP", "reason", "vol"))
                .expectStatus().isNotFound();
        api.get(admin(), "/api/v1/providers/" + unknown + "/registration-status").expectStatus().isNotFound();
    }

    @Test
    void a_path_that_is_no_agb_code_is_a_400_naming_the_field_and_never_a_404_repeating_it() {
        String bsnShaped = "123456782";
        String base = "/api/v1/providers/" + bsnShaped + "/restrictions";

        for (var response : List.of(
                api.post(admin(), base, Map.of("kind", "STOP", "reason", "vol")),
                api.post(admin(), base + "/" + java.util.UUID.randomUUID() + "/lift"),
                api.get(admin(), base))) {
            response.expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("providerAgb")
                    .jsonPath("$.errors[0].rule").isEqualTo("Pattern")
                    .jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail)).doesNotContain(bsnShaped));
        }
    }
}
