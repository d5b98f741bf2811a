package nl.transfertafel.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    private final MatchingEngine engine = new MatchingEngine();

    @Test
    void urgentClientWinsTheLastPlaceOverALongerWaitingRegularOne() {
        MatchingProblem.Builder b = MatchingProblem.builder();
        int line = b.addLine("gb-ggz-amsterdam", 1);
        int regular = b.addClient("regular-300-days");
        int urgent = b.addClient("urgent-5-days");
        b.addArc(regular, line, PriorityObjective.arcCost(ClientFacts.standard(false, 300), 2));
        b.addArc(urgent, line, PriorityObjective.arcCost(ClientFacts.standard(true, 5), 55));
        MatchingProblem p = b.build();

        Assignment a = engine.solve(p);

        assertThat(a.lineOf(urgent)).isEqualTo(line);
        assertThat(a.isPlaced(regular)).isFalse();
        assertThat(a.placedCount()).isEqualTo(1);
    }

    @Test
    void aClientOfAClosingProviderTakesTheLastPlaceFromAnEqualClientWhoWaitedLonger() {
        MatchingProblem.Builder b = MatchingProblem.builder();
        int line = b.addLine("only-place", 1);
        int other = b.addClient("waited-40-days");
        int closing = b.addClient("closure-waited-40-days");
        ClientFacts facts = new ClientFacts(false, 40, 12);
        b.addArc(other, line, PriorityObjective.arcCost(facts, 1));
        b.addArc(closing, line, PriorityObjective.arcCost(new ClientFacts(false, 30, 12, true), 50));

        Assignment a = engine.solve(b.build());

        assertThat(a.lineOf(closing)).isEqualTo(line);
        assertThat(a.isPlaced(other)).isFalse();
    }

    @Test
    void aClientOfAClosingProviderLeavesTheLastPlaceToOneFurtherBeyondTheNorm() {
        MatchingProblem.Builder b = MatchingProblem.builder();
        int line = b.addLine("only-place", 1);
        int further = b.addClient("one-day-further-beyond");
        int closing = b.addClient("closure");
        b.addArc(further, line, PriorityObjective.arcCost(new ClientFacts(false, 41, 13), 50));
        b.addArc(closing, line, PriorityObjective.arcCost(new ClientFacts(false, 400, 12, true), 1));

        Assignment a = engine.solve(b.build());

        assertThat(a.lineOf(further)).isEqualTo(line);
        assertThat(a.isPlaced(closing)).isFalse();
    }

    @Test
    void aClientIsMovedToMakeRoomWhenThatPlacesOneMore() {
        MatchingProblem.Builder b = MatchingProblem.builder();
        int near = b.addLine("near", 1);
        int far = b.addLine("far", 1);
        int flexible = b.addClient("waited-200-days"); // higher priority, prefers the near line
        int bound = b.addClient("waited-10-days");    // only eligible for the near line
        ClientFacts high = ClientFacts.standard(false, 200);
        ClientFacts low = ClientFacts.standard(false, 10);
        b.addArc(flexible, near, PriorityObjective.arcCost(high, 5));
        b.addArc(flexible, far, PriorityObjective.arcCost(high, 40));
        b.addArc(bound, near, PriorityObjective.arcCost(low, 30));
        MatchingProblem p = b.build();

        Assignment a = engine.solve(p);

        assertThat(a.placedCount()).isEqualTo(2);
        assertThat(a.lineOf(flexible)).isEqualTo(far);
        assertThat(a.lineOf(bound)).isEqualTo(near);
    }

    @Test
    void nobodyIsAssignedToAnIneligibleLineAndNoLineIsOverCapacity() {
        SplittableRandom rnd = new SplittableRandom(7);
        MatchingProblem.Builder b = MatchingProblem.builder();
        for (int l = 0; l < 40; l++) {
            b.addLine("l" + l, rnd.nextInt(4));
        }
        for (int c = 0; c < 600; c++) {
            b.addClient("c" + c);
            ClientFacts facts = ClientFacts.standard(rnd.nextInt(10) == 0, rnd.nextInt(401));
            for (int l = 0; l < 40; l++) {
                if (rnd.nextInt(5) == 0) {
                    b.addArc(c, l, PriorityObjective.arcCost(facts, rnd.nextInt(61)));
                }
            }
        }
        MatchingProblem p = b.build();

        Assignment a = engine.solve(p);

        Checks.assertValid(p, a);
        int totalPlaces = 0;
        for (int l = 0; l < p.lineCount(); l++) {
            totalPlaces += p.places(l);
        }
        assertThat(a.placedCount()).isPositive().isLessThanOrEqualTo(totalPlaces);
    }

    @Test
    void aClientStaysUnplacedWhenAllItsArcsAreNonNegative() {
        MatchingProblem.Builder b = MatchingProblem.builder();
        int l1 = b.addLine("l1", 5);
        int l2 = b.addLine("l2", 5);
        int neutral = b.addClient("zero-and-positive");
        int worth = b.addClient("negative");
        b.addArc(neutral, l1, 0).addArc(neutral, l2, 7);
        b.addArc(worth, l2, -1);
        MatchingProblem p = b.build();

        Assignment a = engine.solve(p);

        assertThat(a.isPlaced(neutral)).isFalse();
        assertThat(a.lineOf(worth)).isEqualTo(l2);
        assertThat(a.objective()).isEqualTo(-1);
        assertThat(a.placedCount()).isEqualTo(1);
    }

    @Test
    void beyondTheTreeknormComesBeforeLongerWaitingWithinIt() {
        MatchingProblem.Builder b = MatchingProblem.builder();
        int line = b.addLine("line", 1);
        // waited longer, but chose to wait for this provider: deadline moved, 20 days left
        int patient = b.addClient("wenswachttijd");
        int overdue = b.addClient("12-days-beyond");
        b.addArc(patient, line, PriorityObjective.arcCost(new ClientFacts(false, 100, -20), 1));
        b.addArc(overdue, line, PriorityObjective.arcCost(ClientFacts.standard(false, 40), 60));

        Assignment a = engine.solve(b.build());

        assertThat(a.lineOf(overdue)).isEqualTo(line);
        assertThat(a.isPlaced(patient)).isFalse();
    }

    @Test
    void equalClientsAreDecidedByDistanceAndEHealthCountsAsZeroKilometres() {
        MatchingProblem.Builder b = MatchingProblem.builder();
        int ehealth = b.addLine("e-health", 1);
        int office = b.addLine("office-3km", 1);
        int client = b.addClient("c");
        ClientFacts facts = ClientFacts.standard(false, 50);
        b.addArc(client, office, PriorityObjective.arcCost(facts, 3));
        b.addArc(client, ehealth, PriorityObjective.eHealthArcCost(facts));
        int near = b.addClient("near");
        int far = b.addClient("far");
        b.addArc(far, office, PriorityObjective.arcCost(facts, 50));
        b.addArc(near, office, PriorityObjective.arcCost(facts, 10));

        Assignment a = engine.solve(b.build());

        assertThat(a.lineOf(client)).isEqualTo(ehealth);
        assertThat(a.lineOf(near)).isEqualTo(office);
        assertThat(a.isPlaced(far)).isFalse();
    }

    @Test
    void runnerUpOptionsExplainTheMove() {
        MatchingProblem.Builder b = MatchingProblem.builder();
        int near = b.addLine("near", 1);
        int far = b.addLine("far", 1);
        int flexible = b.addClient("flexible");
        int bound = b.addClient("bound");
        b.addArc(flexible, near, -100).addArc(flexible, far, -90);
        b.addArc(bound, near, -50);
        Assignment a = engine.solve(b.build());
        assertThat(a.objective()).isEqualTo(-140);

        // forcing "flexible" onto "near" pushes "bound" out: -100 instead of -140
        assertThat(a.alternatives(flexible)).containsExactly(
                new Alternative.OtherLine(near, "near", -100, 40),
                new Alternative.Unplaced(90));
        // "bound" has no other line; leaving it out loses its 50, but "flexible" then moves back
        // to "near" and gains 10: net 40
        assertThat(a.alternatives(bound)).containsExactly(new Alternative.Unplaced(40));
    }

    @Test
    void emptyProblemsAndLinesWithoutPlaces() {
        assertThat(engine.solve(MatchingProblem.builder().build()).placedCount()).isZero();

        MatchingProblem.Builder b = MatchingProblem.builder();
        int closed = b.addLine("closed", 0);
        int c = b.addClient("c");
        b.addArc(c, closed, -10);
        Assignment a = engine.solve(b.build());
        assertThat(a.isPlaced(c)).isFalse();
        assertThat(a.objective()).isZero();
        assertThat(a.alternatives(c)).isEmpty();
    }
}
