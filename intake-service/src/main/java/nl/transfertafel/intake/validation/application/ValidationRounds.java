package nl.transfertafel.intake.validation.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.intake.ValidationQuestionAsked;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.intake.validation.domain.DeadlinePolicy;
import nl.transfertafel.intake.validation.domain.RoundFigures;
import nl.transfertafel.intake.validation.domain.RoundScope;
import nl.transfertafel.intake.validation.domain.RoundStatus;
import nl.transfertafel.intake.validation.domain.ValidationRound;
import nl.transfertafel.intake.validation.infrastructure.ValidationRepository;
import nl.transfertafel.intake.validation.infrastructure.ValidationRepository.Candidate;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starting and reading "still waiting?" rounds (issue 15 item 1). A coordinator starts one for its
 * own region (optionally one provider's list, one diagnosis group); a provider for its own list.
 * The round, one question per entry still waiting in scope and one {@code ValidationQuestionAsked}
 * per question commit together, so a crash leaves either the whole round or none of it.
 */
public class ValidationRounds {

    /** How many rounds the list and the figures show. */
    public static final int NEWEST = 20;

    /** What the caller asked for: the parts of the scope it named, and the deadline. */
    public record Start(String region, String providerAgb, DiagnosisGroup diagnosisGroup, Instant deadline) {
    }

    private final ValidationRepository rounds;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final DeadlinePolicy deadlines;
    private final MeterRegistry meters;
    private final Clock clock;

    public ValidationRounds(ValidationRepository rounds, Outbox outbox, TransactionalOperator tx,
            DeadlinePolicy deadlines, MeterRegistry meters, Clock clock) {
        this.rounds = rounds;
        this.outbox = outbox;
        this.tx = tx;
        this.deadlines = deadlines;
        this.meters = meters;
        this.clock = clock;
    }

    public Mono<RoundFigures> start(Actor actor, Start request) {
        return Mono.defer(() -> {
            RoundScope scope = scopeFor(actor, request);
            Instant now = clock.instant();
            deadlines.check(request.deadline(), now).ifPresent(refusal -> {
                throw EntryChanges.problem(refusal);
            });
            UUID roundId = UUID.randomUUID();
            return rounds.inScope(scope).collectList()
                    .flatMap(candidates -> {
                        long unique = candidates.stream().map(Candidate::clientPseudonym).distinct().count();
                        ValidationRound round = new ValidationRound(roundId, scope, actor.userId(), actor.organisation(),
                                now, request.deadline(), deadlines.reminderUntil(request.deadline()), RoundStatus.OPEN,
                                unique);
                        List<NewEvent> asked = new ArrayList<>();
                        return rounds.insertRound(round)
                                .thenMany(Flux.fromIterable(candidates).concatMap(candidate -> {
                                    UUID questionId = UUID.randomUUID();
                                    asked.add(question(round, questionId, candidate));
                                    return rounds.insertQuestion(questionId, roundId, candidate);
                                }))
                                .then(Mono.defer(() -> outbox.append(asked)))
                                .doOnSuccess(done -> meters.counter("transfertafel.validation.questions.asked",
                                        "region", scope.region(), "attempt", "FIRST").increment(candidates.size()));
                    })
                    .then(Mono.defer(() -> rounds.figures(roundId)))
                    .as(tx::transactional);
        });
    }

    /** The rounds the caller may see, newest first: the region's (coordinator) or its own list's (provider). */
    public Flux<RoundFigures> list(Actor actor) {
        return Flux.defer(() -> actor.has(Role.COORDINATOR)
                ? rounds.newest(actor.region(), null, NEWEST)
                : rounds.newest(actor.region(), actor.organisation(), NEWEST));
    }

    public Mono<RoundFigures> get(Actor actor, UUID roundId) {
        return rounds.round(roundId)
                .filter(round -> mayRead(actor, round))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("validation round " + roundId)))
                .flatMap(round -> rounds.figures(roundId));
    }

    /** For the figures: a region's newest rounds, or one provider's. */
    public Flux<RoundFigures> newest(String region, String providerAgb, int limit) {
        return rounds.newest(region, providerAgb, limit);
    }

    private static boolean mayRead(Actor actor, ValidationRound round) {
        if (!round.scope().region().equals(actor.region())) {
            return false;
        }
        return actor.has(Role.COORDINATOR) || actor.organisation().equals(round.scope().providerAgb());
    }

    /**
     * Coordinators start rounds in their own region; a provider only on its own list (which it may
     * leave implicit). Any other region or list is refused, naming the rule.
     */
    static RoundScope scopeFor(Actor actor, Start request) {
        String region = actor.region();
        if (request.region() != null && !request.region().equals(region)) {
            throw Refused.forbidden("own-region-only", "You start rounds in your own region only.");
        }
        if (actor.has(Role.COORDINATOR)) {
            return new RoundScope(region, request.providerAgb(), request.diagnosisGroup());
        }
        if (actor.has(Role.PROVIDER)) {
            String own = actor.organisation();
            if (request.providerAgb() != null && !request.providerAgb().equals(own)) {
                throw Refused.forbidden("own-list-only", "A provider starts rounds for its own waiting list only.");
            }
            return new RoundScope(region, own, request.diagnosisGroup());
        }
        throw Refused.forbidden("authorisation", "Your role does not start validation rounds.");
    }

    static NewEvent question(ValidationRound round, UUID questionId, Candidate candidate) {
        return new NewEvent(UUID.randomUUID(), round.startedAt(), round.scope().region(), candidate.referralId().toString(),
                new ValidationQuestionAsked(round.id().toString(), questionId.toString(),
                        candidate.referralId().toString(), candidate.clientPseudonym(), candidate.referrerAgb(),
                        candidate.providerAgb(), ValidationQuestionAsked.Attempt.FIRST, round.deadline()));
    }
}
