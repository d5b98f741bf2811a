package nl.transfertafel.intake.figures.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import nl.transfertafel.intake.figures.application.FiguresService;
import org.springframework.beans.factory.annotation.Value;
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
    FiguresService figuresService(FiguresRepository figures, Clock clock) {
        return new FiguresService(figures, clock);
    }

    @Bean
    FiguresGauges figuresGauges(FiguresRepository figures, MeterRegistry meters, Clock clock,
            @Value("${transfertafel.intake.figures.refresh-interval:PT1M}") Duration interval) {
        return new FiguresGauges(figures, meters, clock, interval);
    }
}
