package nl.transfertafel.capacity.reservation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import nl.transfertafel.capacity.reservation.application.ReservationService;
import nl.transfertafel.contracts.events.capacity.ReservationChanged;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/reservations")
@Tag(name = "Reservations", description = "The anti-double-booking point: the transfer table holds a place for a "
        + "proposal; the place is confirmed when the transfer completes, released when it ends, and returns by "
        + "itself when the hold runs out (default 10 days)")
public class ReservationController {

    private final ReservationService reservations;

    public ReservationController(ReservationService reservations) {
        this.reservations = reservations;
    }

    public record ReservationRequest(@NotNull UUID capacityLineId,
            // the transfer table's proposal id: letters, digits and - _ . : only (never a NUL, a name or an address)
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.:-]*", message = "letters, digits and - _ . : only")
            String proposalId) {
    }

    public record ReservationView(UUID reservationId, UUID capacityLineId, String proposalId, String providerAgb,
            ReservationChanged.State state, Instant expiresAt, int placesLeft) {

        static ReservationView of(ReservationService.Reserved reserved) {
            var r = reserved.reservation();
            return new ReservationView(r.id(), r.capacityLineId(), r.proposalId(), r.providerAgb(), r.state(),
                    r.expiresAt(), reserved.placesLeft());
        }
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SERVICE','ADMIN')")
    @Operation(summary = "Reserve one place for a proposal",
            description = "Atomically takes one place of the line (a conditional update that cannot oversell). "
                    + "Idempotent per proposalId: the same proposal for the same line answers 200 with the same "
                    + "reservation (whatever its state). A proposal the transfer table has ended (TransferEnded) "
                    + "takes no new place.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "A place is held (state HELD until expiresAt)"),
                    @ApiResponse(responseCode = "200", description = "This proposal already holds this reservation")})
    @ProblemResponses(notFound = "capacity line", conflict = {
            "no-place-left: the line has no place left",
            "line-not-open: the line is withdrawn, expired or stale",
            "proposal-already-reserved: the proposal already holds a place on another line",
            "proposal-ended: the transfer table ended the proposal before it held a place"})
    public Mono<ResponseEntity<ReservationView>> reserve(@Valid @RequestBody ReservationRequest body) {
        return reservations.reserve(body.capacityLineId(), body.proposalId())
                .map(reserved -> ResponseEntity.status(reserved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(URI.create("/api/v1/reservations/" + reserved.reservation().id()))
                        .body(ReservationView.of(reserved)));
    }

    @PostMapping("/{reservationId}/confirm")
    @PreAuthorize("hasAnyRole('SERVICE','ADMIN')")
    @Operation(summary = "Confirm a held place (the transfer completed)", description = "Idempotent.")
    @ProblemResponses(notFound = "reservation",
            conflict = "reservation-not-held: the reservation was released or expired")
    public Mono<ReservationView> confirm(@PathVariable UUID reservationId) {
        return reservations.confirm(reservationId).map(ReservationView::of);
    }

    @PostMapping("/{reservationId}/release")
    @PreAuthorize("hasAnyRole('SERVICE','ADMIN')")
    @Operation(summary = "Release a held place (the place returns to the line)",
            description = "Idempotent; releasing an expired reservation changes nothing.")
    @ProblemResponses(notFound = "reservation",
            conflict = "reservation-confirmed: the transfer completed and the place is used")
    public Mono<ReservationView> release(@PathVariable UUID reservationId) {
        return reservations.release(reservationId).map(ReservationView::of);
    }

    @GetMapping("/{reservationId}")
    @PreAuthorize("hasAnyRole('SERVICE','ADMIN')")
    @Operation(summary = "One reservation")
    @ProblemResponses(notFound = "reservation")
    public Mono<ReservationView> get(@PathVariable UUID reservationId) {
        return reservations.get(reservationId).map(ReservationView::of);
    }
}
