package nl.transfertafel.platform.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Web edge shared by all services: problem+json answers (and their OpenAPI documentation), correlation
 * ids, and the injectable clock.
 */
@AutoConfiguration
public class WebConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Every service documents its problem+json answers the same way (see {@link ProblemResponses}). */
    @Bean
    ProblemResponsesCustomizer problemResponsesCustomizer() {
        return new ProblemResponsesCustomizer();
    }

    @Bean
    CorrelationWebFilter correlationWebFilter() {
        return new CorrelationWebFilter();
    }

    /** Domain code never reads the system time itself; tests replace this bean with a fixed clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
