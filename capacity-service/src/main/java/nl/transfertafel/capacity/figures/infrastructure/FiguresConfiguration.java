package nl.transfertafel.capacity.figures.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.capacity.figures.application.FiguresService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class FiguresConfiguration {

    @Bean
    FiguresRepository figuresRepository(DatabaseClient db) {
        return new FiguresRepository(db);
    }

    @Bean
    FiguresService figuresService(FiguresRepository figures, Clock clock, MeterRegistry meters) {
        return new FiguresService(figures, clock, meters);
    }
}
