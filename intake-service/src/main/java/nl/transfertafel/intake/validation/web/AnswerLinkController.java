package nl.transfertafel.intake.validation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import nl.transfertafel.intake.validation.application.AnswerLinks;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Internal", description = "Calls from other services of this system (role SERVICE)")
public class AnswerLinkController {

    private final AnswerLinks links;

    public AnswerLinkController(AnswerLinks links) {
        this.links = links;
    }

    @PostMapping("/api/v1/internal/validation-questions/{questionId}/answer-link")
    @PreAuthorize("hasRole('SERVICE')")
    @Operation(summary = "Mint the single-use answer link of a validation question", description = """
            Role SERVICE only (notification-service, when it sends the client's e-mail). A new link replaces the \
            previous one; it works once, until the round's answer period ends. Audited with purpose notify-client, \
            the calling service as actor.""")
    @ApiResponse(responseCode = "200", description = "The link (to put in the e-mail, never to store), its language "
            + "and expiry")
    @ProblemResponses(notFound = "open validation question (answered, or its round's answer period is over)")
    public Mono<AnswerLinks.Link> mint(Actor service, @PathVariable String questionId) {
        UUID id;
        try {
            id = UUID.fromString(questionId);
        } catch (IllegalArgumentException e) {
            return Mono.error(Refused.notFound("validation question " + questionId));
        }
        return links.mint(service, id);
    }
}
