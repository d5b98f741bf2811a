package nl.transfertafel.intake.transfer.infrastructure;

import java.time.Clock;
import nl.transfertafel.intake.transfer.application.TransferFollower;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class TransferConfiguration {

    @Bean
    TransferProgressRepository transferProgressRepository(DatabaseClient db, Clock clock) {
        return new TransferProgressRepository(db, clock);
    }

    @Bean
    TransferFollower transferFollower(TransferProgressRepository progress, EntryChanges changes, Clock clock) {
        return new TransferFollower(progress, changes, clock);
    }
}
