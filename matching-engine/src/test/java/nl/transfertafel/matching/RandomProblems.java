package nl.transfertafel.matching;

import java.util.SplittableRandom;

/** Seeded random problems for the property tests. */
final class RandomProblems {

    private RandomProblems() {
    }

    /**
     * A random problem. Costs are drawn from a small range (to create many ties) or a wide one,
     * and include non-negative costs; some lines have no places.
     */
    static MatchingProblem random(long seed, int maxClients, int maxLines, int maxPlaces) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int clients = 1 + rnd.nextInt(maxClients);
        int lines = 1 + rnd.nextInt(maxLines);
        double density = 0.15 + 0.7 * rnd.nextDouble();
        boolean ties = rnd.nextBoolean();
        MatchingProblem.Builder b = MatchingProblem.builder();
        for (int c = 0; c < clients; c++) {
            b.addClient("c" + c);
        }
        for (int l = 0; l < lines; l++) {
            b.addLine("l" + l, rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(maxPlaces + 1));
        }
        for (int c = 0; c < clients; c++) {
            for (int l = 0; l < lines; l++) {
                if (rnd.nextDouble() < density) {
                    long cost = ties ? rnd.nextInt(-6, 3) : rnd.nextLong(-1_000_000_000L, 100_000_000L);
                    b.addArc(c, l, cost);
                }
            }
        }
        return b.build();
    }
}
