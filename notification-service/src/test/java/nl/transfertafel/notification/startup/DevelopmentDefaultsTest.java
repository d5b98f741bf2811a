package nl.transfertafel.notification.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 11 item 12, notification's part: the secrets in the repository (the service client secret
 * of the local token issuer, the database password of the embedded default) are public; outside
 * the local stack and tests the service refuses to start with them.
 */
class DevelopmentDefaultsTest {

    @Test
    void the_public_service_client_secret_refuses_to_start_outside_development() {
        MockEnvironment environment = real().withProperty("transfertafel.service-auth.client-secret", "local-service-secret");
        assertThatThrownBy(() -> DevelopmentDefaults.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transfertafel.service-auth.client-secret")
                .hasMessageContaining("TRANSFERTAFEL_SERVICE_SECRET")
                .hasMessageNotContaining("local-service-secret");
    }

    @Test
    void the_public_database_password_refuses_to_start_outside_development() {
        MockEnvironment environment = real().withProperty("spring.r2dbc.password", "transfertafel");
        assertThatThrownBy(() -> DevelopmentDefaults.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.r2dbc.password");
    }

    @Test
    void a_missing_service_client_secret_refuses_to_start() {
        MockEnvironment without = new MockEnvironment().withProperty("spring.r2dbc.password", "s3cret-db")
                .withProperty("spring.flyway.password", "s3cret-db");
        assertThatThrownBy(() -> DevelopmentDefaults.check(without)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void real_secrets_start() {
        assertThatCode(() -> DevelopmentDefaults.check(real())).doesNotThrowAnyException();
    }

    @Test
    void the_local_stack_and_tests_say_so_explicitly_and_may_use_the_public_ones() {
        MockEnvironment environment = real().withProperty("transfertafel.service-auth.client-secret", "local-service-secret")
                .withProperty("spring.r2dbc.password", "transfertafel")
                .withProperty(DevelopmentDefaults.PROPERTY, "true");
        assertThatCode(() -> DevelopmentDefaults.check(environment)).doesNotThrowAnyException();
        assertThat(DevelopmentDefaults.PROPERTY).isEqualTo("transfertafel.dev-keys");
    }

    private static MockEnvironment real() {
        return new MockEnvironment().withProperty("transfertafel.service-auth.client-secret", "a-real-client-secret")
                .withProperty("spring.r2dbc.password", "s3cret-db").withProperty("spring.flyway.password", "s3cret-db");
    }
}
