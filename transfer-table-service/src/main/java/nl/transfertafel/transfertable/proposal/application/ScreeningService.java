package nl.transfertafel.transfertable.proposal.application;

import static nl.transfertafel.transfertable.screening.application.Screeners.concurrentUpdates;
import static nl.transfertafel.transfertable.screening.application.Screeners.screener;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.contracts.events.transfer.ProposalScreened;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import nl.transfertafel.transfertable.proposal.domain.ProposalState;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.screening.domain.Screener;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Four-eyes screening of proposals. Every attempt goes through the one {@link FourEyesPolicy} (via
 * the {@link Proposal} aggregate) and is audited, allowed or refused. The second approval reserves
 * the place at once, so the answer tells the coordinator whether the offer went out.
 */
public class ScreeningService {

    private final ProposalRepository proposals;
    private final ProposalChanges changes;
    private final OfferService offers;
    private final FourEyesPolicy fourEyes;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final MatchTrigger trigger;
    private final Clock clock;
    private final MeterRegistry meters;

    public ScreeningService(ProposalRepository proposals, ProposalChanges changes, OfferService offers,
            FourEyesPolicy fourEyes, AuditLog audit, TransactionalOperator tx, MatchTrigger trigger, Clock clock,
            MeterRegistry meters) {
        this.proposals = proposals;
        this.changes = changes;
        this.offers = offers;
        this.fourEyes = fourEyes;
        this.audit = audit;
        this.tx = tx;
        this.trigger = trigger;
        this.clock = clock;
        this.meters = meters;
    }

    /** The outcome of a screening decision: the proposal afterwards and the policy's reason, verbatim. */
    public record Screened(Proposal proposal, String reason) {
    }



    public Mono<Screened> approve(Actor actor, String proposalId) {
        Screener screener = screener(actor);
        return Mono.defer(() -> load(proposalId)
                        .flatMap(before -> decide(actor, before, before.approve(screener, fourEyes, clock), "approve",
                                false)))
                .retryWhen(concurrentUpdates())
                .doOnNext(done -> meters.counter("transfertafel.screenings", "region", done.proposal().region(),
                        "decision", "APPROVED").increment())
                .flatMap(done -> done.proposal().state() == ProposalState.APPROVED
                        ? offers.reserve(done.proposal()).map(after -> new Screened(after, done.reason()
                                + " " + offerSentence(after)))
                        : Mono.just(done));
    }

    public Mono<Screened> reject(Actor actor, String proposalId, ProposalScreened.RejectionReason reason) {
        Screener screener = screener(actor);
        return Mono.defer(() -> load(proposalId)
                        .flatMap(before -> decide(actor, before, before.reject(screener, reason, fourEyes, clock),
                                "reject", true)))
                .retryWhen(concurrentUpdates())
                .doOnNext(done -> meters.counter("transfertafel.screenings", "region", done.proposal().region(),
                        "decision", done.proposal().state() == ProposalState.REJECTED ? "REJECTED"
                                : "REJECTION_PENDING").increment());
    }


    private Mono<Proposal> load(String proposalId) {
        return proposals.find(proposalId).switchIfEmpty(Mono.error(Refused.notFound("the proposal")));
    }

    /**
     * Stores an allowed decision with its audit row in one transaction. A refused attempt is audited
     * in a transaction of its own (it must survive the 403) and then answered.
     */
    private Mono<Screened> decide(Actor actor, Proposal before, Proposal.Outcome outcome, String action,
            boolean rematch) {
        if (outcome instanceof Proposal.Refused refused) {
            return tx.transactional(audit.record(actor, before.clientPseudonym(), "proposal." + action + ".refused:"
                            + before.proposalId() + ":" + refused.decision().rule().code(), "four-eyes screening"))
                    .then(changes.apply(before, outcome)).map(c -> new Screened(c.proposal(), c.reason()));
        }
        return tx.transactional(changes.apply(before, outcome)
                .flatMap(changed -> audit.record(actor, before.clientPseudonym(), "proposal." + action + ":"
                                + before.proposalId() + ":" + changed.proposal().state(), "four-eyes screening")
                        .then(rematch ? trigger.afterCommit(before.region()) : Mono.empty())
                        .thenReturn(new Screened(changed.proposal(), changed.reason()))));
    }

    private static String offerSentence(Proposal after) {
        return switch (after.state()) {
            case OFFERED -> "The place is reserved and the offer has gone to the receiving provider and the client.";
            case LAPSED -> "But the place was gone when it was to be reserved: the proposal lapsed and the client"
                    + " is back in the pool.";
            default -> "The place could not be reserved yet (capacity-service did not answer); it is retried"
                    + " automatically.";
        };
    }
}
