package nl.transfertafel.testkit.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import nl.transfertafel.testkit.oidc.KeycloakServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.TestAbortedException;

/**
 * The switch between the embedded engines (default) and Testcontainers, and what happens where no Docker
 * engine is: the integration tests report themselves skipped with the reason, never failed. This machine has
 * no Docker, so the skip path is what runs here; on a machine with Docker those checks are skipped instead.
 */
class TestcontainersPathTest {

    @AfterEach
    void backToTheDefault() {
        System.clearProperty(EngineMode.VARIABLE);
    }

    @Test
    void the_embedded_engines_stay_the_default_and_testcontainers_is_asked_for_by_name() {
        assertThat(EngineMode.parse(null)).isEqualTo(EngineMode.EMBEDDED);
        assertThat(EngineMode.parse(" ")).isEqualTo(EngineMode.EMBEDDED);
        assertThat(EngineMode.parse("embedded")).isEqualTo(EngineMode.EMBEDDED);
        assertThat(EngineMode.parse("Testcontainers")).isEqualTo(EngineMode.TESTCONTAINERS);
        assertThatThrownBy(() -> EngineMode.parse("docker")).hasMessageContaining("embedded or testcontainers");

        System.setProperty(EngineMode.VARIABLE, "testcontainers");
        assertThat(EngineMode.configured()).isEqualTo(EngineMode.TESTCONTAINERS);
        assertThat(SharedEngines.isKafkaEmbedded()).as("the broker is a container then").isFalse();
        System.clearProperty(EngineMode.VARIABLE);
        assertThat(EngineMode.configured()).isEqualTo(EngineMode.EMBEDDED);
    }

    @Test
    void without_docker_asking_for_a_container_aborts_the_test_with_the_reason() {
        assumeNoDocker();
        System.setProperty(EngineMode.VARIABLE, "testcontainers");

        assertThatThrownBy(Containers::postgres).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no Docker engine").hasMessageContaining(EngineMode.VARIABLE);
        assertThatThrownBy(Containers::kafkaBootstrap).isInstanceOf(TestAbortedException.class);
        assertThat(KeycloakServer.unavailable(java.nio.file.Path.of("/nowhere"), java.nio.file.Path.of("/nowhere")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no Docker engine"));
    }

    @Test
    void without_docker_an_integration_test_class_is_reported_skipped_with_the_reason_not_failed() {
        assumeNoDocker();
        System.setProperty(EngineMode.VARIABLE, "testcontainers");

        EngineExecutionResults results = run(OnTheEnginesIT.class);

        assertThat(results.allEvents().failed().count()).isZero();
        assertThat(results.testEvents().started().count()).as("nothing of the class ran").isZero();
        assertThat(results.containerEvents().skipped().count()).isEqualTo(1);
        assertThat(results.containerEvents().skipped().list().get(0).getPayload(String.class)).get().asString()
                .contains("no Docker engine");
        // a unit test (not *IT) is left alone
        EngineExecutionResults unit = run(PlainUnitTest.class);
        assertThat(unit.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(unit.containerEvents().skipped().count()).isZero();
    }

    @Test
    void with_the_embedded_engines_the_same_integration_test_class_runs() {
        EngineExecutionResults results = run(OnTheEnginesIT.class);

        assertThat(results.containerEvents().skipped().count()).isZero();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    }

    /** Runs a fixture class as Maven would with -Ptestcontainers (extension auto-detection on). */
    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(fixture)).execute();
    }

    private static void assumeNoDocker() {
        Assumptions.assumeTrue(Containers.dockerUnavailable().isPresent(),
                "a Docker engine is here: the skip path cannot be shown on this machine");
    }

    /** Fixture: an integration test class (its name ends in IT), run only through the engine test kit. */
    static class OnTheEnginesIT {

        @Test
        void runs() {
            assertThat(EngineMode.configured()).isNotNull();
        }
    }

    /** Fixture: a unit test class. */
    static class PlainUnitTest {

        @Test
        void runs() {
            assertThat(1 + 1).isEqualTo(2);
        }
    }
}
