package nl.transfertafel.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * notification-service on the real engines; every integration test class uses this one
 * configuration so they share one Spring context (and one consumer-group member). Pair it with
 * {@code @DynamicPropertySource} calling {@link NotificationWiring#register}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
@AutoConfigureWebTestClient
public @interface NotificationIntegrationTest {
}
