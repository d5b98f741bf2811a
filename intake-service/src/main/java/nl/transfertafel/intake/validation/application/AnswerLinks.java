package nl.transfertafel.intake.validation.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import nl.transfertafel.intake.client.domain.ClientDetails;
import nl.transfertafel.intake.client.infrastructure.PersonalDataRepository;
import nl.transfertafel.intake.validation.domain.LinkToken;
import nl.transfertafel.intake.validation.infrastructure.ValidationRepository;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Mints the single-use answer link for a question when notification-service sends the e-mail (the
 * token is never on Kafka nor stored in clear: only its hash is kept). A new link replaces the
 * previous one, so the reminder's link is the one that works. Only for an open question of a round
 * that still takes answers; audited like the contact look-up (purpose {@code notify-client}).
 */
public class AnswerLinks {

    /** The link and until when it works, in the client's language. */
    public record Link(UUID questionId, String url, String language, Instant expiresAt) {
    }

    private final ValidationRepository questions;
    private final PersonalDataRepository personalData;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final SecureRandom random;
    private final java.util.function.Supplier<String> pageUrl;
    private final Clock clock;

    /**
     * @param pageUrl the answer page as the client reaches it, e.g. {@code https://intake.example/answer}
     *                (asked at each mint: the local stack knows its port only once the server runs)
     */
    public AnswerLinks(ValidationRepository questions, PersonalDataRepository personalData, AuditLog audit,
            TransactionalOperator tx, SecureRandom random, java.util.function.Supplier<String> pageUrl, Clock clock) {
        this.questions = questions;
        this.personalData = personalData;
        this.audit = audit;
        this.tx = tx;
        this.random = random;
        this.pageUrl = pageUrl;
        this.clock = clock;
    }

    private String page() {
        String url = pageUrl.get();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Mono<Link> mint(Actor service, UUID questionId) {
        Instant now = clock.instant();
        return questions.questionForUpdate(questionId)
                .filter(question -> !question.answered())
                .flatMap(question -> questions.round(question.roundId())
                        .filter(round -> round.acceptsAnswers(now))
                        .flatMap(round -> personalData.find(question.referralId())
                                .map(ClientDetails::language)
                                .defaultIfEmpty(ClientDetails.Language.NL)
                                .flatMap(language -> {
                                    LinkToken.Minted minted = LinkToken.mint(random);
                                    String lang = language.name().toLowerCase(Locale.ROOT);
                                    return questions.storeToken(questionId, minted.hash(), round.reminderUntil())
                                            .then(audit.record(service, question.clientPseudonym(), "mint-answer-link",
                                                    "notify-client"))
                                            .thenReturn(new Link(questionId, page() + "/" + minted.token() + "?lang=" + lang,
                                                    lang, round.reminderUntil()));
                                })))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("open validation question " + questionId)))
                .as(tx::transactional);
    }
}
