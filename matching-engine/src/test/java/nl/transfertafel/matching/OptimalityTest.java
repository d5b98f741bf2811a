package nl.transfertafel.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's objective equals that of independent solvers on many seeded random instances:
 * exhaustive search for tiny ones, a textbook Bellman-Ford min-cost flow for larger ones.
 */
class OptimalityTest {

    private final MatchingEngine engine = new MatchingEngine(2);

    static LongStream tinySeeds() {
        return LongStream.rangeClosed(1, 300);
    }

    static LongStream mediumSeeds() {
        return LongStream.rangeClosed(1001, 1200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tinySeeds")
    void tinyInstancesMatchBruteForce(long seed) {
        MatchingProblem p = RandomProblems.random(seed, 7, 4, 3);
        Assignment a = engine.solve(p);
        Checks.assertValid(p, a);
        assertThat(a.objective()).as("seed %s", seed).isEqualTo(BruteForce.optimum(p));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("mediumSeeds")
    void mediumInstancesMatchTextbookMinCostFlow(long seed) {
        MatchingProblem p = RandomProblems.random(seed, 45, 12, 5);
        Assignment a = engine.solve(p);
        Checks.assertValid(p, a);
        assertThat(a.objective()).as("seed %s", seed).isEqualTo(ReferenceMinCostFlow.optimum(p));
    }

    /** Several regions in one problem, priority costs, solved in parallel and sequentially. */
    @Test
    void multiRegionPriorityInstancesMatchReferenceAndPlaceTheMaximumNumber() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            MatchingProblem.Builder b = MatchingProblem.builder();
            MatchingProblem.Builder unit = MatchingProblem.builder(); // same arcs, cost -1
            int regions = 1 + rnd.nextInt(4);
            for (int r = 0; r < regions; r++) {
                int firstLine = -1;
                int lines = 2 + rnd.nextInt(10);
                for (int l = 0; l < lines; l++) {
                    int places = rnd.nextInt(4);
                    int idx = b.addLine("r" + r + "l" + l, places);
                    unit.addLine("r" + r + "l" + l, places);
                    if (firstLine < 0) {
                        firstLine = idx;
                    }
                }
                int clients = 5 + rnd.nextInt(40);
                for (int i = 0; i < clients; i++) {
                    int c = b.addClient("r" + r + "c" + i);
                    unit.addClient("r" + r + "c" + i);
                    ClientFacts facts = new ClientFacts(rnd.nextInt(10) == 0, rnd.nextInt(401),
                            rnd.nextInt(-60, 380));
                    for (int l = 0; l < lines; l++) {
                        if (rnd.nextInt(3) == 0) {
                            int km = rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(60);
                            b.addArc(c, firstLine + l, PriorityObjective.arcCost(facts, km));
                            unit.addArc(c, firstLine + l, -1);
                        }
                    }
                }
            }
            MatchingProblem p = b.build();
            Assignment parallel = new MatchingEngine(2).solve(p);
            Assignment sequential = new MatchingEngine(1).solve(p);
            Checks.assertValid(p, parallel);
            Checks.assertValid(p, sequential);
            assertThat(parallel.objective()).as("seed %s", seed).isEqualTo(ReferenceMinCostFlow.optimum(p));
            assertThat(sequential.objective()).isEqualTo(parallel.objective());
            long maxPlaced = -ReferenceMinCostFlow.optimum(unit.build());
            assertThat((long) parallel.placedCount()).as("maximum number placed, seed %s", seed)
                    .isEqualTo(maxPlaced);
        }
    }

    /** Larger instances with long augmenting chains: few lines, many places, dense arcs. */
    @Test
    void largerInstancesMatchTextbookMinCostFlow() {
        for (long seed = 5001; seed <= 5010; seed++) {
            MatchingProblem p = RandomProblems.random(seed, 150, 25, 8);
            Assignment a = engine.solve(p);
            Checks.assertValid(p, a);
            assertThat(a.objective()).as("seed %s", seed).isEqualTo(ReferenceMinCostFlow.optimum(p));
        }
    }

    // ---- the worst-case families of the benchmark (bench/matcher.sh), small enough for the references

    /** Client i eligible for lines i and i+1, a newcomer who fits only if the whole chain moves up. */
    @ParameterizedTest(name = "chain of {0}")
    @MethodSource("chainLengths")
    void longChainsShiftEveryClientToPlaceTheNewcomer(int n) {
        MatchingProblem p = RandomProblems.chain(n);
        Assignment a = engine.solve(p);
        Checks.assertValid(p, a);
        assertThat(a.objective()).isEqualTo(ReferenceMinCostFlow.optimum(p)).isEqualTo(-2L * n * n - 1);
        assertThat(a.placedCount()).isEqualTo(n + 1);
        for (int i = 0; i < n; i++) {
            assertThat(a.lineOf(i)).as("chain client %s moved up", i).isEqualTo(i + 1);
        }
        if (n <= 6) {
            assertThat(a.objective()).isEqualTo(BruteForce.optimum(p));
        }
    }

    static IntStream chainLengths() {
        return IntStream.of(1, 2, 3, 5, 6, 17, 64, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("familySeeds")
    void priorityChainsMatchReferenceAndPlaceTheMaximumNumber(long seed) {
        int n = seed % 4 == 0 ? 4 : 10 + (int) (seed % 90);
        MatchingProblem p = RandomProblems.priorityChain(seed, n);
        assertOptimalAndMaximal(p, seed);
        if (p.clientCount() <= 8) {
            assertThat(engine.solve(p).objective()).isEqualTo(BruteForce.optimum(p));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("familySeeds")
    void sparseOneToOneInstancesMatchReferenceAndPlaceTheMaximumNumber(long seed) {
        int n = seed % 4 == 0 ? 7 : 20 + (int) (seed % 80);
        MatchingProblem p = RandomProblems.sparseOneToOne(seed, n, seed % 3 == 0 ? 2 : 5);
        assertOptimalAndMaximal(p, seed);
        if (n <= 7) {
            assertThat(engine.solve(p).objective()).isEqualTo(BruteForce.optimum(p));
        }
    }

    static LongStream familySeeds() {
        return LongStream.rangeClosed(7001, 7040);
    }

    private void assertOptimalAndMaximal(MatchingProblem p, long seed) {
        Assignment parallel = engine.solve(p);
        Assignment sequential = new MatchingEngine(1).solve(p);
        Checks.assertValid(p, parallel);
        Checks.assertValid(p, sequential);
        assertThat(parallel.objective()).as("seed %s", seed).isEqualTo(ReferenceMinCostFlow.optimum(p));
        assertThat(sequential.objective()).isEqualTo(parallel.objective());
        long maxPlaced = -ReferenceMinCostFlow.optimum(RandomProblems.unitCosts(p));
        assertThat((long) parallel.placedCount()).as("maximum number placed, seed %s", seed).isEqualTo(maxPlaced);
    }
}
