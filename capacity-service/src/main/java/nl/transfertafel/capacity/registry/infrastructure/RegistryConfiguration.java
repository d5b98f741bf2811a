package nl.transfertafel.capacity.registry.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.capacity.registry.application.InactiveProviders;
import nl.transfertafel.capacity.registry.application.RegistryService;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    ProviderRepository providerRepository(DatabaseClient db, Clock clock) {
        return new ProviderRepository(db, clock);
    }

    @Bean
    RegistryService registryService(ProviderRepository providers, Outbox outbox, TransactionalOperator tx, Clock clock,
            MeterRegistry meters, InactiveProviders inactiveProviders) {
        // a provider made inactive takes its open capacity out of matching in the same transaction
        return new RegistryService(providers, outbox, tx, clock, meters, inactiveProviders);
    }
}
