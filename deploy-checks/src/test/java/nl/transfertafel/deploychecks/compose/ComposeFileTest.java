package nl.transfertafel.deploychecks.compose;

import static nl.transfertafel.deploychecks.Repository.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.transfertafel.deploychecks.Repository;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * deploy/compose/docker-compose.yml against the Compose Specification's JSON schema (schema/compose-spec.json
 * of github.com/compose-spec/compose-spec, Apache-2.0, copied into this module's test resources), and what
 * issue 12 asks of it: health checks everywhere and services that wait for healthy dependencies.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Repository.deploy().resolve("compose/docker-compose.yml");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void the_compose_file_is_valid_against_the_compose_specification() throws IOException {
        List<Error> errors = schema().validate(compose());

        assertThat(errors).isEmpty();
    }

    @Test
    void the_schema_check_refuses_what_compose_would_refuse() throws IOException {
        JsonNode broken = compose();
        ((ObjectNode) broken.get("services").get("kafka")).put("restart_policy", "always");

        assertThat(schema().validate(broken)).isNotEmpty();
    }

    @Test
    void every_container_has_a_health_check_and_the_services_wait_for_healthy_infrastructure() throws IOException {
        JsonNode services = compose().get("services");
        services.properties().forEach(entry ->
                assertThat(entry.getValue().has("healthcheck")).as(entry.getKey() + " has a health check").isTrue());
        for (String service : SERVICES) {
            JsonNode dependsOn = services.get(service).get("depends_on");
            for (String infrastructure : List.of("postgres", "kafka", "keycloak")) {
                assertThat(dependsOn.get(infrastructure).get("condition").asString()).as(service + " waits for " + infrastructure)
                        .isEqualTo("service_healthy");
            }
            JsonNode check = services.get(service).get("healthcheck").get("test");
            assertThat(check.toString()).as(service).contains("nl.transfertafel.healthcheck.HealthCheck")
                    .contains(":" + Repository.port(service) + "/actuator/health/readiness");
            assertThat(services.get(service).get("ports").get(0).asString()).isEqualTo(Repository.port(service) + ":" + Repository.port(service));
        }
        assertThat(services.get("keycloak").get("command").toString()).contains("--import-realm");
    }

    @Test
    void every_file_the_compose_file_mounts_exists() throws IOException {
        JsonNode services = compose().get("services");
        services.properties().forEach(entry -> {
            JsonNode volumes = entry.getValue().get("volumes");
            if (volumes == null) {
                return;
            }
            for (JsonNode volume : volumes) {
                String source = volume.asString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(COMPOSE.getParent().resolve(source).normalize()).as(entry.getKey() + " mounts " + source).exists();
                }
            }
        });
    }

    private static JsonNode compose() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        // SnakeYAML resolves the << merge keys (x-service) as Compose does
        Map<String, Object> yaml = new Yaml(options).load(Files.readString(COMPOSE));
        return JSON.valueToTree(yaml);
    }

    private static Schema schema() throws IOException {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/schemas/compose-spec.json")) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            // the file names itself relatively ("compose_spec.json"); the validator wants an absolute id, and
            // the draft-07 meta-schema by the name it knows (offline: nothing is fetched)
            schema.put("$id", "https://compose-spec.io/compose_spec.json");
            schema.put("$schema", "http://json-schema.org/draft-07/schema#");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
        }
    }
}
