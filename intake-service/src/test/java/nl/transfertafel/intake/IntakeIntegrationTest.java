package nl.transfertafel.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * intake-service on the real engines; every integration test class uses this one configuration so
 * they share one Spring context (and one consumer-group member). Pair it with
 * {@code @DynamicPropertySource} calling {@link IntakeWiring#register}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = IntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=intake-service")
@AutoConfigureWebTestClient
public @interface IntakeIntegrationTest {
}
