package nl.transfertafel.transfertable.proposal.domain;

import static nl.transfertafel.transfertable.proposal.domain.ProposalAction.APPROVE;
import static nl.transfertafel.transfertable.proposal.domain.ProposalAction.CLIENT_ACCEPT;
import static nl.transfertafel.transfertable.proposal.domain.ProposalAction.CLIENT_DECLINE;
import static nl.transfertafel.transfertable.proposal.domain.ProposalAction.EXPIRE;
import static nl.transfertafel.transfertable.proposal.domain.ProposalAction.LAPSE;
import static nl.transfertafel.transfertable.proposal.domain.ProposalAction.OFFER;
import static nl.transfertafel.transfertable.proposal.domain.ProposalAction.PROVIDER_ACCEPT;
import static nl.transfertafel.transfertable.proposal.domain.ProposalAction.PROVIDER_DECLINE;
import static nl.transfertafel.transfertable.proposal.domain.ProposalAction.REJECT;
import static nl.transfertafel.transfertable.proposal.domain.ProposalAction.WITHDRAW;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.ACCEPTED_BY_CLIENT;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.ACCEPTED_BY_PROVIDER;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.APPROVED;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.COMPLETED;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.DECLINED;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.EXPIRED;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.LAPSED;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.OFFERED;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.PROPOSED;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.REJECTED;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.SCREENED_ONCE;
import static nl.transfertafel.transfertable.proposal.domain.ProposalState.WITHDRAWN;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one place that says which moves a proposal can make:
 * <pre>
 * PROPOSED --approve--> SCREENED_ONCE --approve--> APPROVED --offer--> OFFERED
 * OFFERED --provider accepts--> ACCEPTED_BY_PROVIDER --client accepts--> COMPLETED
 * OFFERED --client accepts--> ACCEPTED_BY_CLIENT --provider accepts--> COMPLETED
 * PROPOSED, SCREENED_ONCE --reject--> REJECTED
 * PROPOSED, SCREENED_ONCE, APPROVED --lapse--> LAPSED           (the place is gone)
 * OFFERED, ACCEPTED_BY_* --decline--> DECLINED, --expire--> EXPIRED
 * any open state --withdraw--> WITHDRAWN                         (the client left the list)
 * </pre>
 * Anything else is illegal and is answered with 409 naming the state and the attempted action.
 */
public final class ProposalLifecycle {

    private static final Map<ProposalState, Map<ProposalAction, ProposalState>> MOVES = new EnumMap<>(ProposalState.class);

    static {
        move(PROPOSED, APPROVE, SCREENED_ONCE);
        move(PROPOSED, REJECT, REJECTED);
        move(PROPOSED, LAPSE, LAPSED);
        move(PROPOSED, WITHDRAW, WITHDRAWN);

        move(SCREENED_ONCE, APPROVE, APPROVED);
        move(SCREENED_ONCE, REJECT, REJECTED);
        move(SCREENED_ONCE, LAPSE, LAPSED);
        move(SCREENED_ONCE, WITHDRAW, WITHDRAWN);

        move(APPROVED, OFFER, OFFERED);
        move(APPROVED, LAPSE, LAPSED);
        move(APPROVED, WITHDRAW, WITHDRAWN);

        move(OFFERED, PROVIDER_ACCEPT, ACCEPTED_BY_PROVIDER);
        move(OFFERED, CLIENT_ACCEPT, ACCEPTED_BY_CLIENT);
        move(OFFERED, PROVIDER_DECLINE, DECLINED);
        move(OFFERED, CLIENT_DECLINE, DECLINED);
        move(OFFERED, EXPIRE, EXPIRED);
        move(OFFERED, WITHDRAW, WITHDRAWN);

        move(ACCEPTED_BY_PROVIDER, CLIENT_ACCEPT, COMPLETED);
        move(ACCEPTED_BY_PROVIDER, CLIENT_DECLINE, DECLINED);
        move(ACCEPTED_BY_PROVIDER, EXPIRE, EXPIRED);
        move(ACCEPTED_BY_PROVIDER, WITHDRAW, WITHDRAWN);

        move(ACCEPTED_BY_CLIENT, PROVIDER_ACCEPT, COMPLETED);
        move(ACCEPTED_BY_CLIENT, PROVIDER_DECLINE, DECLINED);
        move(ACCEPTED_BY_CLIENT, EXPIRE, EXPIRED);
        move(ACCEPTED_BY_CLIENT, WITHDRAW, WITHDRAWN);
    }

    private ProposalLifecycle() {
    }

    private static void move(ProposalState from, ProposalAction action, ProposalState to) {
        MOVES.computeIfAbsent(from, s -> new EnumMap<>(ProposalAction.class)).put(action, to);
    }

    public static Transition next(ProposalState from, ProposalAction action) {
        ProposalState to = MOVES.getOrDefault(from, Map.of()).get(action);
        return to == null ? new Transition.Illegal(from, action) : new Transition.Legal(from, action, to);
    }

    /** Every legal move from a state (for tests and documentation). */
    public static Map<ProposalAction, ProposalState> movesFrom(ProposalState from) {
        return Collections.unmodifiableMap(MOVES.getOrDefault(from, Map.of()));
    }

    public sealed interface Transition permits Transition.Legal, Transition.Illegal {

        record Legal(ProposalState from, ProposalAction action, ProposalState to) implements Transition {
        }

        record Illegal(ProposalState from, ProposalAction action) implements Transition {
            public String message() {
                return "The proposal is " + from + "; '" + action.words() + "' (" + action + ") is not possible in that state.";
            }
        }
    }
}
