package nl.transfertafel.transfertable.readmodel.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import nl.transfertafel.transfertable.readmodel.application.ReadModelListener;
import nl.transfertafel.transfertable.readmodel.application.ReadModelProjector;
import org.springframework.beans.factory.annotation.Value;
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

    /** The regions' matching candidates, kept between rounds and read by change (ADR 1160). */
    @Bean
    RegionCandidates regionCandidates(ReadModelRepository repository, MeterRegistry meters,
            @Value("${transfertafel.transfer-table.matching.candidates-full-read-every:PT15M}") Duration fullReadEvery) {
        return new RegionCandidates(repository, fullReadEvery, System::nanoTime, meters);
    }

    @Bean
    ReadModelProjector readModelProjector(ReadModelRepository repository, ReadModelListener listener, Clock clock) {
        return new ReadModelProjector(repository, listener, clock);
    }
}
