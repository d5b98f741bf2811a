package nl.transfertafel.intake.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import nl.transfertafel.intake.referral.application.ProviderList;
import nl.transfertafel.intake.referral.application.ReferralService;
import nl.transfertafel.intake.referral.web.ReferralViews.ReferralCreated;
import nl.transfertafel.intake.referral.web.WaitingListViews.WaitingListEntry;
import nl.transfertafel.intake.support.ApiDocs;
import nl.transfertafel.intake.support.Paging;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.idempotency.IdempotentRequests;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The provider's waiting list as read (referral, entry and client joined) and the onboarding of an
 * existing list (which registers referrals). The entry's changes are {@code waitinglist}'s
 * {@code WaitingListController}, under the same path.
 */
@RestController
@RequestMapping("/api/v1/waiting-list")
@Tag(name = "Waiting list")
public class ProviderListController {

    private final ProviderList providerList;
    private final ReferralService referrals;
    private final IdempotentRequests idempotent;
    private final Clock clock;

    public ProviderListController(ProviderList providerList, ReferralService referrals, IdempotentRequests idempotent,
            Clock clock) {
        this.providerList = providerList;
        this.referrals = referrals;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "The provider's waiting list", description = """
            Role PROVIDER. The entries placed at the token's provider, longest waiting first (pages of `limit`, at \
            most 500, from `offset`), with the client's name and contact details for the intake invitation. Every \
            client shown is an audited read of personal data.""")
    @ApiResponse(responseCode = "200", description = "The list page")
    public Mono<List<WaitingListEntry>> list(Actor provider,
            @Parameter(description = "only clients who still wait (default); false includes treated and withdrawn")
            @RequestParam(defaultValue = "true") boolean activeOnly,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return providerList.list(provider, activeOnly, Paging.limit(limit), Paging.offset(offset))
                .map(items -> items.stream().map(item -> WaitingListEntry.of(item, clock)).toList());
    }

    @PostMapping("/entries")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "Bring in a client of the existing waiting list", description = """
            Role PROVIDER, for its own list. Registers the referral (referring GP from the body) and an entry placed \
            at this provider with the original registration date, so the region starts with the lists it has and \
            waiting times are real. Emits the same events as a GP referral. The GP practice named as referrer sees \
            the entry without the client's name or date of birth, and cannot act on it, until a GP of that practice \
            confirms it referred the client (POST /api/v1/referrals/{id}/confirm-referrer).""")
    @ApiResponse(responseCode = "201", description = "Registered (or the first answer replayed for the same Idempotency-Key)")
    public Mono<ResponseEntity<ReferralCreated>> onboard(Actor provider,
            @Parameter(in = ParameterIn.HEADER, description = ApiDocs.IDEMPOTENCY_KEY)
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody OnboardingBody body) {
        return idempotent.once(provider, idempotencyKey, "POST /api/v1/waiting-list/entries", body,
                ReferralCreated.class, () -> referrals.onboard(provider, body.toRequest(null), body.referrerAgb(),
                                body.registeredOn())
                        .map(registered -> ResponseEntity
                                .created(URI.create("/api/v1/waiting-list/" + registered.referral().id()))
                                .body(ReferralCreated.of(registered))));
    }
}
