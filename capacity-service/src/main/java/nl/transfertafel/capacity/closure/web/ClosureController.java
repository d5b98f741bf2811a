package nl.transfertafel.capacity.closure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.closure.application.ClosureService;
import nl.transfertafel.capacity.closure.domain.AnnounceClosure;
import nl.transfertafel.capacity.closure.domain.ProviderClosure;
import nl.transfertafel.capacity.common.web.Actors;
import nl.transfertafel.capacity.common.web.Roles;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/providers/{providerAgb}")
@Tag(name = "Closures", description = "A provider closes a location or stops a care programme: its lines in scope "
        + "end, registrations meet a stop from the end date, and the transfer table opens a bulk transfer case")
public class ClosureController {

    private final ClosureService closures;
    private final IdempotentRequests idempotent;

    public ClosureController(ClosureService closures, IdempotentRequests idempotent) {
        this.closures = closures;
        this.idempotent = idempotent;
    }

    @Schema(description = "locationId left out = the whole provider; diagnosisGroups left out or empty = every group "
            + "(a care programme stops for the groups named). handoverContact: the organisation's contact for the warm "
            + "handover (a desk, a phone number), never a client's data.")
    public record ClosureBody(UUID locationId, @Size(max = 20) List<@NotNull DiagnosisGroup> diagnosisGroups,
            @NotNull LocalDate endDate, @NotBlank @Size(max = ProviderClosure.MAX_CONTACT_LENGTH) String handoverContact) {
    }

    public record ClosureView(UUID closureId, String providerAgb, UUID locationId, List<DiagnosisGroup> diagnosisGroups,
            LocalDate endDate, String handoverContact, Instant announcedAt, List<UUID> withdrawnLines) {

        static ClosureView of(ProviderClosure c) {
            return new ClosureView(c.id(), c.providerAgb(), c.locationId(), c.diagnosisGroups(), c.endDate(),
                    c.handoverContact(), c.announcedAt(), c.withdrawnLines());
        }
    }

    @PostMapping("/closures")
    @PreAuthorize("hasAnyRole('PROVIDER','ADMIN','COORDINATOR')")
    @Operation(summary = "Announce that a location closes or a care programme stops",
            description = "Role PROVIDER for itself or a practice it represents, ADMIN, or a COORDINATOR of a region the "
                    + "provider works in. In one transaction: the live capacity lines in scope are withdrawn "
                    + "(CapacityLineChanged), registrations in scope meet a registration stop from endDate "
                    + "(RegistrationRestrictionChanged; not when one of several locations closes) and "
                    + "ProviderClosureAnnounced is published, from which the transfer table opens a bulk transfer case. "
                    + "Send an Idempotency-Key to make a retry safe.")
    @ApiResponse(responseCode = "201", description = "Announced (or the first answer replayed for the same Idempotency-Key)")
    @ProblemResponses(invalid = {"not-in-past: endDate lies in the past",
            "not-too-far-ahead: endDate more than 2 years after today",
            "known-location: a location the registry does not list for this provider"},
            forbidden = {"not-your-organisation: another organisation",
                    "not-your-region: the provider does not work in the region of your token"},
            notFound = "provider",
            conflict = {"provider-inactive: the provider is marked inactive in the registry",
                    "closure-exists: a closure of the provider already covers this location and programme"})
    public Mono<ResponseEntity<ClosureView>> announce(Actor actor, @PathVariable String providerAgb,
            @Parameter(in = ParameterIn.HEADER, description = "Makes a retry safe: the same key with the same body "
                    + "answers the first answer again (kept 7 days; a UUID is a good choice)")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ClosureBody body) {
        boolean coordinator = actor.has(Role.COORDINATOR) && !actor.has(Role.PROVIDER) && !actor.has(Role.ADMIN);
        return idempotent.once(actor, idempotencyKey, "POST /api/v1/providers/" + providerAgb + "/closures", body,
                ClosureView.class, () -> closures.announce(Actors.acting(actor), actor.regionIfPresent().orElse(null), coordinator,
                                providerAgb,
                                new AnnounceClosure(body.locationId(), body.diagnosisGroups(), body.endDate(),
                                        body.handoverContact()))
                        .map(c -> ResponseEntity.created(URI.create("/api/v1/providers/" + providerAgb
                                        + "/closures/" + c.id()))
                                .body(ClosureView.of(c))));
    }

    @GetMapping("/closures")
    @PreAuthorize(Roles.ANY_PERSON)
    @Operation(summary = "A provider's announced closures (any role: public for transparency)")
    @ProblemResponses(notFound = "provider")
    public Flux<ClosureView> list(@PathVariable String providerAgb) {
        return closures.list(providerAgb).map(ClosureView::of);
    }
}
