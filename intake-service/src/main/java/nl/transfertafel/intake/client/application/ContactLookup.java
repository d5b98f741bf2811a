package nl.transfertafel.intake.client.application;

import java.util.UUID;
import nl.transfertafel.intake.client.domain.ClientContact;
import nl.transfertafel.intake.client.infrastructure.PersonalDataRepository;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * How to reach a client, for notification-service (thin notifications: the notifier fetches the
 * address with its own service token when it needs it). Only for a client still on a list: a
 * withdrawn referral has no one to notify. Every look-up is audited with purpose
 * {@code notify-client}, the calling service as actor.
 */
public class ContactLookup {

    public static final String PURPOSE = "notify-client";

    private final ListedClients listed;
    private final PersonalDataRepository personalData;
    private final AuditLog audit;
    private final TransactionalOperator tx;

    public ContactLookup(ListedClients listed, PersonalDataRepository personalData, AuditLog audit,
            TransactionalOperator tx) {
        this.listed = listed;
        this.personalData = personalData;
        this.audit = audit;
        this.tx = tx;
    }

    public Mono<ClientContact> contactOf(Actor service, UUID referralId) {
        return listed.pseudonymIfListed(referralId)
                .switchIfEmpty(Mono.error(() -> Refused.notFound("referral " + referralId)))
                .flatMap(pseudonym -> personalData.find(referralId)
                        .flatMap(client -> audit.record(service, pseudonym, "read-contact", PURPOSE)
                                .thenReturn(new ClientContact(client.email(), client.phone(), client.language()))))
                .as(tx::transactional);
    }
}
