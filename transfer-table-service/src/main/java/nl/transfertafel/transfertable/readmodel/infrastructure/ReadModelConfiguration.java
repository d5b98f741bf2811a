package nl.transfertafel.transfertable.readmodel.infrastructure;

import java.time.Clock;
import nl.transfertafel.transfertable.readmodel.application.ReadModelProjector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    ReadModelRepository readModelRepository(DatabaseClient db, Clock clock) {
        return new ReadModelRepository(db, clock);
    }

    @Bean
    ReadModelProjector readModelProjector(ReadModelRepository repository) {
        return new ReadModelProjector(repository);
    }
}
