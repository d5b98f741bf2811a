package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.transfertafel.demo.DemoData;
import nl.transfertafel.demo.DemoDataGenerator;
import nl.transfertafel.demo.DemoOrganisations;
import nl.transfertafel.testkit.ServiceProperties;
import nl.transfertafel.testkit.engines.EmbeddedPostgresServer;
import nl.transfertafel.testkit.engines.KafkaEngine;
import nl.transfertafel.testkit.engines.PostgresServer;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import nl.transfertafel.testkit.security.LocalTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The capacity part of the demo data loads through capacity-service's public API without a single
 * refusal, and the demo users' organisations are in the registry. Runs capacity-service alone (the
 * loader needs nothing else), on throwaway engines of its own like every stack of a test (ADR 1113): its demo
 * capacity once took FhirGatewayIT's referral when the classes of this JVM shared the databases.
 */
class CapacityDemoLoaderIT {

    private static LocalTokenIssuer tokens;
    private static EmbeddedPostgresServer ownPostgres;
    private static KafkaEngine ownKafka;
    private static ConfigurableApplicationContext capacity;
    private static String url;

    @BeforeAll
    static void start() {
        tokens = LocalTokenIssuer.start(0);
        PostgresServer postgres;
        String kafka;
        if (LocalStack.ownTestEngines()) {
            ownPostgres = EmbeddedPostgresServer.start(null, 0).closedByOwner();
            ownKafka = KafkaEngine.start(null, 0).closedByOwner();
            postgres = ownPostgres;
            kafka = ownKafka.bootstrapServers();
        } else {
            postgres = SharedEngines.postgres();
            kafka = SharedEngines.kafkaBootstrap();
        }
        Map<String, Object> properties = new LinkedHashMap<>(ServiceProperties.wiring(postgres,
                ServiceKind.CAPACITY.database(), kafka, tokens));
        properties.put("server.port", 0);
        capacity = ServiceKind.CAPACITY.application().run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        url = "http://127.0.0.1:" + capacity.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (capacity != null) {
            capacity.close();
        }
        if (tokens != null) {
            tokens.close();
        }
        if (ownKafka != null) {
            ownKafka.close();
        }
        if (ownPostgres != null) {
            ownPostgres.close();
        }
    }

    @Test
    void the_demo_registry_contracts_and_capacity_load_and_the_demo_providers_are_registered() {
        DemoData data = DemoDataGenerator.generate(20261122, DemoDataGenerator.Size.demo(), LocalDate.now());

        // on engines somebody else runs (shared by the JVM) other classes may have announced lines: count what this load adds
        int ownLinesBefore = get("/api/v1/capacity", DemoUsers.PROVIDER).size();

        CapacityDemoLoader.Loaded loaded = new CapacityDemoLoader(url, tokens).load(data);

        assertThat(loaded.refused()).isZero();
        assertThat(loaded.providers()).isEqualTo(data.providers().size());
        assertThat(loaded.contracts()).isEqualTo(data.contracts().size());
        assertThat(loaded.capacityLines()).isEqualTo(data.capacity().size());
        for (String agb : new String[] {DemoOrganisations.PROVIDER_AGB, DemoOrganisations.OTHER_PROVIDER_AGB}) {
            JsonNode provider = get("/api/v1/providers/" + agb, DemoUsers.COORDINATOR_A);
            assertThat(provider.get("region").asText()).isEqualTo(DemoUsers.REGION);
            assertThat(provider.get("locations")).isNotEmpty();
            assertThat(provider.get("offerings")).isNotEmpty();
        }
        java.util.List<String> contracted = new java.util.ArrayList<>();
        get("/api/v1/contracts", DemoUsers.INSURER).forEach(contract -> contracted.add(contract.get("providerAgb").asText()));
        assertThat(contracted).containsAll(data.providers().stream().map(DemoData.Provider::agb).toList());
        JsonNode ownLines = get("/api/v1/capacity", DemoUsers.PROVIDER);
        long expected = data.capacity().stream().filter(c -> c.providerAgb().equals(DemoOrganisations.PROVIDER_AGB)).count();
        assertThat(ownLines.size() - ownLinesBefore).isEqualTo(expected);
        long registeredForm = 0;
        for (JsonNode line : ownLines) {
            registeredForm += line.get("offeringId").isNull() ? 0 : 1;
        }
        assertThat(registeredForm).isGreaterThanOrEqualTo(expected);
    }

    private static JsonNode get(String path, DemoUser user) {
        HttpResponse<String> response = StackHttp.get(url + path, tokens.tokenFor(user));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return StackHttp.json(response.body());
    }
}
