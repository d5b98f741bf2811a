package nl.transfertafel.intake.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.referral.application.GpWorklist;
import nl.transfertafel.intake.referral.application.ReferralService;
import nl.transfertafel.intake.referral.web.ReferralViews.ReferralCreated;
import nl.transfertafel.intake.referral.web.ReferralViews.WorklistItem;
import nl.transfertafel.intake.support.ApiDocs;
import nl.transfertafel.intake.support.Paging;
import nl.transfertafel.intake.waitinglist.web.EntryState;
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
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals", description = "GPs refer clients, see where each stands, and withdraw referrals")
public class ReferralController {

    private final ReferralService referrals;
    private final GpWorklist worklist;
    private final IdempotentRequests idempotent;
    private final Clock clock;

    public ReferralController(ReferralService referrals, GpWorklist worklist, IdempotentRequests idempotent, Clock clock) {
        this.referrals = referrals;
        this.worklist = worklist;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('GP')")
    @Operation(summary = "Register a referral", description = """
            Role GP. The referrer AGB code and the region come from the token. The client's BSN, name, contact \
            details, full postcode and date of birth are stored encrypted and never leave this service; events carry a \
            pseudonym. The waiting entry is placed at the preferred provider, or unplaced (and so goes to the transfer \
            table) when that provider has a registration stop or pause for the diagnosis group, or when none is named.""")
    @ApiResponse(responseCode = "201", description = "Registered (or the first answer replayed for the same Idempotency-Key)")
    public Mono<ResponseEntity<ReferralCreated>> register(Actor gp,
            @Parameter(in = ParameterIn.HEADER, description = ApiDocs.IDEMPOTENCY_KEY)
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ReferralBody body) {
        return idempotent.once(gp, idempotencyKey, "POST /api/v1/referrals", body, ReferralCreated.class, () ->
                referrals.refer(gp, body.toRequest(body.preferredProviderAgb()))
                        .map(registered -> ResponseEntity
                                .created(URI.create("/api/v1/referrals/" + registered.referral().id()))
                                .body(ReferralCreated.of(registered))));
    }

    @GetMapping
    @PreAuthorize("hasRole('GP')")
    @Operation(summary = "The GP's worklist", description = """
            Role GP. The practice's own referrals, newest first (pages of `limit`, at most 500, from `offset`), with where each client stands: at which provider \
            (or unplaced and why), waiting status and stage, days waited, the Treeknorm deadlines, intake and \
            treatment dates, and the latest transfer (proposed, offered, ended or completed with the handover \
            contact). Every client shown is an audited read of personal data.""")
    @ApiResponse(responseCode = "200", description = "The worklist page")
    public Mono<List<WorklistItem>> list(Actor gp,
            @Parameter(description = "only clients who still wait (no treatment started, not withdrawn)")
            @RequestParam(defaultValue = "false") boolean activeOnly,
            @Parameter(description = "page size, 1 to 500") @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return worklist.list(gp, activeOnly, Paging.limit(limit), Paging.offset(offset))
                .map(items -> items.stream().map(item -> WorklistItem.of(item, clock)).toList());
    }

    @GetMapping("/{referralId}")
    @PreAuthorize("hasRole('GP')")
    @Operation(summary = "One referral of the GP's worklist", description = "Role GP; only the practice's own referrals.")
    @ApiResponse(responseCode = "200", description = "Where the client stands")
    @ProblemResponses(notFound = "referral")
    public Mono<WorklistItem> get(Actor gp, @PathVariable UUID referralId) {
        return worklist.get(gp, referralId).map(item -> WorklistItem.of(item, clock));
    }

    @PostMapping("/{referralId}/withdraw")
    @PreAuthorize("hasRole('GP')")
    @Operation(summary = "Withdraw a referral", description = """
            Role GP; only the practice's own referrals, and only while the client still waits (before treatment). \
            Send expectedVersion (from the worklist) to withdraw only the entry as you saw it.""")
    @ApiResponse(responseCode = "200", description = "Withdrawn; the entry's new state")
    @ProblemResponses(notFound = "referral", conflict = {ApiDocs.ILLEGAL_TRANSITION, ApiDocs.VERSION_MISMATCH,
            ApiDocs.CONCURRENT_UPDATE})
    public Mono<EntryState> withdraw(Actor gp, @PathVariable UUID referralId, @Valid @RequestBody Withdrawal body) {
        return worklist.withdraw(gp, referralId, body.reason(), body.expectedVersion())
                .map(entry -> EntryState.of(entry, clock));
    }

    /** Why the client no longer needs the place (coded, so figures can count reasons). */
    public record Withdrawal(@NotNull WithdrawalReason reason, @Min(1) Long expectedVersion) {
    }
}
