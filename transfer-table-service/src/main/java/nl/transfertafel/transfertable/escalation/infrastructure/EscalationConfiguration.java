package nl.transfertafel.transfertable.escalation.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.transfertable.common.application.TransferTableSettings;
import nl.transfertafel.transfertable.escalation.application.EscalationService;
import nl.transfertafel.transfertable.escalation.domain.EscalationPolicy;
import nl.transfertafel.transfertable.matching.application.RegionSnapshots;
import nl.transfertafel.transfertable.matching.domain.Eligibility;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Escalation cases (domain rule 9): the policy, its repository and service. */
@Configuration(proxyBeanMethods = false)
public class EscalationConfiguration {

    @Bean
    EscalationPolicy escalationPolicy(TransferTableSettings settings) {
        return new EscalationPolicy(settings.escalationNoCapacityAfter(), settings.escalationUrgentAfter());
    }

    @Bean
    EscalationRepository escalationRepository(DatabaseClient db) {
        return new EscalationRepository(db);
    }

    @Bean
    EscalationService escalationService(EscalationRepository escalations, ReadModelRepository readModel,
            RegionSnapshots snapshots, TransferTableSettings settings, Eligibility eligibility, EscalationPolicy policy,
            Outbox outbox, AuditLog audit, TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        return new EscalationService(escalations, readModel, snapshots, settings, eligibility, policy, outbox, audit,
                tx, clock, meters);
    }
}
