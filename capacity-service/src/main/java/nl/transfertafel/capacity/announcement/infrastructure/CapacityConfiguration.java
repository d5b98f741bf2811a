package nl.transfertafel.capacity.announcement.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.capacity.announcement.application.CapacityService;
import nl.transfertafel.capacity.announcement.application.LineHousekeeping;
import nl.transfertafel.capacity.common.infrastructure.CapacityProperties;
import nl.transfertafel.capacity.registry.application.InactiveProviders;
import nl.transfertafel.capacity.registry.infrastructure.ProviderRepository;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class CapacityConfiguration {

    @Bean
    CapacityLineRepository capacityLineRepository(DatabaseClient db) {
        return new CapacityLineRepository(db);
    }

    @Bean
    CapacityService capacityService(CapacityLineRepository lines, ProviderRepository providers, Outbox outbox,
            TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        return new CapacityService(lines, providers, outbox, tx, clock, meters);
    }

    /** A provider made inactive in the registry has its live lines withdrawn, in the registry's transaction. */
    @Bean
    InactiveProviders withdrawLinesOfInactiveProviders(CapacityService capacity) {
        return capacity::withdrawAllOf;
    }

    @Bean
    LineHousekeeping lineHousekeeping(CapacityLineRepository lines, CapacityService capacity, TransactionalOperator tx,
            Clock clock, CapacityProperties properties) {
        return new LineHousekeeping(lines, capacity, tx, clock, properties.staleAfter());
    }
}
