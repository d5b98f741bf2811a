package nl.transfertafel.notification.delivery.infrastructure;

import java.util.Map;
import java.util.Optional;
import nl.transfertafel.notification.delivery.application.AnswerLinks;
import nl.transfertafel.notification.delivery.application.ClientEmailSender.ContactLookupException;
import nl.transfertafel.platform.client.ServiceClients;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * The answer link from intake-service, with this service's own SERVICE token:
 * {@code POST /api/v1/internal/validation-questions/{questionId}/answer-link} answers
 * {@code {"questionId", "url", "language", "expiresAt"}}, or 404 when the question is no longer open.
 * Any other answer is a failure the dispatcher retries (a retry mints a new link, replacing this one).
 */
public class IntakeAnswerLinks implements AnswerLinks {

    private final ServiceClients clients;
    private final String intakeUrl;

    public IntakeAnswerLinks(ServiceClients clients, String intakeUrl) {
        this.clients = clients;
        this.intakeUrl = intakeUrl;
    }

    @Override
    public Mono<Optional<String>> mint(String questionId) {
        return clients.to(intakeUrl).post()
                .uri("/api/v1/internal/validation-questions/{questionId}/answer-link", questionId)
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().thenReturn(Optional.<String>empty());
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody().then(Mono.error(
                                new ContactLookupException("answer link: HTTP " + response.statusCode().value())));
                    }
                    return response.bodyToMono(Map.class)
                            .map(body -> Optional.ofNullable(body.get("url")).map(Object::toString));
                });
    }
}
