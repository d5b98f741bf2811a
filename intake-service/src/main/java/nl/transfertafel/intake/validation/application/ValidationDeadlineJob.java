package nl.transfertafel.intake.validation.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.intake.ValidationEntryFlagged;
import nl.transfertafel.contracts.events.intake.ValidationQuestionAsked;
import nl.transfertafel.intake.validation.domain.Question;
import nl.transfertafel.intake.validation.domain.RoundStatus;
import nl.transfertafel.intake.validation.domain.ValidationRound;
import nl.transfertafel.intake.validation.infrastructure.ValidationRepository;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rounds' deadlines, against the injected {@link Clock} (tests move the clock and call
 * {@link #run()}): at a round's deadline the unanswered are reminded through the same channels
 * ({@code ValidationQuestionAsked} REMINDER) and the round is REMINDED; when the reminder period has
 * passed too, the still unanswered entries are flagged (the entry's stale flag and
 * {@code ValidationEntryFlagged}, for the provider and the GP) and the round CLOSED. Nobody is ever
 * removed. Each round's step is one transaction that first locks the round in the status it
 * expects, so two instances (or a retry) never remind or flag twice; the schedule also runs it on
 * one instance at a time (platform {@code ClusterLock}).
 */
public class ValidationDeadlineJob {

    /** What one run did. */
    public record Run(int reminded, int flagged, int closed) {
    }

    private final ValidationRepository rounds;
    private final EntryChanges changes;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;
    private final Clock clock;

    public ValidationDeadlineJob(ValidationRepository rounds, EntryChanges changes, Outbox outbox,
            TransactionalOperator tx, MeterRegistry meters, Clock clock) {
        this.rounds = rounds;
        this.changes = changes;
        this.outbox = outbox;
        this.tx = tx;
        this.meters = meters;
        this.clock = clock;
    }

    public Mono<Run> run() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return rounds.due(now)
                    .concatMap(round -> round.reminderDue(now) ? remind(round, now)
                            : round.closeDue(now) ? close(round, now) : Mono.just(new Run(0, 0, 0)))
                    .reduce(new Run(0, 0, 0), (a, b) -> new Run(a.reminded() + b.reminded(), a.flagged() + b.flagged(),
                            a.closed() + b.closed()));
        });
    }

    private Mono<Run> remind(ValidationRound due, Instant now) {
        return rounds.lockIn(due.id(), RoundStatus.OPEN)
                .flatMap(round -> rounds.unansweredNotReminded(round.id()).collectList()
                        .flatMap(open -> {
                            List<NewEvent> reminders = open.stream().map(question -> reminder(round, question, now)).toList();
                            return rounds.markReminded(open.stream().map(Question::id).toList(), now)
                                    .then(outbox.append(reminders))
                                    .then(rounds.markReminded(round.id(), now))
                                    .doOnSuccess(done -> meters.counter("transfertafel.validation.questions.asked",
                                            "region", round.scope().region(), "attempt", "REMINDER").increment(open.size()))
                                    .thenReturn(new Run(open.size(), 0, 0));
                        }))
                .defaultIfEmpty(new Run(0, 0, 0))
                .as(tx::transactional);
    }

    private Mono<Run> close(ValidationRound due, Instant now) {
        return rounds.lockIn(due.id(), RoundStatus.REMINDED)
                .flatMap(round -> rounds.unansweredNotFlagged(round.id())
                        .concatMap(question -> changes.bySystem(question.referralId(), entry -> entry.flagUnanswered(clock))
                                .then(rounds.markFlagged(question.id(), now))
                                .then(outbox.append(flagged(round, question, now)))
                                .thenReturn(1))
                        .count()
                        .flatMap(flagged -> rounds.close(round.id(), now)
                                .doOnSuccess(done -> meters.counter("transfertafel.validation.entries.flagged",
                                        "region", round.scope().region()).increment(flagged))
                                .thenReturn(new Run(0, flagged.intValue(), 1))))
                .defaultIfEmpty(new Run(0, 0, 0))
                .as(tx::transactional);
    }

    private static NewEvent reminder(ValidationRound round, Question question, Instant now) {
        return new NewEvent(UUID.randomUUID(), now, round.scope().region(), question.referralId().toString(),
                new ValidationQuestionAsked(round.id().toString(), question.id().toString(),
                        question.referralId().toString(), question.clientPseudonym(), question.referrerAgb(),
                        question.providerAgb(), ValidationQuestionAsked.Attempt.REMINDER, round.reminderUntil()));
    }

    private static NewEvent flagged(ValidationRound round, Question question, Instant now) {
        return new NewEvent(UUID.randomUUID(), now, round.scope().region(), question.referralId().toString(),
                new ValidationEntryFlagged(round.id().toString(), question.id().toString(),
                        question.referralId().toString(), question.clientPseudonym(), question.referrerAgb(),
                        question.providerAgb()));
    }
}
