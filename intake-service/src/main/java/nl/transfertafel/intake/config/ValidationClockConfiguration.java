package nl.transfertafel.intake.config;

import java.time.Clock;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean validation's {@code @Past}, {@code @PastOrPresent} and our date rules read "today" from the
 * service's one {@link Clock}, like the domain does, so the edge and the domain never disagree
 * about what day it is (and tests that move the clock move both).
 */
@Configuration(proxyBeanMethods = false)
class ValidationClockConfiguration {

    @Bean
    ValidationConfigurationCustomizer validationUsesTheServiceClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
