package nl.transfertafel.notification.routing.application;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Which client-support organisation the client of a referral named, as intake announces it
 * ({@code ClientSupportChanged}); kept here so that routing and the supporter's reading can ask.
 */
public interface ClientSupportDirectory {

    /** @param organisation null when the client removed the link */
    Mono<Void> record(String referralId, String organisation);

    Mono<Optional<String>> organisationFor(String referralId);
}
