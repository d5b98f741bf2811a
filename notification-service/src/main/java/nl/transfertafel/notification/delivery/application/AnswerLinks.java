package nl.transfertafel.notification.delivery.application;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The port to intake-service for the single-use answer link of a "still waiting?" question (issue 15
 * item 1): minted when the e-mail is sent, put in this one message and never stored here (the
 * token is not on Kafka either). Minting again replaces the previous link. Empty: the question is
 * answered already or its answer period is over, so there is nothing to ask.
 */
public interface AnswerLinks {

    Mono<Optional<String>> mint(String questionId);
}
