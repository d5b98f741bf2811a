package nl.transfertafel.capacity.announcement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import nl.transfertafel.capacity.announcement.application.CapacityService;
import nl.transfertafel.capacity.common.web.Actors;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import nl.transfertafel.platform.web.ProblemResponses;
import nl.transfertafel.platform.web.idempotency.IdempotentRequests;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/capacity")
@Tag(name = "Capacity", description = "Providers announce free intake places; lines expire after their last day and "
        + "go stale when not confirmed for a while (default 14 days)")
public class CapacityController {

    private final CapacityService capacity;
    private final IdempotentRequests idempotent;

    public CapacityController(CapacityService capacity, IdempotentRequests idempotent) {
        this.capacity = capacity;
        this.idempotent = idempotent;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('PROVIDER','ADMIN')")
    @Operation(summary = "Announce free capacity", description = "Role PROVIDER for itself or a practice it represents, "
            + "or ADMIN. Emits CapacityAnnounced with everything the matcher needs. Send an Idempotency-Key to make "
            + "a retry safe: the same key with the same body answers the first line again (one line, one event).")
    @ApiResponse(responseCode = "201", description = "Announced (or the first answer replayed for the same Idempotency-Key)")
    @ProblemResponses(invalid = {"not-before-from: availableUntil lies before availableFrom",
            "not-in-past: availableUntil lies in the past",
            "not-long-past: availableFrom more than 31 days before today",
            "not-too-far-ahead: availableFrom or availableUntil more than 2 years after today",
            "whole-number: places with a fraction",
            "known-location: a location the registry does not list",
            "known-offering: an offering the registry does not list",
            "within-offering: a care level or diagnosis group the offering does not cover",
            "registry-mismatch: provider type or postcode differ from the registry"},
            forbidden = "not-your-organisation: announcing for an organisation you do not act for",
            notFound = "provider (registered form)",
            conflict = "provider-inactive: the provider is marked inactive in the registry")
    public Mono<ResponseEntity<LineView>> announce(Actor actor,
            @Parameter(in = ParameterIn.HEADER, description = "Makes a retry safe: the same key with the same body "
                    + "answers the first answer again (kept 7 days; a UUID is a good choice)")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody AnnouncementBody body) {
        return idempotent.once(actor, idempotencyKey, "POST /api/v1/capacity", body, LineView.class, () ->
                capacity.announce(Actors.acting(actor), actor.region(), body.toCommand())
                        .map(line -> ResponseEntity.created(URI.create("/api/v1/capacity/" + line.id()))
                                .body(LineView.of(line))));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('PROVIDER','ADMIN')")
    @Operation(summary = "List a provider's capacity lines", description = "Left out providerAgb = your own organisation.")
    @ProblemResponses(invalid = "NotNull: no providerAgb and no organisation in the token",
            forbidden = "not-your-organisation: another organisation's lines")
    public Flux<LineView> list(Actor actor, @RequestParam(required = false) String providerAgb,
            @RequestParam(defaultValue = "false") boolean liveOnly) {
        return capacity.list(Actors.acting(actor), providerAgb, liveOnly).map(LineView::of);
    }

    @GetMapping("/{capacityLineId}")
    @PreAuthorize("hasAnyRole('PROVIDER','ADMIN','SERVICE','COORDINATOR')")
    @Operation(summary = "One capacity line")
    @ProblemResponses(forbidden = "not-your-organisation: a provider reading another organisation's line",
            notFound = "capacity line (also a line of another region than your token's)")
    public Mono<LineView> get(Actor actor, @PathVariable UUID capacityLineId) {
        boolean seesAll = !actor.has(Role.PROVIDER) || actor.has(Role.ADMIN);
        return capacity.get(Actors.acting(actor), Actors.region(actor), seesAll, capacityLineId).map(LineView::of);
    }

    @PostMapping("/{capacityLineId}/correct")
    @PreAuthorize("hasAnyRole('PROVIDER','ADMIN')")
    @Operation(summary = "Correct places and/or period", description = "Also confirms the line (a stale line opens again).")
    @ProblemResponses(forbidden = "not-your-organisation: another organisation's line", notFound = "capacity line (also a line of another region than your token's)",
            invalid = {"not-long-past: a new availableFrom more than 31 days before today",
                    "not-too-far-ahead: a new availableFrom or availableUntil more than 2 years after today",
                    "not-before-from: availableUntil lies before availableFrom",
                    "not-in-past: availableUntil lies in the past", "whole-number: places with a fraction"},
            conflict = {"line-closed: the line is withdrawn or expired",
                    "places-below-reserved: fewer places than are reserved",
                    "version-conflict: the line changed since the version you sent"})
    public Mono<LineView> correct(Actor actor, @PathVariable UUID capacityLineId,
            @Valid @RequestBody CorrectionBody body) {
        return capacity.correct(Actors.acting(actor), Actors.region(actor), capacityLineId, body.toCommand()).map(LineView::of);
    }

    @PostMapping("/{capacityLineId}/withdraw")
    @PreAuthorize("hasAnyRole('PROVIDER','ADMIN')")
    @Operation(summary = "Withdraw a line", description = "Idempotent. Places already reserved stay reserved.")
    @ProblemResponses(forbidden = "not-your-organisation: another organisation's line", notFound = "capacity line (also a line of another region than your token's)",
            conflict = "line-closed: the line has expired")
    public Mono<LineView> withdraw(Actor actor, @PathVariable UUID capacityLineId) {
        return capacity.withdraw(Actors.acting(actor), Actors.region(actor), capacityLineId).map(LineView::of);
    }

    @PostMapping("/{capacityLineId}/confirm")
    @PreAuthorize("hasAnyRole('PROVIDER','ADMIN')")
    @Operation(summary = "Confirm a line is still valid", description = "Resets the staleness clock; a stale line opens again.")
    @ProblemResponses(forbidden = "not-your-organisation: another organisation's line", notFound = "capacity line (also a line of another region than your token's)",
            conflict = "line-closed: the line is withdrawn, expired or past its last day")
    public Mono<LineView> confirm(Actor actor, @PathVariable UUID capacityLineId) {
        return capacity.confirm(Actors.acting(actor), Actors.region(actor), capacityLineId).map(LineView::of);
    }
}
