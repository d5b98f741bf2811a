package nl.transfertafel.intake.testsupport;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** What the shared integration-test context adds to the service. */
@TestConfiguration(proxyBeanMethods = false)
public class IntakeTestConfiguration {

    /** Replaces the platform's system clock (it backs off when a Clock bean exists). */
    @Bean
    MutableClock clock() {
        return new MutableClock();
    }

    /** The 5 s default is too short for a first request (OpenAPI scan, prometheus) on a busy 2-core machine. */
    @Bean
    WebTestClientBuilderCustomizer patientWebTestClient() {
        return builder -> builder.responseTimeout(Duration.ofSeconds(60));
    }
}
