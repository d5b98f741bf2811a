package nl.transfertafel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.matching.Assignment;
import nl.transfertafel.matching.MatchingEngine;
import nl.transfertafel.matching.MatchingProblem;
import org.junit.jupiter.api.Test;

/** Both solvers agree on a tiny generated instance (the timing harness itself is not a test). */
class SmokeTest {

    @Test
    void engineAndOrToolsAgreeOnATinyInstance() {
        for (long seed = 1; seed <= 5; seed++) {
            MatchingProblem p = InstanceGenerator.tiny(seed);
            Assignment a = new MatchingEngine().solve(p);
            try (OrToolsReference reference = new OrToolsReference(p)) {
                assertThat(a.objective()).isEqualTo(reference.solve());
                assertThat((long) a.placedCount()).isEqualTo(reference.placed());
            }
            assertThat(a.placedCount()).isPositive();
        }
    }
}
