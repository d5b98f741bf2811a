package nl.transfertafel.capacity.restriction.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.common.web.Actors;
import nl.transfertafel.capacity.common.web.Roles;
import nl.transfertafel.capacity.restriction.application.RestrictionService;
import nl.transfertafel.capacity.restriction.domain.RegistrationRestriction;
import nl.transfertafel.capacity.restriction.domain.SetRestriction;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.rules.StopOrPause;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.platform.security.Actor;
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
@RequestMapping("/api/v1/providers/{providerAgb}")
@Tag(name = "Registration stops and pauses", description = "A stop routes referrals to the transfer table (they stay "
        + "visible); a pause, per diagnosis group and for a period, sends them straight to a provider with capacity")
public class RestrictionController {

    private final RestrictionService restrictions;
    private final IdempotentRequests idempotent;

    public RestrictionController(RestrictionService restrictions, IdempotentRequests idempotent) {
        this.restrictions = restrictions;
        this.idempotent = idempotent;
    }

    @Schema(description = "A stop or pause. diagnosisGroup left out = all groups; from left out = today; "
            + "until is required for a pause and optional for a stop.")
    public record RestrictionBody(@NotNull Kind kind, DiagnosisGroup diagnosisGroup,
            @NotBlank @Size(max = 500) String reason, LocalDate from, LocalDate until) {
    }

    public record RestrictionView(UUID restrictionId, String providerAgb, Kind kind, DiagnosisGroup diagnosisGroup,
            String reason, LocalDate from, LocalDate until, boolean active, long version) {

        static RestrictionView of(RegistrationRestriction r) {
            return new RestrictionView(r.id(), r.providerAgb(), r.kind(), r.diagnosisGroup(), r.reason(), r.from(),
                    r.until(), r.active(), r.version());
        }
    }

    public record GroupStatus(DiagnosisGroup diagnosisGroup, StopOrPause.Status status, UUID restrictionId) {
    }

    @PostMapping("/restrictions")
    @PreAuthorize("hasAnyRole('PROVIDER','ADMIN')")
    @Operation(summary = "Set a registration stop or pause", description = "Role PROVIDER for itself or a practice it "
            + "represents, or ADMIN. Emits RegistrationRestrictionChanged (active). Send an Idempotency-Key to make "
            + "a retry safe: the same key with the same body answers the first restriction again.")
    @ApiResponse(responseCode = "201", description = "Set (or the first answer replayed for the same Idempotency-Key)")
    @ProblemResponses(invalid = {"pause-needs-period: a pause without an end date",
            "not-before-from: until lies before from", "not-in-past: until lies in the past",
            "not-long-past: from more than 31 days before today",
            "not-too-far-ahead: from or until more than 2 years after today (leave until out for an open-ended stop)"},
            forbidden = "not-your-organisation: another organisation", notFound = "provider",
            conflict = "restriction-overlaps: an active restriction of the same kind covers the group in that period")
    public Mono<ResponseEntity<RestrictionView>> set(Actor actor, @PathVariable String providerAgb,
            @Parameter(in = ParameterIn.HEADER, description = "Makes a retry safe: the same key with the same body "
                    + "answers the first answer again (kept 7 days; a UUID is a good choice)")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody RestrictionBody body) {
        return idempotent.once(actor, idempotencyKey, "POST /api/v1/providers/" + providerAgb + "/restrictions", body,
                RestrictionView.class, () -> restrictions.set(Actors.acting(actor), providerAgb,
                                new SetRestriction(body.kind(), body.diagnosisGroup(), body.reason(), body.from(),
                                        body.until()))
                        .map(r -> ResponseEntity.created(URI.create("/api/v1/providers/" + providerAgb
                                        + "/restrictions/" + r.id()))
                                .body(RestrictionView.of(r))));
    }

    @PostMapping("/restrictions/{restrictionId}/lift")
    @PreAuthorize("hasAnyRole('PROVIDER','ADMIN')")
    @Operation(summary = "Lift a stop or pause", description = "Idempotent. Emits RegistrationRestrictionChanged (inactive).")
    @ProblemResponses(forbidden = "not-your-organisation: another organisation", notFound = "provider or restriction")
    public Mono<RestrictionView> lift(Actor actor, @PathVariable String providerAgb, @PathVariable UUID restrictionId) {
        return restrictions.lift(Actors.acting(actor), providerAgb, restrictionId).map(RestrictionView::of);
    }

    @GetMapping("/restrictions")
    @PreAuthorize(Roles.ANY_PERSON)
    @Operation(summary = "A provider's stops and pauses (any role: they are public for transparency)")
    @ProblemResponses(notFound = "provider")
    public Flux<RestrictionView> list(@PathVariable String providerAgb) {
        return restrictions.list(providerAgb).map(RestrictionView::of);
    }

    @GetMapping("/registration-status")
    @PreAuthorize(Roles.ANY_PERSON)
    @Operation(summary = "Stop versus pause per diagnosis group on a date",
            description = "STOPPED: a referral goes to the transfer table (never dropped); PAUSED: it goes straight "
                    + "to a provider with capacity; OPEN: neither. A stop outranks a pause.")
    @ProblemResponses(notFound = "provider")
    public Mono<List<GroupStatus>> status(@PathVariable String providerAgb,
            @RequestParam(required = false) LocalDate date) {
        return restrictions.status(providerAgb, date).map(all -> all.stream()
                .map(s -> new GroupStatus(s.diagnosisGroup(), s.verdict().status(),
                        s.verdict().because().map(RegistrationRestriction::id).orElse(null)))
                .toList());
    }
}
