package nl.transfertafel.transfertable.screening.infrastructure;

import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one four-eyes policy every screening decision goes through (ADR 0702). */
@Configuration(proxyBeanMethods = false)
public class ScreeningConfiguration {

    @Bean
    FourEyesPolicy fourEyesPolicy() {
        return new FourEyesPolicy();
    }
}
