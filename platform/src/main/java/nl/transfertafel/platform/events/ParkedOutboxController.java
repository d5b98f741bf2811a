package nl.transfertafel.platform.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.transfertafel.platform.jobs.PeriodicJob;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import nl.transfertafel.platform.refusal.Refused;
import reactor.core.publisher.Mono;

/**
 * The outbox rows this service could not publish (parked by the {@link OutboxRelay}), for its
 * administrators: list and replay, like the dead letters of its consumers. Problem answers (401,
 * 403) are documented by the platform's {@code ProblemResponsesCustomizer}.
 */
@RestController
@RequestMapping("/api/v1/admin/outbox/parked")
@Tag(name = "Parked events", description = "Events this service could not publish to Kafka, and their replay (role ADMIN)")
public class ParkedOutboxController {

    private final OutboxRelay relay;
    private final PeriodicJob relayJob;

    public ParkedOutboxController(OutboxRelay relay, PeriodicJob relayJob) {
        this.relay = relay;
        this.relayJob = relayJob;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "List parked events", description = "Outbox id, event id, topic, type, region, attempts and the broker's answer; never the payload.")
    @ApiResponse(responseCode = "200", description = "The parked events, oldest first")
    public Mono<List<OutboxRelay.ParkedRow>> parked() {
        return relay.parked();
    }

    @PostMapping("/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replay parked events",
            description = "Puts one parked event (id) or all of them back in their lane with fresh attempts and wakes the relay. "
                    + "One the broker still refuses is parked again after its attempts.")
    @ApiResponse(responseCode = "200", description = "How many events were put back")
    public Mono<Replayed> replay(@RequestParam(required = false) Long id) {
        if (id != null && id <= 0) {
            return Mono.error(Refused.invalid("id", "positive", "must be a parked event's id (a positive number)"));
        }
        return relay.unpark(id)
                .doOnNext(count -> relayJob.wake())
                .map(Replayed::new);
    }

    public record Replayed(long unparked) {
    }
}
