package nl.transfertafel.transfertable.closure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import nl.transfertafel.transfertable.closure.application.ClosureCases;
import nl.transfertafel.transfertable.closure.application.ClosureCases.CaseWithMembers;
import nl.transfertafel.transfertable.closure.domain.ClosureMember;
import nl.transfertafel.transfertable.closure.domain.ClosureReport;
import nl.transfertafel.transfertable.closure.domain.MemberStatus;
import nl.transfertafel.transfertable.proposal.domain.ProposalState;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The dedicated queue view of closure cases (bulk transfers when a provider closes or stops a programme). */
@RestController
@RequestMapping("/api/v1/closures")
@Tag(name = "Closures", description = "Bulk transfer cases: a provider closes a location or stops a care programme")
public class ClosureController {

    private final ClosureCases closures;
    private final AuditLog audit;

    public ClosureController(ClosureCases closures, AuditLog audit) {
        this.closures = closures;
        this.audit = audit;
    }

    /** A case with its progress and report; {@code members} only in the detail. */
    public record ClosureView(String closureId, String region, String providerAgb, String locationId,
            List<DiagnosisGroup> diagnosisGroups, LocalDate endDate, String handoverContact, Instant announcedAt,
            ClosureReport report, List<MemberView> members) {

        static ClosureView of(CaseWithMembers c, boolean withMembers) {
            var closure = c.closure();
            return new ClosureView(closure.closureId(), closure.region(), closure.providerAgb(), closure.locationId(),
                    closure.diagnosisGroups(), closure.endDate(), closure.handoverContact(), closure.announcedAt(),
                    c.report(), withMembers ? c.members().stream()
                            .map(m -> MemberView.of(m, closure.handoverContact())).toList() : null);
        }
    }

    /**
     * A member, pseudonymous: its status, the proposal to open in the queue (proposalId), and for a
     * client in treatment the warm-handover flag with the closing organisation's contact. {@code outOfRegion}: the
     * proposal is on another region's line; {@code outOfRegionSince}: from that day other regions' lines are open
     * to the member, because its region could not place it (ADR 1430). {@code rematchedFromTreatment}: in
     * treatment at the closing provider and re-matched because the treatment must move; the handover contact
     * stays on the member (ADR 1431). {@code locationUnknown}: a location closure took the member in although
     * its location was never named.
     */
    public record MemberView(String referralId, String clientPseudonym, String region, String insurerUzovi,
            LocalDate registeredOn, MemberStatus status, String proposalId, ProposalState proposalState,
            boolean warmHandover, String handoverContact, boolean escalated, boolean outOfRegion,
            LocalDate outOfRegionSince, boolean rematchedFromTreatment, boolean locationUnknown) {

        static MemberView of(ClosureMember m, String contact) {
            return new MemberView(m.referralId(), m.clientPseudonym(), m.region(), m.insurerUzovi(), m.registeredOn(),
                    MemberStatus.of(m), m.proposalId(), m.proposalState(), m.inTreatment(),
                    m.inTreatment() ? contact : null, m.escalated(), m.proposalOutOfRegion(), m.outOfRegionSince(),
                    m.rematchedFromTreatment(), m.locationUnknown());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'INSURER')")
    @Operation(summary = "Closure cases with their progress and report",
            description = "COORDINATOR: the cases of the region's providers and those with clients in the region, "
                    + "counting the region's clients. INSURER: the cases with clients it insures (every region), "
                    + "counting only those: the clients it must mediate for.")
    public Mono<List<ClosureView>> list(Actor actor) {
        return closures.list(actor).flatMap(all -> audit.record(actor, null, "closures.read:" + all.size(),
                        "closure case handling")
                .thenReturn(all.stream().map(c -> ClosureView.of(c, false)).toList()));
    }

    @GetMapping("/{closureId}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'INSURER')")
    @Operation(summary = "One closure case with its members (pseudonymous), their status and proposals")
    @ProblemResponses(notFound = "closure case (also one with none of your region's or insured clients)")
    public Mono<ClosureView> one(Actor actor, @PathVariable String closureId) {
        return closures.one(actor, closureId).flatMap(c -> audit.record(actor, null,
                        "closure.read:" + closureId + ":" + c.members().size(), "closure case handling")
                .thenReturn(ClosureView.of(c, true)));
    }
}
