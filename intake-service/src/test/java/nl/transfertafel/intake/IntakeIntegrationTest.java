package nl.transfertafel.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.transfertafel.intake.testsupport.IntakeTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * intake-service on the real engines; every integration test class uses this one configuration so
 * they share one Spring context (and one consumer-group member). Pair it with
 * {@code @DynamicPropertySource} calling {@link IntakeWiring#register}. The clock is a
 * {@link nl.transfertafel.intake.testsupport.MutableClock}; the scheduled waiting-clock job stays
 * idle (tests run it themselves).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = IntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=intake-service",
                "transfertafel.intake.clocks.initial-delay=PT24H",
                "transfertafel.intake.figures.refresh-interval=PT24H",
                // the validation rounds' deadline job stays idle too (tests call it); the answer links' limit per
                // address is out of the way (every test calls from 127.0.0.1; the limit has a test of its own)
                "transfertafel.intake.validation.initial-delay=PT24H",
                "transfertafel.intake.validation.link-attempts-per-address=100000",
                // the public development keys: only the local stack and tests may use them (issue 11 item 12)
                "transfertafel.dev-keys=true"})
@AutoConfigureWebTestClient
@Import(IntakeTestConfiguration.class)
public @interface IntakeIntegrationTest {
}
