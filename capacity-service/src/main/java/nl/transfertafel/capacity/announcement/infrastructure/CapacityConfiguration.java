package nl.transfertafel.capacity.announcement.infrastructure;

import java.time.Clock;
import nl.transfertafel.capacity.announcement.application.CapacityService;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class CapacityConfiguration {

    @Bean
    CapacityLineRepository capacityLineRepository(DatabaseClient db, Clock clock) {
        return new CapacityLineRepository(db, clock);
    }

    @Bean
    CapacityService capacityService(CapacityLineRepository lines, Outbox outbox, TransactionalOperator tx, Clock clock) {
        return new CapacityService(lines, outbox, tx, clock);
    }
}
