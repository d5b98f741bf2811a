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

    /**
     * The long-chain family: n chain clients and n + 1 lines with one place each; client i is eligible
     * for line i (cost -2n) and line i+1 (cost -2n+1); a newcomer only for line 0 (cost -(n+1)). The
     * optimum places the newcomer and shifts every chain client one line up.
     */
    static MatchingProblem chain(int n) {
        MatchingProblem.Builder b = MatchingProblem.builder();
        for (int l = 0; l <= n; l++) {
            b.addLine("l" + l, 1);
        }
        for (int i = 0; i < n; i++) {
            int c = b.addClient("c" + i);
            b.addArc(c, i, -2L * n);
            b.addArc(c, i + 1, -2L * n + 1);
        }
        b.addArc(b.addClient("newcomer"), 0, -(n + 1L));
        return b.build();
    }

    /**
     * A chain with priority costs and random client facts: client i eligible for lines i and i+1 at
     * random distances, some urgent; extra clients eligible only for the first or the last line.
     */
    static MatchingProblem priorityChain(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MatchingProblem.Builder b = MatchingProblem.builder();
        for (int l = 0; l <= n; l++) {
            b.addLine("l" + l, 1 + (rnd.nextInt(8) == 0 ? 1 : 0));
        }
        for (int i = 0; i < n; i++) {
            int c = b.addClient("c" + i);
            ClientFacts facts = facts(rnd);
            b.addArc(c, i, PriorityObjective.arcCost(facts, rnd.nextInt(61)));
            b.addArc(c, i + 1, PriorityObjective.arcCost(facts, rnd.nextInt(61)));
        }
        for (int k = rnd.nextInt(4); k >= 0; k--) {
            int c = b.addClient("extra" + k);
            b.addArc(c, rnd.nextBoolean() ? 0 : n, PriorityObjective.arcCost(facts(rnd), rnd.nextInt(61)));
        }
        return b.build();
    }

    /** As many lines as clients, one place each, {@code arcs} random lines per client, priority costs. */
    static MatchingProblem sparseOneToOne(long seed, int n, int arcs) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MatchingProblem.Builder b = MatchingProblem.builder();
        for (int l = 0; l < n; l++) {
            b.addLine("l" + l, 1);
        }
        for (int i = 0; i < n; i++) {
            int c = b.addClient("c" + i);
            ClientFacts facts = facts(rnd);
            rnd.ints(0, n).distinct().limit(Math.min(arcs, n))
                    .forEach(l -> b.addArc(c, l, PriorityObjective.arcCost(facts, 1 + rnd.nextInt(60))));
        }
        return b.build();
    }

    /** Random client facts with many ties (few distinct waiting days). */
    private static ClientFacts facts(SplittableRandom rnd) {
        return new ClientFacts(rnd.nextInt(10) == 0, rnd.nextInt(400) / 50 * 50, rnd.nextInt(-60, 380) / 30 * 30);
    }

    /** The same problem with every arc cost -1: its optimum is minus the maximum number placed. */
    static MatchingProblem unitCosts(MatchingProblem p) {
        MatchingProblem.Builder b = MatchingProblem.builder();
        for (int l = 0; l < p.lineCount(); l++) {
            b.addLine(p.lineId(l), p.places(l));
        }
        for (int c = 0; c < p.clientCount(); c++) {
            b.addClient(p.clientId(c));
        }
        for (int c = 0; c < p.clientCount(); c++) {
            for (int a = p.firstArc(c); a < p.endArc(c); a++) {
                b.addArc(c, p.arcLine(a), -1);
            }
        }
        return b.build();
    }
}
