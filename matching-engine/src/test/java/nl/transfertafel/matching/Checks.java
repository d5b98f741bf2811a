package nl.transfertafel.matching;

import static org.assertj.core.api.Assertions.assertThat;

/** Independent validity checks of an assignment against its problem. */
final class Checks {

    private Checks() {
    }

    static void assertValid(MatchingProblem p, Assignment a) {
        int[] load = new int[p.lineCount()];
        long objective = 0;
        int placed = 0;
        for (int c = 0; c < p.clientCount(); c++) {
            int l = a.lineOf(c);
            if (l == Assignment.UNPLACED) {
                continue;
            }
            assertThat(p.cost(c, l)).as("client %s must be eligible for line %s", c, l).isPresent();
            long cost = p.cost(c, l).getAsLong();
            assertThat(cost).as("a used arc must have a negative cost").isNegative();
            load[l]++;
            objective += cost;
            placed++;
        }
        for (int l = 0; l < p.lineCount(); l++) {
            assertThat(load[l]).as("load of line %s", l).isLessThanOrEqualTo(p.places(l));
        }
        assertThat(a.objective()).isEqualTo(objective);
        assertThat(a.placedCount()).isEqualTo(placed);
    }
}
