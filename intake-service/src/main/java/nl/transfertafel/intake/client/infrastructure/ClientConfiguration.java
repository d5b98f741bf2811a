package nl.transfertafel.intake.client.infrastructure;

import java.util.Map;
import nl.transfertafel.intake.client.application.ContactLookup;
import nl.transfertafel.intake.client.domain.ClientPseudonyms;
import nl.transfertafel.intake.client.application.ListedClients;
import nl.transfertafel.platform.audit.AuditLog;
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
 * rotated out but still needed to read older rows. There are no defaults: see {@link IntakeKeys}.
 */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    /** Fails the start-up with a clear message when the deployment brought no keys of its own (see {@link IntakeKeys}). */
    @Bean
    IntakeKeys intakeKeys(Environment environment) {
        return IntakeKeys.from(environment);
    }

    @Bean
    ClientPseudonyms clientPseudonyms(IntakeKeys keys) {
        return new ClientPseudonyms(keys.pseudonymKey());
    }

    @Bean
    PersonalDataCipher personalDataCipher(Environment environment, IntakeKeys keys) {
        Map<String, String> previous = Binder.get(environment)
                .bind("transfertafel.intake.previous-encryption-keys", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return new PersonalDataCipher(keys.encryptionKeyId(), keys.encryptionKey(), previous);
    }

    @Bean
    PersonalDataRepository personalDataRepository(DatabaseClient db, PersonalDataCipher cipher) {
        return new PersonalDataRepository(db, cipher);
    }

    @Bean
    ContactLookup contactLookup(ListedClients listed, PersonalDataRepository personalData, AuditLog audit,
            TransactionalOperator tx) {
        return new ContactLookup(listed, personalData, audit, tx);
    }
}
