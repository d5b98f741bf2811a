package nl.transfertafel.transfertable.matching.infrastructure;

import nl.transfertafel.matching.MatchingEngine;
import nl.transfertafel.transfertable.matching.domain.Eligibility;
import nl.transfertafel.transfertable.matching.domain.MatchRound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The rules, the engine's round and the contract blocks. Who runs rounds, and on what, is wired by proposal. */
@Configuration(proxyBeanMethods = false)
public class MatchingConfiguration {

    @Bean
    Eligibility eligibility() {
        return Eligibility.standard();
    }

    @Bean
    MatchRound matchRound(Eligibility eligibility,
            @Value("${transfertafel.transfer-table.matching.parallelism:1}") int parallelism) {
        return new MatchRound(new MatchingEngine(parallelism), eligibility);
    }

    @Bean
    BlockRepository blockRepository(DatabaseClient db) {
        return new BlockRepository(db);
    }
}
