package nl.transfertafel.transfertable.closure.infrastructure;

import java.time.Clock;
import nl.transfertafel.transfertable.closure.application.ClosureCases;
import nl.transfertafel.transfertable.escalation.infrastructure.EscalationRepository;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Closure cases (issue 15 item 2): the queue view and report over what the read model projected. */
@Configuration(proxyBeanMethods = false)
public class ClosureConfiguration {

    @Bean
    ClosureCaseRepository closureCaseRepository(DatabaseClient db) {
        return new ClosureCaseRepository(db);
    }

    @Bean
    ClosureCases closureCases(ClosureCaseRepository closures, ProposalRepository proposals,
            EscalationRepository escalations, Clock clock) {
        return new ClosureCases(closures, proposals, escalations, clock);
    }
}
