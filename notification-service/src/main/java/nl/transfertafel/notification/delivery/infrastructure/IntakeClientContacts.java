package nl.transfertafel.notification.delivery.infrastructure;

import java.util.Map;
import java.util.Optional;
import nl.transfertafel.notification.delivery.application.ClientContacts;
import nl.transfertafel.notification.delivery.application.ClientEmailSender.ContactLookupException;
import nl.transfertafel.notification.delivery.domain.Language;
import nl.transfertafel.platform.client.ServiceClients;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * The client's contact from intake-service, with this service's own SERVICE token:
 * {@code GET /api/v1/internal/referrals/{referralId}/contact} answers
 * {@code {"referralId", "email"|null, "phone"|null, "language": "nl"|"en"}}, or 404 when the GP
 * registered no contact. Any other answer is a failure the dispatcher retries.
 */
public class IntakeClientContacts implements ClientContacts {

    private final ServiceClients clients;
    private final String intakeUrl;

    public IntakeClientContacts(ServiceClients clients, String intakeUrl) {
        this.clients = clients;
        this.intakeUrl = intakeUrl;
    }

    @Override
    public Mono<Optional<ClientContact>> find(String referralId) {
        return clients.to(intakeUrl).get()
                .uri("/api/v1/internal/referrals/{referralId}/contact", referralId)
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().thenReturn(Optional.<ClientContact>empty());
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody().then(Mono.error(
                                new ContactLookupException("HTTP " + response.statusCode().value())));
                    }
                    return response.bodyToMono(Map.class).map(IntakeClientContacts::contact);
                });
    }

    private static Optional<ClientContact> contact(Map<?, ?> body) {
        return Optional.of(new ClientContact(text(body.get("email")), text(body.get("phone")),
                Language.of(text(body.get("language")))));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
