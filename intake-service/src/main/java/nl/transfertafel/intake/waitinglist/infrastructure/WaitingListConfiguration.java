package nl.transfertafel.intake.waitinglist.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.intake.waitinglist.application.TreatmentsMustMove;
import nl.transfertafel.intake.waitinglist.application.WaitingListService;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class WaitingListConfiguration {

    @Bean
    WaitingEntryRepository waitingEntryRepository(DatabaseClient db, Clock clock) {
        return new WaitingEntryRepository(db, clock);
    }

    @Bean
    EntryChanges entryChanges(WaitingEntryRepository entries, Outbox outbox, AuditLog audit, TransactionalOperator tx,
            MeterRegistry meters) {
        return new EntryChanges(entries, outbox, audit, tx, meters);
    }

    @Bean
    TreatmentsMustMove treatmentsMustMove(WaitingEntryRepository entries, EntryChanges changes, Clock clock) {
        return new TreatmentsMustMove(entries, changes, clock);
    }

    @Bean
    WaitingListService waitingListService(EntryChanges changes, Clock clock) {
        return new WaitingListService(changes, clock);
    }
}
