package nl.transfertafel.notification.delivery.application;

import reactor.core.publisher.Mono;

/** The port to the SMTP server. Errors it signals must not repeat the address (it may be a client's). */
public interface MailTransport {

    Mono<Void> send(OutgoingMail mail);
}
