package nl.transfertafel.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner-up deltas equal re-solving with the option imposed (checked by the reference solver). */
class AlternativesTest {

    @Test
    void objectiveDeltasEqualForcedReSolves() {
        MatchingEngine engine = new MatchingEngine(1);
        int checked = 0;
        for (long seed = 1; seed <= 120; seed++) {
            MatchingProblem p = RandomProblems.random(seed, 12, 5, 3);
            Assignment a = engine.solve(p);
            long opt = a.objective();
            for (int c = 0; c < p.clientCount(); c++) {
                List<Alternative> alternatives = a.alternatives(c);
                assertThat(alternatives).isSortedAccordingTo(Comparator.comparingLong(Alternative::objectiveDelta));
                List<Integer> expectedLines = new ArrayList<>();
                for (int arc = p.firstArc(c); arc < p.endArc(c); arc++) {
                    int l = p.arcLine(arc);
                    if (l != a.lineOf(c) && p.places(l) > 0) {
                        expectedLines.add(l);
                    }
                }
                List<Integer> listedLines = new ArrayList<>();
                for (Alternative alt : alternatives) {
                    if (alt instanceof Alternative.OtherLine o) {
                        listedLines.add(o.line());
                        long forced = o.arcCost() + ReferenceMinCostFlow.optimum(without(p, c, o.line()));
                        assertThat(o.objectiveDelta()).as("seed %s client %s line %s", seed, c, o.line())
                                .isEqualTo(forced - opt).isNotNegative();
                    } else {
                        assertThat(a.isPlaced(c)).isTrue();
                        long forced = ReferenceMinCostFlow.optimum(without(p, c, -1));
                        assertThat(alt.objectiveDelta()).as("seed %s client %s unplaced", seed, c)
                                .isEqualTo(forced - opt);
                    }
                    checked++;
                }
                assertThat(listedLines).containsExactlyInAnyOrderElementsOf(expectedLines);
                assertThat(alternatives.stream().anyMatch(alt -> alt instanceof Alternative.Unplaced))
                        .isEqualTo(a.isPlaced(c));
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    /** The problem without client c's arcs and, if line >= 0, with one place less on that line. */
    private static MatchingProblem without(MatchingProblem p, int client, int line) {
        MatchingProblem.Builder b = MatchingProblem.builder();
        for (int l = 0; l < p.lineCount(); l++) {
            b.addLine(p.lineId(l), p.places(l) - (l == line ? 1 : 0));
        }
        for (int c = 0; c < p.clientCount(); c++) {
            b.addClient(p.clientId(c));
            if (c != client) {
                for (int a = p.firstArc(c); a < p.endArc(c); a++) {
                    b.addArc(c, p.arcLine(a), p.arcCost(a));
                }
            }
        }
        return b.build();
    }
}
