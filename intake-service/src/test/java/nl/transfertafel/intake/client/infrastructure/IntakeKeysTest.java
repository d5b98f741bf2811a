package nl.transfertafel.intake.client.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockPropertySource;

/**
 * Issue 11 item 12: without real keys the service must not start, except where the local stack and
 * the tests say so explicitly ({@code transfertafel.dev-keys=true}).
 */
class IntakeKeysTest {

    @Test
    void the_shipped_configuration_without_keys_in_the_environment_refuses_to_start() {
        StandardEnvironment environment = shipped(new MockPropertySource());

        assertThatThrownBy(() -> IntakeKeys.from(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRANSFERTAFEL_PSEUDONYM_KEY")
                .hasMessageContaining("TRANSFERTAFEL_INTAKE_ENCRYPTION_KEY")
                .hasMessageContaining("transfertafel.dev-keys=true");
    }

    @Test
    void one_missing_key_is_enough_to_refuse() {
        StandardEnvironment environment = shipped(new MockPropertySource()
                .withProperty("TRANSFERTAFEL_PSEUDONYM_KEY", "a-real-production-pseudonym-secret"));

        assertThatThrownBy(() -> IntakeKeys.from(environment))
                .hasMessageContaining("TRANSFERTAFEL_INTAKE_ENCRYPTION_KEY")
                .hasMessageNotContaining("TRANSFERTAFEL_PSEUDONYM_KEY ");
    }

    @Test
    void the_public_development_keys_are_refused_unless_development_keys_are_allowed() {
        StandardEnvironment environment = shipped(new MockPropertySource()
                .withProperty("TRANSFERTAFEL_PSEUDONYM_KEY", IntakeKeys.DEVELOPMENT_PSEUDONYM_KEY)
                .withProperty("TRANSFERTAFEL_INTAKE_ENCRYPTION_KEY", IntakeKeys.DEVELOPMENT_ENCRYPTION_KEY));

        assertThatThrownBy(() -> IntakeKeys.from(environment)).hasMessageContaining("public development");
    }

    @Test
    void the_local_stack_and_the_tests_use_the_development_keys_when_they_say_so() {
        IntakeKeys keys = IntakeKeys.from(shipped(new MockPropertySource().withProperty("transfertafel.dev-keys", "true")));

        assertThat(keys.pseudonymKey()).isEqualTo(IntakeKeys.DEVELOPMENT_PSEUDONYM_KEY);
        assertThat(keys.encryptionKey()).isEqualTo(IntakeKeys.DEVELOPMENT_ENCRYPTION_KEY);
        assertThat(keys.encryptionKeyId()).isEqualTo("dev1");
    }

    @Test
    void real_keys_from_the_environment_are_used_as_given() {
        IntakeKeys keys = IntakeKeys.from(shipped(new MockPropertySource()
                .withProperty("TRANSFERTAFEL_PSEUDONYM_KEY", "a-real-production-pseudonym-secret")
                .withProperty("TRANSFERTAFEL_INTAKE_ENCRYPTION_KEY", "c2VjcmV0LXByb2R1Y3Rpb24ta2V5LTMyLWJ5dGVzISE=")
                .withProperty("TRANSFERTAFEL_INTAKE_ENCRYPTION_KEY_ID", "prod7")));

        assertThat(keys.pseudonymKey()).isEqualTo("a-real-production-pseudonym-secret");
        assertThat(keys.encryptionKey()).isEqualTo("c2VjcmV0LXByb2R1Y3Rpb24ta2V5LTMyLWJ5dGVzISE=");
        assertThat(keys.encryptionKeyId()).isEqualTo("prod7");
    }

    /** intake-service.yml as the jar ships it, over the given "environment" (and nothing of this machine's). */
    private static StandardEnvironment shipped(MockPropertySource environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(environmentVariables);
        try {
            new YamlPropertySourceLoader().load("intake-service.yml", new ClassPathResource("intake-service.yml"))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return environment;
    }
}
