package nl.transfertafel.transfertable.readmodel.infrastructure;

import java.time.Clock;
import nl.transfertafel.transfertable.readmodel.application.ReadModelListener;
import nl.transfertafel.transfertable.readmodel.application.ReadModelProjector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The read model of intake's and capacity's events; its listener comes from the proposal feature. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    ReadModelRepository readModelRepository(DatabaseClient db) {
        return new ReadModelRepository(db);
    }

    @Bean
    ReadModelProjector readModelProjector(ReadModelRepository repository, ReadModelListener listener, Clock clock) {
        return new ReadModelProjector(repository, listener, clock);
    }
}
