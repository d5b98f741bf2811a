package nl.transfertafel.transfertable.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.transfertafel.transfertable.proposal.domain.ProposalLifecycle.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (state, action) pair: exactly the documented moves are legal, everything else is illegal with a clear message. */
class ProposalLifecycleTest {

    /** The lifecycle as the issue describes it, written out independently of the implementation. */
    private static final Map<ProposalState, Map<ProposalAction, ProposalState>> EXPECTED = new EnumMap<>(ProposalState.class);

    static {
        legal(ProposalState.PROPOSED, ProposalAction.APPROVE, ProposalState.SCREENED_ONCE);
        legal(ProposalState.PROPOSED, ProposalAction.REJECT, ProposalState.REJECTED);
        legal(ProposalState.PROPOSED, ProposalAction.LAPSE, ProposalState.LAPSED);
        legal(ProposalState.PROPOSED, ProposalAction.WITHDRAW, ProposalState.WITHDRAWN);
        legal(ProposalState.SCREENED_ONCE, ProposalAction.APPROVE, ProposalState.APPROVED);
        legal(ProposalState.SCREENED_ONCE, ProposalAction.REJECT, ProposalState.REJECTED);
        legal(ProposalState.SCREENED_ONCE, ProposalAction.LAPSE, ProposalState.LAPSED);
        legal(ProposalState.SCREENED_ONCE, ProposalAction.WITHDRAW, ProposalState.WITHDRAWN);
        legal(ProposalState.APPROVED, ProposalAction.OFFER, ProposalState.OFFERED);
        legal(ProposalState.APPROVED, ProposalAction.LAPSE, ProposalState.LAPSED);
        legal(ProposalState.APPROVED, ProposalAction.WITHDRAW, ProposalState.WITHDRAWN);
        legal(ProposalState.OFFERED, ProposalAction.PROVIDER_ACCEPT, ProposalState.ACCEPTED_BY_PROVIDER);
        legal(ProposalState.OFFERED, ProposalAction.CLIENT_ACCEPT, ProposalState.ACCEPTED_BY_CLIENT);
        legal(ProposalState.OFFERED, ProposalAction.PROVIDER_DECLINE, ProposalState.DECLINED);
        legal(ProposalState.OFFERED, ProposalAction.CLIENT_DECLINE, ProposalState.DECLINED);
        legal(ProposalState.OFFERED, ProposalAction.EXPIRE, ProposalState.EXPIRED);
        legal(ProposalState.OFFERED, ProposalAction.WITHDRAW, ProposalState.WITHDRAWN);
        legal(ProposalState.ACCEPTED_BY_PROVIDER, ProposalAction.CLIENT_ACCEPT, ProposalState.COMPLETED);
        legal(ProposalState.ACCEPTED_BY_PROVIDER, ProposalAction.CLIENT_DECLINE, ProposalState.DECLINED);
        legal(ProposalState.ACCEPTED_BY_PROVIDER, ProposalAction.EXPIRE, ProposalState.EXPIRED);
        legal(ProposalState.ACCEPTED_BY_PROVIDER, ProposalAction.WITHDRAW, ProposalState.WITHDRAWN);
        legal(ProposalState.ACCEPTED_BY_CLIENT, ProposalAction.PROVIDER_ACCEPT, ProposalState.COMPLETED);
        legal(ProposalState.ACCEPTED_BY_CLIENT, ProposalAction.PROVIDER_DECLINE, ProposalState.DECLINED);
        legal(ProposalState.ACCEPTED_BY_CLIENT, ProposalAction.EXPIRE, ProposalState.EXPIRED);
        legal(ProposalState.ACCEPTED_BY_CLIENT, ProposalAction.WITHDRAW, ProposalState.WITHDRAWN);
    }

    private static void legal(ProposalState from, ProposalAction action, ProposalState to) {
        EXPECTED.computeIfAbsent(from, s -> new EnumMap<>(ProposalAction.class)).put(action, to);
    }

    static Stream<Arguments> legalMoves() {
        List<Arguments> moves = new ArrayList<>();
        EXPECTED.forEach((from, actions) -> actions.forEach((action, to) -> moves.add(Arguments.of(from, action, to))));
        return moves.stream();
    }

    static Stream<Arguments> illegalMoves() {
        List<Arguments> moves = new ArrayList<>();
        for (ProposalState from : ProposalState.values()) {
            for (ProposalAction action : ProposalAction.values()) {
                if (!EXPECTED.getOrDefault(from, Map.of()).containsKey(action)) {
                    moves.add(Arguments.of(from, action));
                }
            }
        }
        return moves.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("legalMoves")
    void a_legal_move_leads_to_its_state(ProposalState from, ProposalAction action, ProposalState to) {
        assertThat(ProposalLifecycle.next(from, action)).isEqualTo(new Transition.Legal(from, action, to));
    }

    @ParameterizedTest(name = "{0} --{1}--> illegal")
    @MethodSource("illegalMoves")
    void an_illegal_move_names_the_state_and_the_action(ProposalState from, ProposalAction action) {
        Transition transition = ProposalLifecycle.next(from, action);
        assertThat(transition).isInstanceOfSatisfying(Transition.Illegal.class, illegal -> {
            assertThat(illegal.message()).contains("is " + from).contains(action.name()).contains(action.words());
        });
    }

    @Test
    void terminal_states_allow_nothing_and_open_states_allow_withdrawal() {
        for (ProposalState state : ProposalState.values()) {
            if (state.isTerminal()) {
                assertThat(ProposalLifecycle.movesFrom(state)).as(state.name()).isEmpty();
            } else {
                assertThat(ProposalLifecycle.movesFrom(state)).as(state.name()).containsKey(ProposalAction.WITHDRAW);
            }
        }
        assertThat(legalMoves().count() + illegalMoves().count())
                .isEqualTo((long) ProposalState.values().length * ProposalAction.values().length);
    }
}
