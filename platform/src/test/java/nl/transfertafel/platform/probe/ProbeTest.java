package nl.transfertafel.platform.probe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The probe service's Spring context for the platform's integration tests. They extend
 * {@link ProbeIntegrationTest}, which carries this and the one {@code @DynamicPropertySource}, so they
 * share one context (one consumer group member, not one per class).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=platform-test")
// 60 s, not 5: on a machine shared by several builds the first requests of a context are slow
@AutoConfigureWebTestClient(timeout = "PT60S")
public @interface ProbeTest {
}
