package nl.transfertafel.intake.validation.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.intake.ScreeningConsentChanged;
import nl.transfertafel.intake.validation.domain.Answer;
import nl.transfertafel.intake.validation.domain.AnswerMapping;
import nl.transfertafel.intake.validation.domain.LinkToken;
import nl.transfertafel.intake.validation.domain.LinkVerdict;
import nl.transfertafel.intake.validation.domain.Question;
import nl.transfertafel.intake.validation.infrastructure.ValidationRepository;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Answers to a validation question, through whichever channel the client has: the single-use link
 * in the e-mail (no account), the GP who referred the client (on the client's behalf), or the
 * client-support organisation the client named. Every answer goes through the waiting entry's own
 * state machine ({@link AnswerMapping}, {@link EntryChanges}), is recorded once (a second answer is a
 * conflict), and is audited like any other change to a client's data.
 */
public class ValidationAnswers {

    public static final String PURPOSE = "validation-round";

    /** What was recorded. */
    public record Receipt(UUID questionId, Answer answer, Question.Channel answeredVia, Instant answeredAt,
            boolean entryChanged) {
    }

    private final ValidationRepository questions;
    private final EntryChanges changes;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;
    private final Clock clock;

    public ValidationAnswers(ValidationRepository questions, EntryChanges changes,
            Outbox outbox, AuditLog audit, TransactionalOperator tx, MeterRegistry meters, Clock clock) {
        this.questions = questions;
        this.changes = changes;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.meters = meters;
        this.clock = clock;
    }

    /** The referring GP answers for the client (its own referral, its own region; another's is not found). */
    public Mono<Receipt> byGp(Actor gp, UUID questionId, Answer answer) {
        return questions.questionForUpdate(questionId)
                .filter(question -> question.region().equals(gp.region())
                        && question.referrerAgb().equals(gp.organisation()))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("validation question " + questionId)))
                .flatMap(question -> answer(question, answer, Question.Channel.GP, gp))
                .as(tx::transactional);
    }

    /** The client-support organisation the client named answers for the client. */
    public Mono<Receipt> bySupporter(Actor supporter, UUID questionId, Answer answer) {
        return questions.questionForUpdate(questionId)
                .filter(question -> question.region().equals(supporter.region()))
                .filterWhen(question -> questions.supportOrganisationOf(question.referralId())
                        .map(organisation -> organisation.equals(supporter.organisation()))
                        .defaultIfEmpty(false))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("validation question " + questionId)))
                .flatMap(question -> answer(question, answer, Question.Channel.CLIENT_SUPPORT, supporter))
                .as(tx::transactional);
    }

    /** What a link is worth now, without using it (the page shows the question, or why it cannot). */
    public Mono<LinkVerdict> inspect(String token) {
        if (!LinkToken.wellFormed(token)) {
            return Mono.just(new LinkVerdict.Unknown());
        }
        return questions.byTokenHash(LinkToken.hash(token))
                .map(question -> LinkVerdict.of(question, clock.instant()))
                .defaultIfEmpty(new LinkVerdict.Unknown());
    }

    /**
     * The client answers through the link: works once, until it expires. Emits the verdict that
     * stopped it, or the receipt.
     */
    public Mono<Result> byLink(String token, Answer answer) {
        if (!LinkToken.wellFormed(token)) {
            return Mono.just(new Result(new LinkVerdict.Unknown(), Optional.empty()));
        }
        return questions.byTokenHashForUpdate(LinkToken.hash(token))
                .flatMap(question -> {
                    LinkVerdict verdict = LinkVerdict.of(question, clock.instant());
                    if (!(verdict instanceof LinkVerdict.Usable)) {
                        return Mono.just(new Result(verdict, Optional.<Receipt>empty()));
                    }
                    return answer(question, answer, Question.Channel.LINK, linkActor(question))
                            .map(receipt -> new Result(verdict, Optional.of(receipt)));
                })
                .defaultIfEmpty(new Result(new LinkVerdict.Unknown(), Optional.empty()))
                .as(tx::transactional);
    }

    /** A link answer: either the receipt, or the verdict that stopped it. */
    public record Result(LinkVerdict verdict, Optional<Receipt> receipt) {
    }

    /** Whoever holds the link acts as "the client (answer link)": no account, audited as such. */
    static Actor linkActor(Question question) {
        return new Actor("client-answer-link", Set.of(), null, question.region());
    }

    private Mono<Receipt> answer(Question question, Answer answer, Question.Channel via, Actor actor) {
        Instant now = clock.instant();
        if (question.answered()) {
            return Mono.error(Refused.conflict("answered-already", "This question was answered already ("
                    + question.answeredVia() + ")."));
        }
        return questions.round(question.roundId())
                .flatMap(round -> {
                    if (!round.acceptsAnswers(now)) {
                        return Mono.error(Refused.conflict("round-over",
                                "The round's answer period is over; change the entry on the waiting list instead."));
                    }
                    return changes.bySystem(question.referralId(), entry -> AnswerMapping.apply(answer, entry, clock));
                })
                .flatMap(changed -> consent(question, answer, now).thenReturn(changed))
                .flatMap(changed -> questions.recordAnswer(question.id(), answer, via, now,
                                changed.isPresent() ? "ENTRY_CHANGED" : "ENTRY_UNCHANGED")
                        .flatMap(recorded -> recorded
                                ? audit.record(actor, question.clientPseudonym(), "answer-validation-question", PURPOSE)
                                        .thenReturn(new Receipt(question.id(), answer, via, now, changed.isPresent()))
                                : Mono.error(Refused.conflict("answered-already", "This question was answered already."))))
                .doOnSuccess(receipt -> meters.counter("transfertafel.validation.answers", "region", question.region(),
                        "answer", answer.name(), "channel", via.name()).increment());
    }

    private Mono<Void> consent(Question question, Answer answer, Instant now) {
        if (!AnswerMapping.withdrawsScreeningConsent(answer)) {
            return Mono.empty();
        }
        return questions.withdrawScreeningConsent(question.referralId())
                .then(outbox.append(new NewEvent(UUID.randomUUID(), now, question.region(),
                        question.referralId().toString(), new ScreeningConsentChanged(question.referralId().toString(),
                                question.clientPseudonym(), false))));
    }
}
