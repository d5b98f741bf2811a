package nl.transfertafel.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriorityObjectiveTest {

    private static final int FAR = PriorityObjective.MAX_DISTANCE_KM;
    /**
     * The largest change of the distance tier in one exchange: at most MAX_LINES_PER_REGION + 1
     * clients (the one coming in, the one going out, the ones moving) change by at most 1000 km.
     * So the higher tiers are compared with equal distances and must differ by more than this.
     */
    private static final long CHAIN_DISTANCE = (long) FAR * (PriorityObjective.MAX_LINES_PER_REGION + 1);

    private static long score(boolean urgent, int waited, int pastNorm, int km) {
        return PriorityObjective.score(new ClientFacts(urgent, waited, pastNorm), km);
    }

    @Test
    void worstUrgentOutweighsBestRegularPlusAnyChainOfMoves() {
        long worstUrgent = score(true, 0, PriorityObjective.MIN_DAYS_PAST_TREEKNORM, 500);
        long bestRegular = score(false, PriorityObjective.MAX_DAYS_WAITED, PriorityObjective.MAX_DAYS_PAST_TREEKNORM, 500);
        assertThat(worstUrgent - bestRegular).isGreaterThan(CHAIN_DISTANCE);
    }

    @Test
    void oneDayFurtherBeyondTheNormOutweighsWaitingAndDistance() {
        long beyond = score(false, 0, 11, 500);
        long waitedMuchLonger = score(false, PriorityObjective.MAX_DAYS_WAITED, 10, 500);
        assertThat(beyond - waitedMuchLonger).isGreaterThan(CHAIN_DISTANCE);
    }

    @Test
    void oneDayLongerWaitOutweighsAnyChainOfDistanceChanges() {
        assertThat(score(false, 101, 0, 500) - score(false, 100, 0, 500)).isGreaterThan(CHAIN_DISTANCE);
    }

    @Test
    void placingOneMoreOutweighsAnyChainOfDistanceChanges() {
        // the newly placed client's own distance term (here 0) is part of CHAIN_DISTANCE
        long leastWorthPlacement = score(false, 0, PriorityObjective.MIN_DAYS_PAST_TREEKNORM, FAR);
        assertThat(leastWorthPlacement).isGreaterThan(CHAIN_DISTANCE);
    }

    @Test
    void shorterDistanceIsCheaperAndEHealthIsZeroKilometres() {
        ClientFacts facts = ClientFacts.standard(false, 30);
        assertThat(PriorityObjective.arcCost(facts, 5)).isLessThan(PriorityObjective.arcCost(facts, 6));
        assertThat(PriorityObjective.eHealthArcCost(facts)).isEqualTo(PriorityObjective.arcCost(facts, 0));
        assertThat(ClientFacts.standard(false, 30).daysPastTreeknorm()).isEqualTo(2);
    }

    @Test
    void costsAreNegativeAndSmallEnoughForSumsAndOrTools() {
        long max = score(true, PriorityObjective.MAX_DAYS_WAITED, PriorityObjective.MAX_DAYS_PAST_TREEKNORM, 0);
        long min = score(false, 0, PriorityObjective.MIN_DAYS_PAST_TREEKNORM, FAR);
        assertThat(min).isPositive();
        long maxClosure = PriorityObjective.score(new ClientFacts(true, PriorityObjective.MAX_DAYS_WAITED,
                PriorityObjective.MAX_DAYS_PAST_TREEKNORM, true), 0);
        assertThat(maxClosure).isGreaterThan(max).isLessThan(1L << 46);
    }

    private static long closureScore(boolean urgent, int waited, int pastNorm, int km) {
        return PriorityObjective.score(new ClientFacts(urgent, waited, pastNorm, true), km);
    }

    @Test
    void closureClientBeatsAnEqualClientWhoWaitedLongerAndTravelsLess() {
        // same urgency and norm position: the closure tier decides, whatever the tie-breaks say (distances
        // compared equal: CHAIN_DISTANCE already holds every distance change of an exchange)
        long closure = closureScore(false, 0, 10, 500);
        long other = score(false, PriorityObjective.MAX_DAYS_WAITED, 10, 500);
        assertThat(closure - other).isGreaterThan(CHAIN_DISTANCE);
    }

    @Test
    void closureClientNeverBeatsAClientOneDayFurtherBeyondTheNorm() {
        long closure = closureScore(false, PriorityObjective.MAX_DAYS_WAITED, 10, 500);
        long furtherBeyond = score(false, 0, 11, 500);
        assertThat(furtherBeyond - closure).isGreaterThan(CHAIN_DISTANCE);
    }

    @Test
    void closureClientNeverBeatsAnUrgentClient() {
        long closure = closureScore(false, PriorityObjective.MAX_DAYS_WAITED, PriorityObjective.MAX_DAYS_PAST_TREEKNORM, 500);
        long urgent = score(true, 0, PriorityObjective.MIN_DAYS_PAST_TREEKNORM, 500);
        assertThat(urgent - closure).isGreaterThan(CHAIN_DISTANCE);
    }

    @Test
    void urgentClosureClientBeatsAnEqualUrgentClient() {
        assertThat(closureScore(true, 5, 40, 500) - score(true, PriorityObjective.MAX_DAYS_WAITED, 40, 500))
                .isGreaterThan(CHAIN_DISTANCE);
    }

    @Test
    void theThreeArgumentFactsAreNotAClosureClient() {
        assertThat(new ClientFacts(false, 3, 4).closure()).isFalse();
        assertThat(ClientFacts.standard(false, 3).inClosure(true).closure()).isTrue();
        assertThat(PriorityObjective.score(ClientFacts.standard(false, 30).inClosure(true), 5)
                - PriorityObjective.score(ClientFacts.standard(false, 30), 5)).isEqualTo(PriorityObjective.W_CLOSURE);
    }

    @Test
    void factsOutsideTheBoundsAreRejected() {
        assertThatThrownBy(() -> new ClientFacts(false, 3651, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientFacts(false, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientFacts(false, 10, -366)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriorityObjective.arcCost(ClientFacts.standard(false, 1), 1001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriorityObjective.arcCost(ClientFacts.standard(false, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
