package nl.transfertafel.transfertable.waitinglist.infrastructure;

import java.time.Clock;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.waitinglist.application.WaitingListScreeningService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Waiting-list screenings (is this client suitable for transfer at all?), under four eyes. */
@Configuration(proxyBeanMethods = false)
public class WaitingListConfiguration {

    @Bean
    WaitingListScreeningRepository waitingListScreeningRepository(DatabaseClient db) {
        return new WaitingListScreeningRepository(db);
    }

    @Bean
    WaitingListScreeningService waitingListScreeningService(WaitingListScreeningRepository screenings,
            ReadModelRepository readModel, FourEyesPolicy fourEyes, AuditLog audit, TransactionalOperator tx,
            MatchTrigger trigger, Clock clock) {
        return new WaitingListScreeningService(screenings, readModel, fourEyes, audit, tx, trigger, clock);
    }
}
