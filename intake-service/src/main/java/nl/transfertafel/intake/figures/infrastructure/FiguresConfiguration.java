package nl.transfertafel.intake.figures.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import nl.transfertafel.intake.figures.application.FiguresService;
import nl.transfertafel.intake.figures.domain.Figures;
import nl.transfertafel.intake.validation.application.ValidationRounds;
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
    FiguresService figuresService(FiguresRepository figures, ValidationRounds rounds, Clock clock) {
        return new FiguresService(figures, (scope, limit) -> scope instanceof Figures.Scope.Provider provider
                ? rounds.newest(null, provider.agb(), limit)
                : rounds.newest(((Figures.Scope.Region) scope).code(), null, limit), clock);
    }

    @Bean
    FiguresGauges figuresGauges(FiguresRepository figures, MeterRegistry meters, Clock clock,
            @Value("${transfertafel.intake.figures.refresh-interval:PT1M}") Duration interval) {
        return new FiguresGauges(figures, meters, clock, interval);
    }
}
