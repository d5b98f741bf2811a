package nl.transfertafel.intake.referral.infrastructure;

import java.time.Clock;
import nl.transfertafel.intake.referral.application.ReferralService;
import nl.transfertafel.intake.referral.domain.ClientPseudonyms;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

    @Bean
    ClientPseudonyms clientPseudonyms(@Value("${transfertafel.intake.pseudonym-key}") String key) {
        return new ClientPseudonyms(key);
    }

    @Bean
    ReferralRepository referralRepository(DatabaseClient db, Clock clock) {
        return new ReferralRepository(db, clock);
    }

    @Bean
    ReferralService referralService(ReferralRepository referrals, Outbox outbox, TransactionalOperator tx,
            ClientPseudonyms pseudonyms, Clock clock) {
        return new ReferralService(referrals, outbox, tx, pseudonyms, clock);
    }
}
