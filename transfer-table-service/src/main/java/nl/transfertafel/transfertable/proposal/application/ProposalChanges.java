package nl.transfertafel.transfertable.proposal.application;

import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import reactor.core.publisher.Mono;

/** Stores what a proposal command decided: the new state (optimistically locked) and its events, or the refusal. */
public class ProposalChanges {

    private final ProposalRepository proposals;
    private final Outbox outbox;

    public ProposalChanges(ProposalRepository proposals, Outbox outbox) {
        this.proposals = proposals;
        this.outbox = outbox;
    }

    /** Call inside a transaction. Illegal moves become 409, four-eyes refusals 403, a lost race 409. */
    public Mono<Proposal.Changed> apply(Proposal before, Proposal.Outcome outcome) {
        if (outcome instanceof Proposal.Illegal illegal) {
            return Mono.error(Refused.conflict("illegal-transition", illegal.transition().message()));
        }
        if (outcome instanceof Proposal.Refused refused) {
            return Mono.error(Refused.forbidden(refused.decision().rule().code(), refused.decision().reason()));
        }
        Proposal.Changed changed = (Proposal.Changed) outcome;
        return proposals.update(before, changed.proposal())
                .flatMap(stored -> stored
                        ? outbox.append(changed.events()).thenReturn(changed)
                        : Mono.error(Refused.conflict(Refused.CONCURRENT_UPDATE, "Someone else changed this proposal at the"
                                + " same moment; reload it and try again.")));
    }
}
