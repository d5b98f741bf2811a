package nl.transfertafel.transfertable.proposal.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.transfer.DeclineReason;
import nl.transfertafel.contracts.events.transfer.OfferResponded;
import nl.transfertafel.contracts.events.transfer.ProposalScreened;
import nl.transfertafel.contracts.events.transfer.TransferCompleted;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.matching.domain.Explanation;
import nl.transfertafel.transfertable.proposal.domain.ProposalLifecycle.Transition;
import nl.transfertafel.transfertable.screening.domain.Approval;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.screening.domain.Screener;
import nl.transfertafel.transfertable.screening.domain.ScreeningSubject;

/**
 * A proposed transfer of one waiting client to one capacity line, from proposal to completion.
 * Every command checks {@link ProposalLifecycle} (and, for screening, the {@link FourEyesPolicy})
 * and returns the changed proposal with the past-tense events to publish, or why not.
 */
public record Proposal(
        String proposalId,
        String region,
        String referralId,
        String clientPseudonym,
        String capacityLineId,
        String receivingProviderAgb,
        String currentProviderAgb,
        String referrerAgb,
        String insurerUzovi,
        TransferProposed.Origin origin,
        String proposedBy,
        String proposedByOrganisation,
        DiagnosisGroup diagnosisGroup,
        Urgency urgency,
        ProposalState state,
        List<Approval> approvals,
        ProposalScreened.RejectionReason rejectionReason,
        Approval pendingRejection,
        String reservationId,
        Instant offerExpiresAt,
        String handoverContact,
        DeclineReason declineReason,
        TransferEnded.Outcome endOutcome,
        Explanation explanation,
        Instant capacityEventAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Proposal {
        approvals = List.copyOf(approvals);
    }

    /** What a new proposal is made of (from the engine or by hand). */
    public record New(String region, String referralId, String clientPseudonym, String capacityLineId,
            String receivingProviderAgb, String currentProviderAgb, String referrerAgb, String insurerUzovi,
            TransferProposed.Origin origin, String proposedBy, String proposedByOrganisation,
            DiagnosisGroup diagnosisGroup, Urgency urgency, Explanation explanation, Instant capacityEventAt) {
    }

    /** The result of a command. */
    public sealed interface Outcome permits Changed, Illegal, Refused {
    }

    public record Changed(Proposal proposal, List<NewEvent> events, String reason) implements Outcome {
    }

    public record Illegal(Transition.Illegal transition) implements Outcome {
    }

    public record Refused(FourEyesDecision.Refused decision) implements Outcome {
    }

    public static Changed propose(New n, Clock clock) {
        Instant now = clock.instant();
        Proposal proposal = new Proposal(UUID.randomUUID().toString(), n.region(), n.referralId(), n.clientPseudonym(),
                n.capacityLineId(), n.receivingProviderAgb(), n.currentProviderAgb(), n.referrerAgb(), n.insurerUzovi(),
                n.origin(), n.proposedBy(), n.proposedByOrganisation(), n.diagnosisGroup(), n.urgency(),
                ProposalState.PROPOSED, List.of(), null, null, null, null, null, null, null, n.explanation(),
                n.capacityEventAt(), now, now, 0);
        return new Changed(proposal, List.of(proposal.event(new TransferProposed(proposal.proposalId, n.referralId(),
                n.clientPseudonym(), n.capacityLineId(), n.receivingProviderAgb(), n.currentProviderAgb(),
                n.referrerAgb(), n.origin(), n.diagnosisGroup(), n.urgency()), now)), "proposed");
    }

    /** The four-eyes view of this proposal. */
    public ScreeningSubject screeningSubject() {
        return new ScreeningSubject(region, currentProviderAgb, receivingProviderAgb,
                origin == TransferProposed.Origin.MANUAL ? proposedBy : null, approvals, pendingRejection);
    }

    public Outcome approve(Screener screener, FourEyesPolicy policy, Clock clock) {
        FourEyesDecision decision = policy.approve(screeningSubject(), screener);
        if (decision instanceof FourEyesDecision.Refused refused) {
            return new Refused(refused);
        }
        Transition transition = ProposalLifecycle.next(state, ProposalAction.APPROVE);
        if (transition instanceof Transition.Illegal illegal) {
            return new Illegal(illegal);
        }
        Instant now = clock.instant();
        List<Approval> after = new ArrayList<>(approvals);
        after.add(new Approval(screener.userId(), screener.organisation(), now));
        // an approval after a pending rejection withdraws that rejection (ADR 0711); the approval counts
        Proposal next = with(((Transition.Legal) transition).to(), now).withApprovals(after).withPendingRejection(null,
                null);
        return new Changed(next, List.of(event(new ProposalScreened(proposalId, referralId, clientPseudonym,
                receivingProviderAgb, currentProviderAgb, referrerAgb, ProposalScreened.Decision.APPROVED, after.size(),
                FourEyesPolicy.APPROVALS_NEEDED, screener.organisation(), null), now)), decision.reason());
    }

    /**
     * A rejection needs four eyes too (issue 11 item 3): the first coordinator's rejection is
     * pending and the proposal stays in screening; a second coordinator confirming it under the same
     * {@link FourEyesPolicy} ends the proposal, with the first coordinator's coded reason.
     */
    public Outcome reject(Screener screener, ProposalScreened.RejectionReason reason, FourEyesPolicy policy, Clock clock) {
        // the state first: a rejection of a proposal past screening is illegal whoever tries it (the
        // policy would otherwise answer e.g. "you approved this" for a proposal already offered)
        Transition transition = ProposalLifecycle.next(state, ProposalAction.REJECT);
        if (transition instanceof Transition.Illegal illegal) {
            return new Illegal(illegal);
        }
        FourEyesDecision decision = policy.reject(screeningSubject(), screener, reason);
        if (decision instanceof FourEyesDecision.Refused refused) {
            return new Refused(refused);
        }
        Instant now = clock.instant();
        if (!((FourEyesDecision.Allowed) decision).complete()) {
            // pending: no state change and no event yet; the coordinator page shows it from the proposal
            Proposal pending = with(state, now).withPendingRejection(
                    new Approval(screener.userId(), screener.organisation(), now), reason);
            return new Changed(pending, List.of(), decision.reason());
        }
        ProposalScreened.RejectionReason why = rejectionReason != null ? rejectionReason : reason;
        Proposal next = with(((Transition.Legal) transition).to(), now).ended(TransferEnded.Outcome.REJECTED_IN_SCREENING,
                null, why);
        return new Changed(next, List.of(
                event(new ProposalScreened(proposalId, referralId, clientPseudonym, receivingProviderAgb,
                        currentProviderAgb, referrerAgb, ProposalScreened.Decision.REJECTED, approvals.size(),
                        FourEyesPolicy.APPROVALS_NEEDED, screener.organisation(), why), now),
                ended(next, now)), decision.reason());
    }

    /** The place was reserved at capacity-service: the offer goes to the receiving provider and the client. */
    public Outcome offer(String reservation, Instant expiresAt, Clock clock) {
        return move(ProposalAction.OFFER, clock, (next, now) -> {
            Proposal offered = next.offered(reservation, expiresAt);
            return new Changed(offered, List.of(event(new TransferOffered(proposalId, referralId, clientPseudonym,
                    capacityLineId, reservation, receivingProviderAgb, currentProviderAgb, referrerAgb, expiresAt), now)),
                    "offered");
        });
    }

    /** The place was gone (capacity-service answered 409): the client returns to the pool. */
    public Outcome lapse(Clock clock) {
        return endWith(ProposalAction.LAPSE, TransferEnded.Outcome.PLACE_GONE, null, clock);
    }

    public Outcome expire(Clock clock) {
        return endWith(ProposalAction.EXPIRE, TransferEnded.Outcome.OFFER_EXPIRED, null, clock);
    }

    public Outcome withdraw(Clock clock) {
        return endWith(ProposalAction.WITHDRAW, TransferEnded.Outcome.CLIENT_LEFT_WAITING_LIST, null, clock);
    }

    /** The receiving provider answers; accepting names the contact for the warm handover (criterion d). */
    public Outcome answerAsProvider(boolean accepted, DeclineReason reason, String contact, Clock clock) {
        return answer(OfferResponded.Party.RECEIVING_PROVIDER, accepted, reason, contact, clock);
    }

    /** The client answers (zelfregie), directly or through the GP or a client supporter. */
    public Outcome answerForClient(boolean accepted, DeclineReason reason, Clock clock) {
        return answer(OfferResponded.Party.CLIENT, accepted, reason, null, clock);
    }

    private Outcome answer(OfferResponded.Party party, boolean accepted, DeclineReason reason, String contact,
            Clock clock) {
        boolean provider = party == OfferResponded.Party.RECEIVING_PROVIDER;
        ProposalAction action = provider
                ? (accepted ? ProposalAction.PROVIDER_ACCEPT : ProposalAction.PROVIDER_DECLINE)
                : (accepted ? ProposalAction.CLIENT_ACCEPT : ProposalAction.CLIENT_DECLINE);
        return move(action, clock, (next, now) -> {
            List<NewEvent> events = new ArrayList<>();
            events.add(event(new OfferResponded(proposalId, referralId, clientPseudonym, receivingProviderAgb,
                    currentProviderAgb, referrerAgb, party, accepted, accepted ? null : reason), now));
            Proposal after = provider && accepted ? next.withHandover(contact) : next;
            if (!accepted) {
                after = after.ended(provider ? TransferEnded.Outcome.DECLINED_BY_PROVIDER
                        : TransferEnded.Outcome.DECLINED_BY_CLIENT, reason, null);
                events.add(ended(after, now));
            } else if (after.state == ProposalState.COMPLETED) {
                events.add(event(new TransferCompleted(proposalId, referralId, clientPseudonym, receivingProviderAgb,
                        currentProviderAgb, referrerAgb, reservationId, after.handoverContact,
                        LocalDate.ofInstant(now, clock.getZone())), now));
            }
            return new Changed(after, events, after.state == ProposalState.COMPLETED ? "completed"
                    : accepted ? "accepted" : "declined");
        });
    }

    private Outcome endWith(ProposalAction action, TransferEnded.Outcome outcome, DeclineReason reason, Clock clock) {
        return move(action, clock, (next, now) -> {
            Proposal ended = next.ended(outcome, reason, null);
            return new Changed(ended, List.of(ended(ended, now)), outcome.name());
        });
    }

    private interface Step {
        Changed apply(Proposal next, Instant now);
    }

    private Outcome move(ProposalAction action, Clock clock, Step step) {
        Transition transition = ProposalLifecycle.next(state, action);
        if (transition instanceof Transition.Illegal illegal) {
            return new Illegal(illegal);
        }
        Instant now = clock.instant();
        return step.apply(with(((Transition.Legal) transition).to(), now), now);
    }

    private NewEvent ended(Proposal ended, Instant now) {
        return event(new TransferEnded(proposalId, referralId, clientPseudonym, capacityLineId, reservationId,
                receivingProviderAgb, currentProviderAgb, referrerAgb, ended.endOutcome, ended.declineReason), now);
    }

    private NewEvent event(EventPayload payload, Instant now) {
        return new NewEvent(UUID.randomUUID(), now, region, proposalId, payload);
    }

    // ---- copies: one named change per state change, all through the one Copy below

    private Proposal with(ProposalState newState, Instant now) {
        return copy().state(newState).updatedAt(now).build();
    }

    private Proposal withApprovals(List<Approval> newApprovals) {
        return copy().approvals(newApprovals).build();
    }

    private Proposal withPendingRejection(Approval rejection, ProposalScreened.RejectionReason reason) {
        return copy().pendingRejection(rejection).rejectionReason(reason).build();
    }

    /** The reservation capacity-service made for this proposal became known (its ReservationChanged HELD). */
    public Proposal withKnownReservation(String reservation) {
        return offered(reservation, offerExpiresAt);
    }

    private Proposal offered(String reservation, Instant expiresAt) {
        return copy().reservationId(reservation).offerExpiresAt(expiresAt).build();
    }

    private Proposal withHandover(String contact) {
        return copy().handoverContact(contact).build();
    }

    private Proposal ended(TransferEnded.Outcome outcome, DeclineReason reason,
            ProposalScreened.RejectionReason rejection) {
        return copy().endOutcome(outcome).declineReason(reason).rejectionReason(rejection).build();
    }

    private Copy copy() {
        return new Copy(this);
    }

    /**
     * The one place that lists the components in order (issue 16): every copy above names only what it
     * changes, so two swapped arguments of the same type cannot slip into a state change.
     */
    private static final class Copy {

        private final Proposal from;
        private ProposalState state;
        private List<Approval> approvals;
        private ProposalScreened.RejectionReason rejectionReason;
        private Approval pendingRejection;
        private String reservationId;
        private Instant offerExpiresAt;
        private String handoverContact;
        private DeclineReason declineReason;
        private TransferEnded.Outcome endOutcome;
        private Instant updatedAt;

        private Copy(Proposal from) {
            this.from = from;
            this.state = from.state;
            this.approvals = from.approvals;
            this.rejectionReason = from.rejectionReason;
            this.pendingRejection = from.pendingRejection;
            this.reservationId = from.reservationId;
            this.offerExpiresAt = from.offerExpiresAt;
            this.handoverContact = from.handoverContact;
            this.declineReason = from.declineReason;
            this.endOutcome = from.endOutcome;
            this.updatedAt = from.updatedAt;
        }

        Copy state(ProposalState value) {
            state = value;
            return this;
        }

        Copy approvals(List<Approval> value) {
            approvals = value;
            return this;
        }

        Copy rejectionReason(ProposalScreened.RejectionReason value) {
            rejectionReason = value;
            return this;
        }

        Copy pendingRejection(Approval value) {
            pendingRejection = value;
            return this;
        }

        Copy reservationId(String value) {
            reservationId = value;
            return this;
        }

        Copy offerExpiresAt(Instant value) {
            offerExpiresAt = value;
            return this;
        }

        Copy handoverContact(String value) {
            handoverContact = value;
            return this;
        }

        Copy declineReason(DeclineReason value) {
            declineReason = value;
            return this;
        }

        Copy endOutcome(TransferEnded.Outcome value) {
            endOutcome = value;
            return this;
        }

        Copy updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        Proposal build() {
            // what a proposal is (who, where, from whom, why) never changes after it was proposed
            return new Proposal(from.proposalId, from.region, from.referralId, from.clientPseudonym,
                    from.capacityLineId, from.receivingProviderAgb, from.currentProviderAgb, from.referrerAgb,
                    from.insurerUzovi, from.origin, from.proposedBy, from.proposedByOrganisation, from.diagnosisGroup,
                    from.urgency, state, approvals, rejectionReason, pendingRejection, reservationId, offerExpiresAt,
                    handoverContact, declineReason, endOutcome, from.explanation, from.capacityEventAt,
                    from.createdAt, updatedAt, from.version);
        }
    }
}
