package nl.transfertafel.transfertable.closure.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import nl.transfertafel.transfertable.closure.domain.ClosureCase;
import nl.transfertafel.transfertable.closure.domain.ClosureMember;
import nl.transfertafel.transfertable.closure.domain.ClosureReport;
import nl.transfertafel.transfertable.closure.infrastructure.ClosureCaseRepository;
import nl.transfertafel.transfertable.closure.infrastructure.ClosureCaseRepository.MemberRow;
import nl.transfertafel.transfertable.closure.infrastructure.ClosureCaseRepository.Scope;
import nl.transfertafel.transfertable.escalation.infrastructure.EscalationRepository;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository.ProposalFact;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dedicated queue view of closure cases (issue 15 item 2): each case with its members, where each
 * stands (placed, offered, in screening, no match yet, warm handover, left) and its report. A fixed
 * number of statements per request, whatever the number of cases and members (issue 10).
 * Coordinators see their region; an insurer sees only the clients it insures, whom it must mediate for.
 */
public class ClosureCases {

    /** A case with the members the caller may see and their report. */
    public record CaseWithMembers(ClosureCase closure, List<ClosureMember> members, ClosureReport report) {
    }

    private final ClosureCaseRepository closures;
    private final ProposalRepository proposals;
    private final EscalationRepository escalations;
    private final Clock clock;

    public ClosureCases(ClosureCaseRepository closures, ProposalRepository proposals, EscalationRepository escalations,
            Clock clock) {
        this.closures = closures;
        this.proposals = proposals;
        this.escalations = escalations;
        this.clock = clock;
    }

    static Scope scopeOf(Actor actor) {
        return actor.has(Role.COORDINATOR) ? Scope.region(actor.region()) : Scope.insurer(actor.organisation());
    }

    public Mono<List<CaseWithMembers>> list(Actor actor) {
        Scope scope = scopeOf(actor);
        return closures.visible(scope).collectList().flatMap(cases -> withMembers(cases, scope));
    }

    public Mono<CaseWithMembers> one(Actor actor, String closureId) {
        Scope scope = scopeOf(actor);
        return closures.find(closureId)
                .flatMap(c -> withMembers(List.of(c), scope))
                .flatMap(found -> {
                    CaseWithMembers only = found.get(0);
                    boolean mayOpen = only.members().size() > 0
                            || (scope.region() != null && scope.region().equals(only.closure().region()));
                    return mayOpen ? Mono.just(only) : Mono.<CaseWithMembers>empty();
                })
                .switchIfEmpty(Mono.error(() -> Refused.notFound("the closure case")));
    }

    private Mono<List<CaseWithMembers>> withMembers(List<ClosureCase> cases, Scope scope) {
        List<String> ids = cases.stream().map(ClosureCase::closureId).toList();
        return closures.members(ids, scope).collectList().flatMap(rows -> {
            Set<String> referrals = rows.stream().map(MemberRow::referralId).collect(Collectors.toSet());
            return proposals.mostTellingFor(referrals)
                    .flatMap(byReferral -> escalations.escalatedAmong(referrals)
                    .flatMap(escalated -> proposals.outOfRegionSince(referrals)
                            .map(outOfRegion -> assemble(cases, rows, byReferral, escalated, outOfRegion))));
        });
    }

    private List<CaseWithMembers> assemble(List<ClosureCase> cases, List<MemberRow> rows,
            Map<String, ProposalFact> proposalOf, Set<String> escalated, Map<String, Instant> outOfRegionSince) {
        LocalDate today = LocalDate.now(clock);
        Map<String, List<ClosureMember>> byCase = rows.stream().collect(Collectors.groupingBy(MemberRow::closureId,
                Collectors.mapping(row -> member(row, proposalOf.get(row.referralId()), escalated,
                        outOfRegionSince.get(row.referralId())), Collectors.toList())));
        return cases.stream().map(c -> {
            List<ClosureMember> members = byCase.getOrDefault(c.closureId(), List.of());
            return new CaseWithMembers(c, members, ClosureReport.of(members, today));
        }).toList();
    }

    private ClosureMember member(MemberRow row, ProposalFact proposal, Set<String> escalated, Instant outOfRegionSince) {
        return new ClosureMember(row.referralId(), row.region(), row.clientPseudonym(), row.insurerUzovi(),
                row.registeredOn(), row.inTreatment(), row.stillWaiting(),
                proposal == null ? null : proposal.proposalId(), proposal == null ? null : proposal.state(),
                proposal == null || proposal.changedAt() == null ? null
                        : LocalDate.ofInstant(proposal.changedAt(), clock.getZone()),
                escalated.contains(row.referralId()),
                outOfRegionSince == null ? null : LocalDate.ofInstant(outOfRegionSince, clock.getZone()),
                proposal != null && proposal.lineRegion() != null && !proposal.lineRegion().equals(row.region()),
                row.locationUnknown());
    }
}
