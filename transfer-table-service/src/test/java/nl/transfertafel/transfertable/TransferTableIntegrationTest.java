package nl.transfertafel.transfertable;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.transfertafel.transfertable.support.MutableClock;
import nl.transfertafel.transfertable.support.StatementCounter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * transfer-table-service on the real engines; every integration test class uses this one
 * configuration so they share ONE Spring context. Pair it with {@code @DynamicPropertySource}
 * calling {@link TransferTableWiring#register}. The scheduled jobs are off (tests call them on a
 * moved {@link MutableClock}); matching rounds run as in production (at once, coalesced while one runs).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TransferTableApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=transfer-table-service",
                "transfertafel.transfer-table.jobs.enabled=false",
                "transfertafel.transfer-table.matching.min-gap=PT0.1S"})
@AutoConfigureWebTestClient
@Import(TransferTableIntegrationTest.Clocks.class)
public @interface TransferTableIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        /** Every statement passes r2dbc-proxy, so a test can count what a listing sends (issue 10). */
        @Bean
        static BeanPostProcessor countingStatements() {
            return StatementCounter.wrapping();
        }
    }
}
