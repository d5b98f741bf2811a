package nl.transfertafel.intake.referral.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.referral.application.GpWorklist;
import nl.transfertafel.intake.referral.application.ReferralService;
import nl.transfertafel.intake.client.web.ElevenTest;
import nl.transfertafel.intake.referral.web.ReferralViews.ClientSupport;
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
import org.springframework.web.bind.annotation.PutMapping;
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
            ApiDocs.CONCURRENT_UPDATE, ApiDocs.REFERRER_UNCONFIRMED})
    public Mono<EntryState> withdraw(Actor gp, @PathVariable UUID referralId, @Valid @RequestBody Withdrawal body) {
        return worklist.withdraw(gp, referralId, body.reason(), body.expectedVersion())
                .map(entry -> EntryState.of(entry, clock));
    }

    @PutMapping("/{referralId}/client-support")
    @PreAuthorize("hasRole('GP')")
    @Operation(summary = "Name, change or remove the client-support organisation", description = """
            Role GP; only the practice's own referrals. The organisation for client support (onafhankelijke \
            cliëntondersteuning) the client chose to act for them: its supporters may then see and answer the \
            client's offers. null removes it. Each change is announced (ClientSupportChanged, pseudonymous) and \
            audited; naming the organisation already named changes nothing.""")
    @ApiResponse(responseCode = "200", description = "The organisation now acting for the client (absent: none)")
    @ProblemResponses(invalid = "Pattern: clientSupportOrganisation is not an organisation code",
            notFound = "referral", conflict = ApiDocs.REFERRER_UNCONFIRMED)
    public Mono<ClientSupport> changeClientSupport(Actor gp, @PathVariable UUID referralId,
            @Valid @RequestBody ClientSupportChange body) {
        return worklist.changeClientSupport(gp, referralId, body.clientSupportOrganisation()).map(ClientSupport::of);
    }

    @PostMapping("/{referralId}/confirm-referrer")
    @PreAuthorize("hasRole('GP')")
    @Operation(summary = "Confirm that your practice referred the client", description = """
            Role GP, of the practice a provider named as referrer when it brought the client in from its existing \
            list. Until a GP of that practice confirms, with the client's BSN, the practice sees the entry without \
            the client's name or date of birth and cannot act on it. Confirming again changes nothing.""")
    @ApiResponse(responseCode = "200", description = "Confirmed; the referral as the worklist shows it")
    @ProblemResponses(invalid = "SameClient: the BSN is not that of the referral's client", notFound = "referral")
    public Mono<WorklistItem> confirmReferrer(Actor gp, @PathVariable UUID referralId,
            @Valid @RequestBody ReferrerConfirmation body) {
        return worklist.confirmReferrer(gp, referralId, body.bsn()).map(item -> WorklistItem.of(item, clock));
    }

    /**
     * The client-support organisation's code; an explicit null removes it. The field must be present:
     * removing is a decision the GP states, never what a body that names nothing ({@code {}}) or one
     * that cannot be read is taken to mean (issue 11 item 18).
     */
    public record ClientSupportChange(
            @Schema(description = "organisation code (2 to 40 letters, digits or '-'); null: none acts for the client",
                    example = "MEE-Rotterdam", types = {"string", "null"}, requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty(required = true)
            @Pattern(regexp = ClientFields.SUPPORT_ORGANISATION, message = ClientFields.SUPPORT_ORGANISATION_MESSAGE)
            String clientSupportOrganisation) {
    }

    /** The practice knows the client: it gives the BSN the provider registered. */
    public record ReferrerConfirmation(
            @Schema(description = "the client's BSN (nine digits, eleven test); not stored again")
            @NotNull @ElevenTest String bsn) {
    }

    /** Why the client no longer needs the place (coded, so figures can count reasons). */
    public record Withdrawal(@NotNull WithdrawalReason reason, @Min(1) Long expectedVersion) {
    }
}
