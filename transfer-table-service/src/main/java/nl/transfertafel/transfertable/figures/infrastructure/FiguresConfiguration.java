package nl.transfertafel.transfertable.figures.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The region's figures for the dashboard. */
@Configuration(proxyBeanMethods = false)
public class FiguresConfiguration {

    @Bean
    FiguresRepository figuresRepository(DatabaseClient db) {
        return new FiguresRepository(db);
    }
}
