package nl.transfertafel.intake.referral.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.intake.client.domain.ClientPseudonyms;
import nl.transfertafel.intake.client.infrastructure.PersonalDataRepository;
import nl.transfertafel.intake.referral.application.GpWorklist;
import nl.transfertafel.intake.referral.application.ProviderList;
import nl.transfertafel.intake.referral.application.ReferralService;
import nl.transfertafel.intake.restriction.infrastructure.RestrictionRepository;
import nl.transfertafel.intake.transfer.infrastructure.TransferProgressRepository;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

    @Bean
    ReferralRepository referralRepository(DatabaseClient db, Clock clock) {
        return new ReferralRepository(db, clock);
    }

    @Bean
    ReferralService referralService(ReferralRepository referrals, PersonalDataRepository personalData,
            WaitingEntryRepository entries, RestrictionRepository restrictions, Outbox outbox, AuditLog audit,
            TransactionalOperator tx, ClientPseudonyms pseudonyms, MeterRegistry meters, Clock clock) {
        return new ReferralService(referrals, personalData, entries, restrictions, outbox, audit, tx, pseudonyms,
                meters, clock);
    }

    @Bean
    ProviderList providerList(WaitingEntryRepository entries, ReferralRepository referrals,
            PersonalDataRepository personalData, AuditLog audit, TransactionalOperator tx) {
        return new ProviderList(entries, referrals, personalData, audit, tx);
    }

    @Bean
    GpWorklist gpWorklist(ReferralRepository referrals, WaitingEntryRepository entries,
            TransferProgressRepository transfers, PersonalDataRepository personalData, EntryChanges changes,
            Outbox outbox, ClientPseudonyms pseudonyms, AuditLog audit, TransactionalOperator tx,
            nl.transfertafel.intake.validation.infrastructure.ValidationRepository validation, Clock clock) {
        return new GpWorklist(referrals, entries, transfers, personalData, changes, outbox, pseudonyms, audit, tx,
                validation, clock);
    }
}
