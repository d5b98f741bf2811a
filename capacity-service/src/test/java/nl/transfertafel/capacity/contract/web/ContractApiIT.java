package nl.transfertafel.capacity.contract.web;

import static nl.transfertafel.capacity.support.CapacityApi.admin;
import static nl.transfertafel.capacity.support.CapacityApi.insurer;
import static nl.transfertafel.capacity.support.CapacityApi.json;
import static nl.transfertafel.capacity.support.CapacityApi.provider;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static nl.transfertafel.capacity.support.TestData.freshUzovi;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.transfertafel.capacity.CapacityIntegrationTest;
import nl.transfertafel.capacity.CapacityWiring;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.Outboxes;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.capacity.ContractChanged;
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
class ContractApiIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        CapacityWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    CapacityApi api;

    @BeforeEach
    void setUp() {
        api = new CapacityApi(web);
    }

    @Test
    void an_insurer_records_its_contract_and_every_change_is_an_event() {
        String uzovi = freshUzovi();
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());
        String path = "/api/v1/contracts/" + uzovi + "/" + agb;

        JsonNode created = json(api.put(insurer(uzovi), path, Map.of("contracted", true, "ceilingEuro", 400_000,
                "usedEuro", 100_000)).expectStatus().isCreated());
        assertThat(created.get("ceilingReached").asBoolean()).isFalse();
        assertThat(created.get("transfers").asText()).isEqualTo("ALLOWED");
        api.put(insurer(uzovi), path, Map.of("contracted", true, "ceilingEuro", 400_000, "usedEuro", 100_000))
                .expectStatus().isOk();
        JsonNode reached = json(api.put(insurer(uzovi), path, Map.of("contracted", true, "ceilingEuro", 400_000,
                "usedEuro", 400_000, "version", 1)).expectStatus().isOk());
        assertThat(reached.get("transfers").asText()).isEqualTo("CEILING_REACHED");
        api.put(insurer(uzovi), path, Map.of("contracted", false, "version", 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("version-conflict");

        var events = Outboxes.eventsFor(db, uzovi + ":" + agb);
        assertThat(events).allSatisfy(e -> assertThat(EventSchemas.violations(e)).isEmpty());
        assertThat(events).extracting(e -> e.payloadAs(ContractChanged.class).ceilingReached())
                .as("the unchanged repeat emitted nothing").containsExactly(false, true);
        assertThat(events.get(1).region()).isEqualTo("rotterdam");
    }

    @Test
    void an_insurer_cannot_edit_or_list_another_insurers_contracts() {
        String mine = freshUzovi();
        String theirs = freshUzovi();
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());
        api.put(insurer(theirs), "/api/v1/contracts/" + theirs + "/" + agb, Map.of("contracted", true))
                .expectStatus().isCreated();

        api.put(insurer(mine), "/api/v1/contracts/" + theirs + "/" + agb, Map.of("contracted", false))
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("not-your-contract");
        api.get(insurer(mine), "/api/v1/contracts?insurerUzovi=" + theirs).expectStatus().isForbidden();
        api.put(provider(agb), "/api/v1/contracts/" + theirs + "/" + agb, Map.of("contracted", false))
                .expectStatus().isForbidden();
        api.put(admin(), "/api/v1/contracts/" + theirs + "/" + agb, Map.of("contracted", false)).expectStatus().isOk();
    }

    @Test
    void insurers_list_their_own_contracts_and_providers_theirs() {
        String uzovi = freshUzovi();
        String first = freshAgb();
        String second = freshAgb();
        api.register(first, aProvider().typical().build());
        api.register(second, aProvider().typical().build());
        api.put(insurer(uzovi), "/api/v1/contracts/" + uzovi + "/" + first, Map.of("contracted", true,
                "ceilingReached", true)).expectStatus().isCreated();
        api.put(insurer(uzovi), "/api/v1/contracts/" + uzovi + "/" + second, Map.of("contracted", false))
                .expectStatus().isCreated();
        api.put(admin(), "/api/v1/contracts/" + freshUzovi() + "/" + first, Map.of("contracted", true))
                .expectStatus().isCreated();

        JsonNode own = json(api.get(insurer(uzovi), "/api/v1/contracts").expectStatus().isOk());
        assertThat(own).extracting(c -> c.get("providerAgb").asText() + ":" + c.get("transfers").asText())
                .containsExactly(first + ":CEILING_REACHED", second + ":NOT_CONTRACTED");
        assertThat(json(api.get(provider(first), "/api/v1/contracts").expectStatus().isOk())).hasSize(2);
    }

    @Test
    void bad_input_and_unknown_providers_are_refused() {
        String uzovi = freshUzovi();
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());

        api.put(insurer(uzovi), "/api/v1/contracts/" + uzovi + "/" + agb, Map.of("ceilingEuro", -5))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'contracted')].rule").isEqualTo(List.of("NotNull"))
                .jsonPath("$.errors[?(@.field == 'ceilingEuro')].rule").isEqualTo(List.of("PositiveOrZero"));
        api.put(insurer(uzovi), "/api/v1/contracts/" + uzovi + "/" + agb, Map.of("contracted", false, "ceilingEuro", 10))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("needs-contract");
        api.put(insurer(uzovi), "/api/v1/contracts/" + uzovi + "/" + freshAgb(), Map.of("contracted", true))
                .expectStatus().isNotFound();
        api.put(admin(), "/api/v1/contracts/33/" + agb, Map.of("contracted", true))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("insurerUzovi");
        // a malformed insurer code is named before the provider is looked up (a 404 would repeat the value)
        api.put(admin(), "/api/v1/contracts/123456782/" + freshAgb(), Map.of("contracted", true))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("insurerUzovi");
    }
}
