package nl.transfertafel.transfertable.proposal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.transfertafel.matching.PriorityObjective;
import nl.transfertafel.transfertable.matching.domain.Explanation;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import nl.transfertafel.transfertable.screening.domain.Approval;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;

/** The JSON shapes of proposals for coordinators, providers and referrers (anonymous: pseudonym, age band). */
public final class ProposalViews {

    private ProposalViews() {
    }

    /** The anonymous case: what a coordinator needs to judge the match, no name, no BSN, no address. */
    public record Case(String referralId, String clientPseudonym, String ageBand, String diagnosisGroup,
            String careLevel, String urgency, boolean urgent, String waitingStatus, LocalDate registeredOn,
            long daysWaited, LocalDate treeknormDeadline, long daysPastNorm, String currentProviderAgb) {
    }

    public record Proposed(String capacityLineId, String providerAgb, String providerName, String providerType,
            String postcodeArea, Integer distanceKm, boolean eHealth) {
    }

    /**
     * The four-eyes state; {@code pendingRejection} is a first coordinator's rejection waiting for a
     * second coordinator's confirmation (null when there is none), with its coded reason.
     */
    public record FourEyes(List<Approval> approvals, int approvalsNeeded, String stillNeeded, String proposedBy,
            String proposedByOrganisation, PendingRejection pendingRejection) {
    }

    public record PendingRejection(String userId, String organisation, Instant at, String reason) {
    }

    public record QueueItem(String proposalId, String state, String origin, Instant createdAt, boolean overdue,
            String summary, Case client, Proposed proposed, FourEyes fourEyes) {
    }

    public record Detail(String proposalId, String region, String state, String origin, Instant createdAt,
            Instant updatedAt, Case client, Proposed proposed, FourEyes fourEyes, Explanation explanation,
            String rejectionReason, String reservationId, Instant offerExpiresAt, String handoverContact,
            String declineReason, String endOutcome) {
    }

    /** An offer as the receiving provider, the referrer or a client supporter sees it. */
    public record Offer(String proposalId, String state, String referralId, String clientPseudonym, String ageBand,
            String diagnosisGroup, String careLevel, String urgency, String capacityLineId,
            String receivingProviderAgb, String currentProviderAgb, String referrerAgb, String reservationId,
            Instant offerExpiresAt, boolean providerAccepted, boolean clientAccepted, String handoverContact) {
    }

    static Case caseOf(WaitingClient c, Proposal p, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate registered = c == null ? null : c.registeredOn();
        long waited = registered == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(registered, today));
        LocalDate deadline = registered == null ? null : registered.plusDays(PriorityObjective.TREEKNORM_INTAKE_DAYS);
        long pastNorm = deadline == null ? 0 : ChronoUnit.DAYS.between(deadline, today);
        return new Case(p.referralId(), p.clientPseudonym(), c == null ? null : c.ageBand(), p.diagnosisGroup().name(),
                c == null || c.careLevel() == null ? null : c.careLevel().name(), p.urgency().name(),
                c != null && c.urgent(), c == null || c.waitingStatus() == null ? null : c.waitingStatus().name(),
                registered, waited, deadline, pastNorm, p.currentProviderAgb());
    }

    static Proposed proposedOf(Proposal p, CapacityLine line) {
        var score = p.explanation() == null ? null : p.explanation().score();
        return new Proposed(p.capacityLineId(), p.receivingProviderAgb(), line == null ? null : line.providerName(),
                line == null ? null : line.providerType().name(), line == null ? null : line.postcodeArea(),
                score == null ? null : score.distanceKm(), line != null && line.eHealth());
    }

    static FourEyes fourEyesOf(Proposal p, FourEyesPolicy policy) {
        boolean pending = p.pendingRejection() != null
                && nl.transfertafel.transfertable.proposal.domain.ProposalState.AWAITING_SCREENING.contains(p.state());
        return new FourEyes(p.approvals(), FourEyesPolicy.APPROVALS_NEEDED,
                p.state().isOpen() && (pending || p.approvals().size() < FourEyesPolicy.APPROVALS_NEEDED)
                        ? policy.stillNeeded(p.screeningSubject())
                        : p.approvals().size() >= FourEyesPolicy.APPROVALS_NEEDED ? "Nothing: two coordinators approved."
                        : "Nothing: the proposal is " + p.state() + ".",
                p.proposedBy(), p.proposedByOrganisation(), pending ? new PendingRejection(
                        p.pendingRejection().userId(), p.pendingRejection().organisation(), p.pendingRejection().at(),
                        name(p.rejectionReason())) : null);
    }

    static QueueItem queueItem(Proposal p, WaitingClient c, CapacityLine line, FourEyesPolicy policy, Clock clock,
            boolean overdue) {
        return new QueueItem(p.proposalId(), p.state().name(), p.origin().name(), p.createdAt(), overdue,
                p.explanation() == null ? null : p.explanation().summary(), caseOf(c, p, clock), proposedOf(p, line),
                fourEyesOf(p, policy));
    }

    static Detail detail(Proposal p, WaitingClient c, CapacityLine line, FourEyesPolicy policy, Clock clock) {
        return new Detail(p.proposalId(), p.region(), p.state().name(), p.origin().name(), p.createdAt(), p.updatedAt(),
                caseOf(c, p, clock), proposedOf(p, line), fourEyesOf(p, policy), p.explanation(),
                name(p.rejectionReason()), p.reservationId(), p.offerExpiresAt(), p.handoverContact(),
                name(p.declineReason()), name(p.endOutcome()));
    }

    static Offer offer(Proposal p, WaitingClient c) {
        boolean provider = p.state() == nl.transfertafel.transfertable.proposal.domain.ProposalState.ACCEPTED_BY_PROVIDER
                || (p.state() == nl.transfertafel.transfertable.proposal.domain.ProposalState.COMPLETED);
        boolean client = p.state() == nl.transfertafel.transfertable.proposal.domain.ProposalState.ACCEPTED_BY_CLIENT
                || (p.state() == nl.transfertafel.transfertable.proposal.domain.ProposalState.COMPLETED);
        return new Offer(p.proposalId(), p.state().name(), p.referralId(), p.clientPseudonym(),
                c == null ? null : c.ageBand(), p.diagnosisGroup().name(),
                c == null || c.careLevel() == null ? null : c.careLevel().name(), p.urgency().name(), p.capacityLineId(),
                p.receivingProviderAgb(), p.currentProviderAgb(), p.referrerAgb(), p.reservationId(), p.offerExpiresAt(),
                provider, client, p.handoverContact());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
