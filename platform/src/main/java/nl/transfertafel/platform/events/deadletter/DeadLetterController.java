package nl.transfertafel.platform.events.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import nl.transfertafel.platform.refusal.Refused;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every service's dead letters, for its administrators: list and replay. Its problem answers (401,
 * 403) are documented by the platform's {@code ProblemResponsesCustomizer} like every other
 * endpoint's; it refuses by no rule of its own, so it declares no {@code @ProblemResponses}.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "Dead letters", description = "Events this service's consumers could not handle, and their replay (role ADMIN)")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "List pending dead letters", description = "Where each sits, its event id, type, region and the error; never the payload.")
    @ApiResponse(responseCode = "200", description = "The pending dead letters, oldest first per partition")
    public Mono<List<DeadLetters.DeadLetter>> pending() {
        return Mono.fromCallable(deadLetters::pending).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replay pending dead letters",
            description = "Runs each through its consumer again (idempotently). One that fails again stays dead-lettered.")
    @ApiResponse(responseCode = "200", description = "Per dead-letter topic: how many were handled and how many failed again")
    public Mono<List<DeadLetters.ReplayResult>> replay(@RequestParam(required = false) String topic) {
        if (topic != null && deadLetters.bindings().stream().noneMatch(b -> b.deadLetterTopic().equals(topic))) {
            // the value is not echoed: only this service's dead-letter topics are accepted
            return Mono.error(Refused.invalid("topic", "dead-letter-topic",
                    "must be one of this service's dead-letter topics (see GET /api/v1/admin/dead-letters)"));
        }
        return Mono.fromCallable(() -> deadLetters.replay(Optional.ofNullable(topic)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
