package nl.transfertafel.capacity.contract.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.capacity.contract.application.ContractService;
import nl.transfertafel.capacity.registry.infrastructure.ProviderRepository;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class ContractConfiguration {

    @Bean
    ContractRepository contractRepository(DatabaseClient db, Clock clock) {
        return new ContractRepository(db, clock);
    }

    @Bean
    ContractService contractService(ContractRepository contracts, ProviderRepository providers, Outbox outbox,
            TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        return new ContractService(contracts, providers, outbox, tx, clock, meters);
    }
}
