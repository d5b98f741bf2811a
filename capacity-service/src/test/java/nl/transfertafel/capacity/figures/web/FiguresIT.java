package nl.transfertafel.capacity.figures.web;

import static nl.transfertafel.capacity.support.CapacityApi.admin;
import static nl.transfertafel.capacity.support.CapacityApi.json;
import static nl.transfertafel.capacity.support.CapacityApi.reservation;
import static nl.transfertafel.capacity.support.CapacityApi.transferTable;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.capacity.CapacityIntegrationTest;
import nl.transfertafel.capacity.CapacityWiring;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.figures.application.FiguresService;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Transparency figures of a region no other test uses (Zeeland), as JSON and as Prometheus gauges. */
@CapacityIntegrationTest
class FiguresIT {

    private static final String REGION = "zeeland";

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        CapacityWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    MovableClock clock;
    @Autowired
    FiguresService figures;

    @Test
    void stops_pauses_and_open_capacity_are_counted_per_region_and_exported_as_gauges() {
        CapacityApi api = new CapacityApi(web);
        LocalDate today = Today.of(clock);
        String zeeuws = freshAgb();
        String rotterdammer = freshAgb();
        JsonNode inZeeland = api.register(zeeuws, aProvider().inRegion(REGION).withLocation("4331 AA", REGION)
                .withOffering(List.of("ANXIETY", "DEPRESSION"), "BASIC", 18, 120, List.of()).build());
        // a Rotterdam provider with a location in Zeeland counts there too
        api.register(rotterdammer, aProvider().withLocation("3012 KK", "rotterdam").withLocation("4382 AB", REGION)
                .withOffering(List.of("TRAUMA"), "SPECIALIST", 18, 65, List.of()).build());
        api.post(admin(), "/api/v1/providers/" + zeeuws + "/restrictions", Map.of("kind", "PAUSE",
                "diagnosisGroup", "ANXIETY", "reason", "norm", "until", today.plusDays(20).toString())).expectStatus().isCreated();
        api.post(admin(), "/api/v1/providers/" + rotterdammer + "/restrictions", Map.of("kind", "PAUSE",
                "diagnosisGroup", "ANXIETY", "reason", "norm", "until", today.plusDays(20).toString())).expectStatus().isCreated();
        api.post(admin(), "/api/v1/providers/" + rotterdammer + "/restrictions", Map.of("kind", "STOP", "reason", "vol"))
                .expectStatus().isCreated();
        api.post(admin(), "/api/v1/providers/" + zeeuws + "/restrictions", Map.of("kind", "STOP",
                "diagnosisGroup", "DEPRESSION", "reason", "later", "from", today.plusDays(5).toString()))
                .expectStatus().isCreated();
        String line = api.announce(inZeeland, 3, today, null).get("capacityLineId").asText();
        api.announce(inZeeland, 2, today, null);
        api.post(transferTable(), "/api/v1/reservations", reservation(line, "p-" + UUID.randomUUID()))
                .expectStatus().isCreated();

        JsonNode body = json(api.get(CapacityApi.coordinator(), "/api/v1/figures?region=" + REGION).expectStatus().isOk());

        assertThat(body.get("region").asText()).isEqualTo(REGION);
        assertThat(body.get("restrictionsInForce")).extracting(
                        r -> r.get("diagnosisGroup").asText() + ":" + r.get("stops").asLong() + "/" + r.get("pauses").asLong())
                .containsExactly("ALL:1/0", "ANXIETY:0/2");
        JsonNode capacity = body.get("capacity");
        assertThat(capacity.get("openLines").asLong()).isEqualTo(2);
        assertThat(capacity.get("openPlaces").asLong()).isEqualTo(4);
        assertThat(capacity.get("byDiagnosisGroup")).extracting(g -> g.get("diagnosisGroup").asText() + ":"
                + g.get("openPlaces").asLong()).containsExactly("ANXIETY:4", "DEPRESSION:4");

        figures.refreshGauges().block();
        String scrape = web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(nl.transfertafel.testkit.TestStack.tokens().token("prometheus", java.util.List.of("METRICS"), null, null))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).containsPattern(
                "transfertafel_registration_restrictions_in_force\\{[^}]*diagnosis_group=\"ANXIETY\"[^}]*kind=\"PAUSE\"[^}]*region=\"zeeland\"[^}]*} 2\\.0");
        assertThat(scrape).containsPattern("transfertafel_capacity_open_places\\{[^}]*region=\"zeeland\"[^}]*} 4\\.0");
        assertThat(scrape).containsPattern("transfertafel_capacity_announced_total\\{[^}]*region=\"zeeland\"[^}]*} 2\\.0");
        assertThat(scrape).containsPattern("transfertafel_reservations_taken_total\\{[^}]*region=\"zeeland\"[^}]*} 1\\.0");
    }

    @Test
    void an_unknown_region_is_named_as_bad_input() {
        new CapacityApi(web).get(admin(), "/api/v1/figures?region=atlantis").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("region")
                .jsonPath("$.errors[0].rule").isEqualTo("known-region");
    }
}
