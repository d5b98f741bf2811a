package nl.transfertafel.capacity.reservation.web;

import static nl.transfertafel.capacity.support.CapacityApi.admin;
import static nl.transfertafel.capacity.support.CapacityApi.json;
import static nl.transfertafel.capacity.support.CapacityApi.provider;
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
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.MovableClock;
import nl.transfertafel.capacity.support.Outboxes;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.ReservationChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@CapacityIntegrationTest
class ReservationApiIT {

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

    private String aLine(int places) {
        JsonNode provider = api.register(freshAgb(), aProvider().typical().build());
        return api.announce(provider, places, today, null).get("capacityLineId").asText();
    }

    @Test
    void the_transfer_table_reserves_a_place_with_its_service_token() {
        String lineId = aLine(2);
        String proposal = "proposal-" + UUID.randomUUID();

        var response = api.post(transferTable(), "/api/v1/reservations", reservation(lineId, proposal))
                .expectStatus().isCreated();
        JsonNode held = json(response);

        assertThat(held.get("state").asText()).isEqualTo("HELD");
        assertThat(held.get("capacityLineId").asText()).isEqualTo(lineId);
        assertThat(held.get("proposalId").asText()).isEqualTo(proposal);
        assertThat(held.get("providerAgb").asText()).hasSize(8);
        assertThat(held.get("placesLeft").asInt()).isEqualTo(1);
        assertThat(held.get("expiresAt").asText()).isNotBlank();
        String reservationId = held.get("reservationId").asText();
        var events = Outboxes.eventsFor(db, reservationId);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(EventSchemas.violations(event)).isEmpty();
            assertThat(event.payloadAs(ReservationChanged.class).placesLeft()).isEqualTo(1);
            assertThat(event.region()).isEqualTo("rotterdam");
        });
        assertThat(Outboxes.eventsFor(db, lineId)).last()
                .satisfies(e -> assertThat(e.payloadAs(CapacityLineChanged.class).change())
                        .isEqualTo(CapacityLineChanged.Change.RESERVED));
    }

    @Test
    void the_same_proposal_again_gets_the_same_reservation_and_takes_no_second_place() {
        String lineId = aLine(3);
        String proposal = "proposal-" + UUID.randomUUID();
        JsonNode first = json(api.post(transferTable(), "/api/v1/reservations", reservation(lineId, proposal))
                .expectStatus().isCreated());

        JsonNode again = json(api.post(transferTable(), "/api/v1/reservations", reservation(lineId, proposal))
                .expectStatus().isOk());

        assertThat(again.get("reservationId").asText()).isEqualTo(first.get("reservationId").asText());
        assertThat(again.get("placesLeft").asInt()).isEqualTo(2);
        api.post(transferTable(), "/api/v1/reservations", reservation(aLine(1), proposal))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("proposal-already-reserved");
    }

    @Test
    void no_place_left_unknown_line_and_closed_line_are_answered_as_problems() {
        String lineId = aLine(1);
        api.post(transferTable(), "/api/v1/reservations", reservation(lineId, "p-" + UUID.randomUUID()))
                .expectStatus().isCreated();

        api.post(transferTable(), "/api/v1/reservations", reservation(lineId, "p-" + UUID.randomUUID()))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("no-place-left");
        api.post(transferTable(), "/api/v1/reservations", reservation(UUID.randomUUID().toString(), "p-1"))
                .expectStatus().isNotFound();

        String withdrawn = aLine(2);
        api.post(admin(), "/api/v1/capacity/" + withdrawn + "/withdraw").expectStatus().isOk();
        api.post(transferTable(), "/api/v1/reservations", reservation(withdrawn, "p-" + UUID.randomUUID()))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("line-not-open");
    }

    @Test
    void bad_input_names_the_fields() {
        api.post(transferTable(), "/api/v1/reservations", Map.of("proposalId", ""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'capacityLineId')].rule").isEqualTo(List.of("NotNull"))
                .jsonPath("$.errors[?(@.field == 'proposalId')].rule").isEqualTo(List.of("NotBlank"));
        api.post(transferTable(), "/api/v1/reservations", Map.of("capacityLineId", "not-a-uuid", "proposalId", "p"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("capacityLineId");
        api.post(transferTable(), "/api/v1/reservations", reservation(UUID.randomUUID().toString(), "a\u0000b"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("proposalId")
                .jsonPath("$.errors[0].rule").isEqualTo("control-characters");
    }

    @Test
    void confirm_and_release_are_idempotent_and_refuse_the_impossible() {
        String lineId = aLine(2);
        String confirmed = json(api.post(transferTable(), "/api/v1/reservations", reservation(lineId, "p-" + UUID.randomUUID()))
                .expectStatus().isCreated()).get("reservationId").asText();
        String released = json(api.post(transferTable(), "/api/v1/reservations", reservation(lineId, "p-" + UUID.randomUUID()))
                .expectStatus().isCreated()).get("reservationId").asText();

        for (int i = 0; i < 2; i++) {
            api.post(transferTable(), "/api/v1/reservations/" + confirmed + "/confirm").expectStatus().isOk()
                    .expectBody().jsonPath("$.state").isEqualTo("CONFIRMED").jsonPath("$.placesLeft").isEqualTo(0);
        }
        for (int i = 0; i < 2; i++) {
            api.post(admin(), "/api/v1/reservations/" + released + "/release").expectStatus().isOk()
                    .expectBody().jsonPath("$.state").isEqualTo("RELEASED").jsonPath("$.placesLeft").isEqualTo(1);
        }

        api.post(transferTable(), "/api/v1/reservations/" + confirmed + "/release").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("reservation-confirmed");
        api.post(transferTable(), "/api/v1/reservations/" + released + "/confirm").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("reservation-not-held");
        api.post(transferTable(), "/api/v1/reservations/" + UUID.randomUUID() + "/confirm").expectStatus().isNotFound();
        assertThat(Outboxes.eventsFor(db, confirmed)).hasSize(2);
        assertThat(Outboxes.eventsFor(db, released)).hasSize(2);
    }

    @Test
    void only_the_service_token_and_admin_reserve() {
        String lineId = aLine(1);
        String owner = json(api.get(admin(), "/api/v1/capacity/" + lineId).expectStatus().isOk()).get("providerAgb").asText();

        api.post(provider(owner), "/api/v1/reservations", reservation(lineId, "p-" + UUID.randomUUID()))
                .expectStatus().isForbidden();
        api.post(CapacityApi.coordinator(), "/api/v1/reservations", reservation(lineId, "p-" + UUID.randomUUID()))
                .expectStatus().isForbidden();
        api.post(admin(), "/api/v1/reservations", reservation(lineId, "p-" + UUID.randomUUID())).expectStatus().isCreated();
    }
}
