package nl.transfertafel.intake.validation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.intake.validation.application.ValidationAnswers;
import nl.transfertafel.intake.validation.application.ValidationRounds;
import nl.transfertafel.intake.validation.domain.Answer;
import nl.transfertafel.intake.validation.domain.RoundFigures;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Validation rounds", description = "\"Still waiting?\" rounds: ask every waiting client in scope, "
        + "record the answers through the waiting-list state machine, remind and flag the unanswered")
public class ValidationRoundController {

    private final ValidationRounds rounds;
    private final ValidationAnswers answers;

    public ValidationRoundController(ValidationRounds rounds, ValidationAnswers answers) {
        this.rounds = rounds;
        this.answers = answers;
    }

    @PostMapping("/api/v1/validation-rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROVIDER')")
    @Operation(summary = "Start a validation round", description = """
            COORDINATOR: for its own region, optionally one provider's list (providerAgb) and one diagnosis group. \
            PROVIDER: for its own list only (providerAgb may be left out). Asks every client whose entry in scope \
            still waits, through the channels the client has (the GP's worklist, the client supporter, an e-mail \
            with a single-use link). The deadline lies at least a day and at most 60 days ahead; after it the \
            unanswered are reminded, after the reminder period they are flagged (never removed).""")
    @ApiResponse(responseCode = "201", description = "Started; the round's figures")
    @ProblemResponses(
            invalid = {"Future: the deadline is not far enough ahead", "AtMost60Days: the deadline is too far ahead"},
            forbidden = {"own-region-only: another region than your own", "own-list-only: a provider names another list"})
    public Mono<RoundFigures> start(Actor actor, @Valid @RequestBody StartBody body) {
        return rounds.start(actor, new ValidationRounds.Start(body.region(), body.providerAgb(), body.diagnosisGroup(),
                body.deadline()));
    }

    @GetMapping("/api/v1/validation-rounds")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROVIDER')")
    @Operation(summary = "Validation rounds and their figures", description = "COORDINATOR: its region's rounds; "
            + "PROVIDER: the rounds of its own list. The newest " + ValidationRounds.NEWEST + ", newest first.")
    @ApiResponse(responseCode = "200", description = "The rounds, newest first")
    public Mono<List<RoundFigures>> list(Actor actor) {
        return rounds.list(actor).collectList();
    }

    @GetMapping("/api/v1/validation-rounds/{roundId}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROVIDER')")
    @Operation(summary = "One validation round's figures", description = "Asked, answered (still waiting, withdrawn, "
            + "changed), no answer, and the unique number waiting in scope before and after.")
    @ApiResponse(responseCode = "200", description = "The round's figures")
    @ProblemResponses(notFound = "validation round (of your region, or of your list)")
    public Mono<RoundFigures> get(Actor actor, @PathVariable UUID roundId) {
        return rounds.get(actor, roundId);
    }

    @PostMapping("/api/v1/validation-questions/{questionId}/answer")
    @PreAuthorize("hasAnyRole('GP', 'CLIENT_SUPPORT')")
    @Operation(summary = "Answer a validation question on the client's behalf", description = """
            GP: the practice that referred the client (the worklist shows the open question). CLIENT_SUPPORT: the \
            client-support organisation the client named (it was told through its support inbox). The answer changes \
            the waiting entry like the provider would: STILL_WAITING confirms the status, WAITING_AS_PRECAUTION sets \
            it, NO_LONGER_NEEDED withdraws the entry (reason NO_LONGER_NEEDED), NO_TRANSFER_SCREENING withdraws the \
            consent to transfer screening. Once per question.""")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @ProblemResponses(notFound = "validation question of a client you referred or support",
            conflict = {"answered-already: the question has an answer", "round-over: the answer period is over"})
    public Mono<ValidationAnswers.Receipt> answer(Actor actor, @PathVariable UUID questionId,
            @Valid @RequestBody AnswerBody body) {
        return actor.has(nl.transfertafel.platform.security.Role.GP)
                ? answers.byGp(actor, questionId, body.answer())
                : answers.bySupporter(actor, questionId, body.answer());
    }

    /** The scope (region may be left out: the caller's own) and the deadline. */
    public record StartBody(
            @Pattern(regexp = "^[a-z0-9-]{2,40}$") String region,
            @Pattern(regexp = "^[0-9]{8}$") String providerAgb,
            DiagnosisGroup diagnosisGroup,
            @NotNull Instant deadline) {
    }

    public record AnswerBody(@NotNull Answer answer) {
    }
}
