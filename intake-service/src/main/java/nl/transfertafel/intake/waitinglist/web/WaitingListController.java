package nl.transfertafel.intake.waitinglist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.support.ApiDocs;
import nl.transfertafel.intake.waitinglist.application.WaitingListService;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/waiting-list")
@Tag(name = "Waiting list", description = "A provider's own waiting list: intake, treatment start, withdrawal, waiting status")
public class WaitingListController {

    private final WaitingListService waitingList;
    private final Clock clock;

    public WaitingListController(WaitingListService waitingList, Clock clock) {
        this.waitingList = waitingList;
        this.clock = clock;
    }

    @PostMapping("/{referralId}/intake")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "Record the intake", description = "Role PROVIDER, entries on its own list. Stops the intake clock; "
            + "the treatment deadline becomes intake + 10 weeks.")
    @ApiResponse(responseCode = "200", description = "Recorded; the entry's new state")
    @ProblemResponses(
            invalid = {ApiDocs.NOT_IN_FUTURE, "NotBeforeRegistration: the intake lies before the registration date"},
            notFound = ApiDocs.ENTRY,
            conflict = {ApiDocs.ILLEGAL_TRANSITION, ApiDocs.VERSION_MISMATCH, ApiDocs.CONCURRENT_UPDATE})
    public Mono<EntryState> recordIntake(Actor provider, @PathVariable UUID referralId, @Valid @RequestBody Dated body) {
        return waitingList.recordIntake(provider, referralId, body.on(), body.expectedVersion())
                .map(entry -> EntryState.of(entry, clock));
    }

    @PostMapping("/{referralId}/treatment-start")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "Record the start of treatment", description = "Role PROVIDER, entries on its own list, after "
            + "the intake. The client leaves the waiting list.")
    @ApiResponse(responseCode = "200", description = "Recorded; the entry's new state")
    @ProblemResponses(invalid = {ApiDocs.NOT_IN_FUTURE, "NotBeforeIntake: treatment would start before the intake"},
            notFound = ApiDocs.ENTRY, conflict = {"intake-before-treatment: the intake is not recorded yet",
                    ApiDocs.ILLEGAL_TRANSITION, ApiDocs.VERSION_MISMATCH, ApiDocs.CONCURRENT_UPDATE})
    public Mono<EntryState> startTreatment(Actor provider, @PathVariable UUID referralId, @Valid @RequestBody Dated body) {
        return waitingList.startTreatment(provider, referralId, body.on(), body.expectedVersion())
                .map(entry -> EntryState.of(entry, clock));
    }

    @PostMapping("/{referralId}/withdraw")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "Withdraw a client from the list", description = "Role PROVIDER, entries on its own list, "
            + "with a coded reason (no longer needed, care found elsewhere, no show, other).")
    @ApiResponse(responseCode = "200", description = "Withdrawn; the entry's new state")
    @ProblemResponses(notFound = ApiDocs.ENTRY, conflict = {ApiDocs.ILLEGAL_TRANSITION, ApiDocs.VERSION_MISMATCH,
            ApiDocs.CONCURRENT_UPDATE})
    public Mono<EntryState> withdraw(Actor provider, @PathVariable UUID referralId, @Valid @RequestBody Withdrawal body) {
        return waitingList.withdraw(provider, referralId, body.reason(), body.expectedVersion())
                .map(entry -> EntryState.of(entry, clock));
    }

    @PutMapping("/{referralId}/status")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "Set the waiting status", description = """
            Role PROVIDER, entries on its own list: urgent placement, active placement, waiting for preference (no \
            automatic proposals elsewhere), waiting as a precaution. Setting it also confirms it (clears stale).""")
    @ApiResponse(responseCode = "200", description = "Set; the entry's new state")
    @ProblemResponses(notFound = ApiDocs.ENTRY, conflict = {ApiDocs.ILLEGAL_TRANSITION, ApiDocs.VERSION_MISMATCH,
            ApiDocs.CONCURRENT_UPDATE})
    public Mono<EntryState> setStatus(Actor provider, @PathVariable UUID referralId, @Valid @RequestBody StatusChange body) {
        return waitingList.setStatus(provider, referralId, body.status(), body.expectedVersion())
                .map(entry -> EntryState.of(entry, clock));
    }

    @PutMapping("/{referralId}/location")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "Name the location where the client waits or is treated", description = """
            Role PROVIDER, entries on its own list (waiting, in intake or in treatment): the provider's location id             (as capacity-service names its locations). A closure of one location then takes in this client only             when it is that location; clients without a named location are taken in and shown as "location             unknown" (issue 15). Also confirms the status. 409 not-placed for an entry without a provider.""")
    @ApiResponse(responseCode = "200", description = "Set; the entry's new state")
    @ProblemResponses(notFound = ApiDocs.ENTRY, conflict = {ApiDocs.ILLEGAL_TRANSITION, ApiDocs.VERSION_MISMATCH,
            ApiDocs.CONCURRENT_UPDATE, "not-placed: the entry has no provider, so no location there"})
    public Mono<EntryState> setLocation(Actor provider, @PathVariable UUID referralId,
            @Valid @RequestBody LocationChange body) {
        return waitingList.setLocation(provider, referralId, body.locationId().toString(), body.expectedVersion())
                .map(entry -> EntryState.of(entry, clock));
    }

    @PostMapping("/{referralId}/status-confirmation")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "Confirm the waiting status is still right", description = "Role PROVIDER, entries on its own "
            + "list. Keeps the entry from going stale (and clears a stale flag).")
    @ApiResponse(responseCode = "200", description = "Confirmed; the entry's new state")
    @ProblemResponses(notFound = ApiDocs.ENTRY, conflict = {ApiDocs.ILLEGAL_TRANSITION, ApiDocs.VERSION_MISMATCH,
            ApiDocs.CONCURRENT_UPDATE})
    public Mono<EntryState> confirmStatus(Actor provider, @PathVariable UUID referralId,
            @Valid @RequestBody(required = false) Confirmation body) {
        return waitingList.confirmStatus(provider, referralId, body == null ? null : body.expectedVersion())
                .map(entry -> EntryState.of(entry, clock));
    }

    /** A dated fact (intake, start of treatment), guarded by the version the caller saw. */
    public record Dated(@NotNull LocalDate on, @Min(1) Long expectedVersion) {
    }

    public record Withdrawal(@NotNull WithdrawalReason reason, @Min(1) Long expectedVersion) {
    }

    public record StatusChange(@NotNull WaitingStatus status, @Min(1) Long expectedVersion) {
    }

    public record Confirmation(@Min(1) Long expectedVersion) {
    }

    /** A location id is capacity-service's UUID of the provider's location. */
    public record LocationChange(@NotNull UUID locationId, @Min(1) Long expectedVersion) {
    }
}
