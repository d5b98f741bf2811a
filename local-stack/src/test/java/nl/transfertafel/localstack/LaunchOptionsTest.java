package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void without_options_the_stack_keeps_its_data_in_the_default_folder_and_loads_demo_data_when_empty() {
        LaunchOptions options = LaunchOptions.parse(new String[0], Map.of());

        assertThat(options.dataDir()).isEqualTo(Path.of(".transfertafel-data").toAbsolutePath().normalize());
        assertThat(options.fresh()).isFalse();
        assertThat(options.demoData()).isTrue();
        assertThat(options.cluster()).isFalse();
        assertThat(options.randomPorts()).isFalse();
    }

    @Test
    void the_harness_command_line_is_understood_in_both_spellings() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--cluster", "--data-dir=/tmp/x", "--fresh",
                "--no-demo-data", "--random-ports"}, Map.of());
        LaunchOptions spaced = LaunchOptions.parse(new String[] {"--data-dir", "/tmp/x"}, Map.of());

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(spaced.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.cluster()).isTrue();
        assertThat(options.fresh()).isTrue();
        assertThat(options.demoData()).isFalse();
        assertThat(options.randomPorts()).isTrue();
    }

    @Test
    void the_environment_names_the_folder_and_switches_demo_data_off_but_the_command_line_wins() {
        Map<String, String> env = Map.of("TRANSFERTAFEL_DATA_DIR", "/srv/tt", "TRANSFERTAFEL_DEMO_DATA", "false");

        assertThat(LaunchOptions.parse(new String[0], env).dataDir()).isEqualTo(Path.of("/srv/tt"));
        assertThat(LaunchOptions.parse(new String[0], env).demoData()).isFalse();
        assertThat(LaunchOptions.parse(new String[] {"--data-dir", "/elsewhere"}, env).dataDir())
                .isEqualTo(Path.of("/elsewhere"));
    }

    @Test
    void an_unknown_option_or_a_missing_folder_is_refused_with_the_usage() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--clustr"}, Map.of()))
                .hasMessageContaining("--clustr").hasMessageContaining("Usage");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--data-dir"}, Map.of()))
                .hasMessageContaining("--data-dir needs a directory");
    }

    @Test
    void the_cluster_runs_two_jvms_of_intake_transfer_table_and_notification_and_one_of_capacity_unless_told_otherwise() {
        LaunchOptions defaults = LaunchOptions.parse(new String[] {"--cluster"}, Map.of());
        LaunchOptions fewer = LaunchOptions.parse(new String[] {"--cluster", "--instances",
                "transfer-table-service=1,notification-service=1"}, Map.of());
        LaunchOptions joined = LaunchOptions.parse(new String[] {"--instances=capacity-service=3"}, Map.of());

        assertThat(defaults.instances()).containsExactlyInAnyOrderEntriesOf(Map.of(ServiceKind.INTAKE, 2,
                ServiceKind.CAPACITY, 1, ServiceKind.TRANSFER_TABLE, 2, ServiceKind.NOTIFICATION, 2));
        assertThat(fewer.instances()).containsExactlyInAnyOrderEntriesOf(Map.of(ServiceKind.INTAKE, 2,
                ServiceKind.CAPACITY, 1, ServiceKind.TRANSFER_TABLE, 1, ServiceKind.NOTIFICATION, 1));
        assertThat(joined.instances()).containsEntry(ServiceKind.CAPACITY, 3).containsEntry(ServiceKind.INTAKE, 2);
    }

    @Test
    void an_instance_count_for_no_service_or_out_of_range_is_refused_naming_the_part() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--instances", "intake=2"}, Map.of()))
                .hasMessageContaining("'intake=2'");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--instances", "intake-service=0"}, Map.of()))
                .hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--instances", "intake-service=two"}, Map.of()))
                .hasMessageContaining("'intake-service=two'");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--instances"}, Map.of()))
                .hasMessageContaining("--instances needs");
    }

    @Test
    void an_external_oidc_provider_is_named_by_option_or_environment_and_the_audience_defaults_to_the_realms() {
        LaunchOptions byOption = LaunchOptions.parse(new String[] {"--issuer-uri",
                "http://127.0.0.1:8080/realms/transfertafel"}, Map.of());
        LaunchOptions byEnvironment = LaunchOptions.parse(new String[] {"--audience=tt-prod"},
                Map.of("TRANSFERTAFEL_OIDC_ISSUER_URI", "https://login.example.org/realms/tt"));
        LaunchOptions local = LaunchOptions.parse(new String[0], Map.of());

        assertThat(byOption.issuerUri()).isEqualTo("http://127.0.0.1:8080/realms/transfertafel");
        assertThat(byOption.audience()).isEqualTo("transfertafel");
        assertThat(byOption.demoData()).as("demo data needs the local issuer's tokens").isFalse();
        assertThat(byEnvironment.issuerUri()).isEqualTo("https://login.example.org/realms/tt");
        assertThat(byEnvironment.audience()).isEqualTo("tt-prod");
        assertThat(local.issuerUri()).isNull();
        assertThat(local.demoData()).isTrue();
    }

    @Test
    void an_issuer_that_is_no_url_or_with_the_cluster_is_refused_with_the_reason() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--issuer-uri", "keycloak"}, Map.of()))
                .hasMessageContaining("needs an http(s) URL");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--issuer-uri"}, Map.of()))
                .hasMessageContaining("--issuer-uri needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--cluster", "--issuer-uri",
                "http://127.0.0.1:8080/realms/transfertafel"}, Map.of())).hasMessageContaining("single-JVM mode only");
    }
}
