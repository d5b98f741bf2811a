package nl.transfertafel.intake.restriction.infrastructure;

import java.time.Clock;
import nl.transfertafel.intake.restriction.application.RestrictionProjector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class RestrictionConfiguration {

    @Bean
    RestrictionRepository restrictionRepository(DatabaseClient db, Clock clock) {
        return new RestrictionRepository(db, clock);
    }

    @Bean
    RestrictionProjector restrictionProjector(RestrictionRepository restrictions) {
        return new RestrictionProjector(restrictions);
    }
}
