package nl.transfertafel.capacity.closure.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.capacity.announcement.application.CapacityService;
import nl.transfertafel.capacity.announcement.infrastructure.CapacityLineRepository;
import nl.transfertafel.capacity.closure.application.ClosureService;
import nl.transfertafel.capacity.registry.infrastructure.ProviderRepository;
import nl.transfertafel.capacity.restriction.application.RestrictionService;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class ClosureConfiguration {

    @Bean
    ClosureRepository closureRepository(DatabaseClient db) {
        return new ClosureRepository(db);
    }

    @Bean
    ClosureService closureService(ClosureRepository closures, ProviderRepository providers, CapacityLineRepository lines,
            CapacityService capacity, RestrictionService restrictions, Outbox outbox, TransactionalOperator tx,
            Clock clock, MeterRegistry meters) {
        return new ClosureService(closures, providers, lines, capacity, restrictions, outbox, tx, clock, meters);
    }
}
