package nl.transfertafel.transfertable.proposal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import nl.transfertafel.contracts.events.transfer.DeclineReason;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import nl.transfertafel.platform.web.ProblemResponses;
import nl.transfertafel.transfertable.common.web.ProblemRules;
import nl.transfertafel.transfertable.common.application.ActorClaims;
import nl.transfertafel.transfertable.proposal.application.OfferService;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.screening.domain.OrganisationCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Offers waiting for acceptance. The receiving provider accepts (naming the handover contact) or
 * declines; the client consents or declines through the GP who referred them or a client supporter
 * of the region. Each sees only their own offers; coordinators see the region's.
 */
@RestController
@RequestMapping("/api/v1/offers")
@Tag(name = "Offers", description = "Offers to the receiving provider and the client, and their answers")
public class OfferController {

    private final ProposalRepository proposals;
    private final ReadModelRepository readModel;
    private final OfferService offers;
    private final AuditLog audit;

    public OfferController(ProposalRepository proposals, ReadModelRepository readModel, OfferService offers,
            AuditLog audit) {
        this.proposals = proposals;
        this.readModel = readModel;
        this.offers = offers;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('PROVIDER', 'GP', 'CLIENT_SUPPORT', 'COORDINATOR')")
    @Operation(summary = "Open offers I may see or answer",
            description = "PROVIDER: offers to its own organisation (by AGB). GP: offers for its own referrals (not for one"
                    + " a provider's onboarding named the practice for, until the practice confirmed it in intake)."
                    + " CLIENT_SUPPORT: the offers of clients who named the supporter's organisation (each read"
                    + " audited). COORDINATOR: the offers of their region. States OFFERED,"
                    + " ACCEPTED_BY_PROVIDER, ACCEPTED_BY_CLIENT.")
    public Flux<ProposalViews.Offer> list(Actor actor) {
        Map<String, Object> params = new HashMap<>();
        String where;
        if (actor.has(Role.PROVIDER)) {
            where = "receiving_provider_agb = :org";
            params.put("org", ActorClaims.organisation(actor));
        } else if (actor.has(Role.GP)) {
            // not while a provider's onboarding named the practice and it has not confirmed the link (item 7)
            where = "referrer_agb = :org and referral_id not in (select referral_id from referrer_link"
                    + " where not confirmed)";
            params.put("org", ActorClaims.organisation(actor));
        } else if (actor.has(Role.CLIENT_SUPPORT) && !actor.has(Role.COORDINATOR)) {
            // only the offers of clients who named the supporter's organisation (item 6)
            where = "region = :region and referral_id in (select referral_id from client_support"
                    + " where support_organisation = :org)";
            params.put("region", ActorClaims.region(actor));
            params.put("org", OrganisationCode.of(ActorClaims.organisation(actor)).normalised());
        } else {
            where = "region = :region";
            params.put("region", ActorClaims.region(actor));
        }
        // the offers, who may see them and their clients: each read once for the whole list (issue 10)
        return proposals.openOffers(where, params)
                .collectList()
                .flatMapMany(found -> offers.visible(actor, found))
                .collectList()
                .flatMap(visible -> readModel.clients(visible.stream().map(Proposal::referralId).toList())
                        .flatMapMany(clients -> Flux.fromIterable(visible)
                                .concatMap(p -> (actor.has(Role.CLIENT_SUPPORT)
                                        // a supporter reads a named client's offer: audited per client (NEN 7513 idea)
                                        ? audit.record(actor, p.clientPseudonym(), "offer.list-read:" + p.proposalId(),
                                                "client support")
                                        : Mono.<Void>empty())
                                        .thenReturn(ProposalViews.offer(p, clients.get(p.referralId())))))
                        .collectList())
                .flatMapMany(list -> audit.record(actor, null, "offers.read:" + list.size(), "transfer offer")
                        .thenMany(Flux.fromIterable(list)));
    }

    @GetMapping("/{proposalId}")
    @PreAuthorize("hasAnyRole('PROVIDER', 'GP', 'CLIENT_SUPPORT', 'COORDINATOR')")
    @Operation(summary = "One offer (any state), if it is mine to see")
    @ProblemResponses(notFound = "offer")
    public Mono<ProposalViews.Offer> one(Actor actor, @PathVariable String proposalId) {
        return proposals.find(proposalId)
                // an offer is a proposal that was offered (a reservation alone may be known before that)
                .filter(p -> p.offerExpiresAt() != null)
                .filterWhen(p -> offers.maySee(actor, p))
                .switchIfEmpty(Mono.error(Refused.notFound("the offer")))
                .flatMap(p -> audit.record(actor, p.clientPseudonym(), "offer.read:" + proposalId, "transfer offer")
                        .then(view(p)));
    }

    public record ProviderAnswer(@NotNull Boolean accepted, @Size(max = 300) String handoverContact,
            DeclineReason declineReason) {
    }

    @PostMapping("/{proposalId}/provider-response")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "The receiving provider accepts or declines",
            description = "Role PROVIDER of the receiving organisation. Accepting needs handoverContact (a contact"
                    + " person or desk for the warm handover: organisational, never client data); declining needs a"
                    + " coded declineReason. When the client already accepted, the transfer completes."
                    + " 409 illegal-transition when the offer is no longer open.")
    @ProblemResponses(invalid = {"NotBlank: accepting without a handoverContact",
            "NotNull: declining without a declineReason"}, notFound = "offer", conflict = {ProblemRules.ILLEGAL_TRANSITION, ProblemRules.CONCURRENT_UPDATE})
    public Mono<ProposalViews.Offer> provider(Actor provider, @PathVariable String proposalId,
            @Valid @RequestBody ProviderAnswer body) {
        return offers.answerAsProvider(provider, proposalId, body.accepted(), body.declineReason(), body.handoverContact())
                .flatMap(this::view);
    }

    public record ClientAnswer(@NotNull Boolean accepted, DeclineReason declineReason) {
    }

    @PostMapping("/{proposalId}/client-response")
    @PreAuthorize("hasAnyRole('GP', 'CLIENT_SUPPORT')")
    @Operation(summary = "The client consents or declines (through the GP or a client supporter)",
            description = "Role GP of the referring practice (once it confirmed an onboarded referral), or CLIENT_SUPPORT of"
                    + " the organisation the client named, on the client's"
                    + " behalf. Declining needs a coded declineReason. When the provider already accepted, the"
                    + " transfer completes.")
    @ProblemResponses(invalid = "NotNull: declining without a declineReason", notFound = "offer",
            conflict = {ProblemRules.ILLEGAL_TRANSITION, ProblemRules.CONCURRENT_UPDATE})
    public Mono<ProposalViews.Offer> client(Actor actor, @PathVariable String proposalId,
            @Valid @RequestBody ClientAnswer body) {
        return offers.answerForClient(actor, proposalId, body.accepted(), body.declineReason()).flatMap(this::view);
    }

    private Mono<ProposalViews.Offer> view(Proposal p) {
        return readModel.client(p.referralId()).map(c -> ProposalViews.offer(p, c))
                .defaultIfEmpty(ProposalViews.offer(p, null));
    }

}
