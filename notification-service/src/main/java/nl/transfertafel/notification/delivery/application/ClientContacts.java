package nl.transfertafel.notification.delivery.application;

import java.util.Optional;
import nl.transfertafel.notification.delivery.domain.Language;
import reactor.core.publisher.Mono;

/**
 * The port to intake-service, which owns the client's contact details (the GP registered them with
 * the referral). Looked up at send time and never stored here. Empty = no contact registered.
 */
public interface ClientContacts {

    record ClientContact(String email, String phone, Language language) {
    }

    Mono<Optional<ClientContact>> find(String referralId);
}
