package nl.transfertafel.intake.client.infrastructure;

import java.util.Map;
import nl.transfertafel.intake.client.application.ContactLookup;
import nl.transfertafel.intake.client.domain.ClientPseudonyms;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import nl.transfertafel.platform.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The client's identity and personal data. Keys come from configuration:
 * {@code transfertafel.intake.pseudonym-key} (HMAC of the BSN), {@code transfertafel.intake.encryption-key}
 * (base64 AES key) with {@code encryption-key-id}, and {@code previous-encryption-keys.<id>} for keys
 * rotated out but still needed to read older rows.
 */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    @Bean
    ClientPseudonyms clientPseudonyms(@Value("${transfertafel.intake.pseudonym-key}") String key) {
        return new ClientPseudonyms(key);
    }

    @Bean
    PersonalDataCipher personalDataCipher(Environment environment,
            @Value("${transfertafel.intake.encryption-key-id:k1}") String keyId,
            @Value("${transfertafel.intake.encryption-key}") String key) {
        Map<String, String> previous = Binder.get(environment)
                .bind("transfertafel.intake.previous-encryption-keys", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return new PersonalDataCipher(keyId, key, previous);
    }

    @Bean
    PersonalDataRepository personalDataRepository(DatabaseClient db, PersonalDataCipher cipher) {
        return new PersonalDataRepository(db, cipher);
    }

    @Bean
    ContactLookup contactLookup(WaitingEntryRepository entries, PersonalDataRepository personalData, AuditLog audit,
            TransactionalOperator tx) {
        return new ContactLookup(entries, personalData, audit, tx);
    }
}
