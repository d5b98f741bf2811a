package nl.transfertafel.capacity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.transfertafel.capacity.support.MovableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * capacity-service on the real engines; every integration test class uses this one configuration so
 * they share one Spring context (and one consumer-group member). Pair it with
 * {@code @DynamicPropertySource} calling {@link CapacityWiring#register}. The clock is a
 * {@link MovableClock} that tests only move forward; the scheduled jobs are left to the tests
 * (interval of a day), which call them after moving the clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CapacityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=capacity-service", "transfertafel.capacity.housekeeping-interval=P1D"})
@AutoConfigureWebTestClient(timeout = "30s")
@Import(MovableClock.Configuration.class)
public @interface CapacityIntegrationTest {
}
