package nl.transfertafel.capacity.restriction.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.capacity.registry.infrastructure.ProviderRepository;
import nl.transfertafel.capacity.restriction.application.RestrictionService;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class RestrictionConfiguration {

    @Bean
    RestrictionRepository restrictionRepository(DatabaseClient db, Clock clock) {
        return new RestrictionRepository(db, clock);
    }

    @Bean
    RestrictionService restrictionService(RestrictionRepository restrictions, ProviderRepository providers,
            Outbox outbox, TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        return new RestrictionService(restrictions, providers, outbox, tx, clock, meters);
    }
}
