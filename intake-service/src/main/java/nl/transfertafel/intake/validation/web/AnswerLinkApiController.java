package nl.transfertafel.intake.validation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import nl.transfertafel.intake.validation.application.ValidationAnswers;
import nl.transfertafel.intake.validation.domain.Answer;
import nl.transfertafel.intake.validation.domain.LinkVerdict;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.web.ProblemResponses;
import nl.transfertafel.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The answer link as JSON, for an app or a client supporter's tool: the same rules as the page
 * (no account, once, until it expires, limited per link and per address), refusals as problem+json.
 */
@RestController
@Tag(name = "Answer links", description = "A client's single-use answer link to a validation question (no account)")
public class AnswerLinkApiController {

    private final ValidationAnswers answers;
    private final LinkAttempts attempts;

    public AnswerLinkApiController(ValidationAnswers answers, LinkAttempts attempts) {
        this.answers = answers;
        this.attempts = attempts;
    }

    @GetMapping("/api/v1/answer-links/{token}")
    @SecurityRequirements
    @Operation(summary = "Whether an answer link can be used", description = "No account: the link is the "
            + "authorisation. Does not use the link. Shows no personal data.")
    @ApiResponse(responseCode = "200", description = "The link works: the possible answers")
    @ApiResponse(responseCode = "429", description = "Too many attempts for this link or from this address "
            + "(rule too-many-attempts; Retry-After)", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ProblemResponses(notFound = "answer link", conflict = {"link-used: the link was used (or the question answered)",
            "link-expired: the answer period is over"})
    public Mono<ResponseEntity<Object>> inspect(@PathVariable String token, ServerWebExchange exchange) {
        if (!attempts.allowed(token, exchange)) {
            return Mono.just(tooMany());
        }
        return answers.inspect(token).map(verdict -> {
            refuseUnlessUsable(verdict);
            return ResponseEntity.ok().headers(AnswerPageController.safety())
                    .body((Object) Map.of("state", "OPEN", "answers", List.of(Answer.values())));
        });
    }

    @PostMapping("/api/v1/answer-links/{token}/answer")
    @SecurityRequirements
    @Operation(summary = "Answer through an answer link", description = "No account. Works once. The answer changes "
            + "the waiting entry like the GP's answer would (see POST /api/v1/validation-questions/{questionId}/answer).")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @ApiResponse(responseCode = "429", description = "Too many attempts for this link or from this address "
            + "(rule too-many-attempts; Retry-After)", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ProblemResponses(notFound = "answer link", conflict = {"link-used: the link was used (or the question answered)",
            "link-expired: the answer period is over", "round-over: the answer period is over"})
    public Mono<ResponseEntity<Object>> answer(@PathVariable String token, @Valid @RequestBody LinkAnswer body,
            ServerWebExchange exchange) {
        if (!attempts.allowed(token, exchange)) {
            return Mono.just(tooMany());
        }
        return answers.byLink(token, body.answer()).map(result -> {
            refuseUnlessUsable(result.verdict());
            ValidationAnswers.Receipt receipt = result.receipt().orElseThrow();
            return ResponseEntity.ok().headers(AnswerPageController.safety())
                    .body((Object) Map.of("answer", receipt.answer(), "answeredAt", receipt.answeredAt()));
        });
    }

    private static void refuseUnlessUsable(LinkVerdict verdict) {
        if (verdict instanceof LinkVerdict.Unknown) {
            throw Refused.notFound("answer link");
        }
        if (verdict instanceof LinkVerdict.Used) {
            throw Refused.conflict("link-used", "This link was used already (or the question was answered another way).");
        }
        if (verdict instanceof LinkVerdict.Expired) {
            throw Refused.conflict("link-expired", "This link has expired: the answer period is over.");
        }
    }

    private static ResponseEntity<Object> tooMany() {
        ProblemDetail problem = Problems.detail(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts",
                "Too many attempts for this link or from this address; try again later.", "too-many-attempts", List.of());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(LinkAttempts.WINDOW.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    public record LinkAnswer(@NotNull Answer answer) {
    }
}
