package nl.transfertafel.bench;

import java.util.SplittableRandom;
import nl.transfertafel.matching.ClientFacts;
import nl.transfertafel.matching.MatchingProblem;
import nl.transfertafel.matching.PriorityObjective;

/**
 * Deterministic (seeded) benchmark instances with realistic client facts.
 *
 * <p>Per region: lines spread over a 42 x 42 km square (10% are e-health lines at 0 km), clients
 * spread over the same square; each client is eligible for a random ~20% of the region's lines;
 * distance = straight-line km rounded, 1..60. Clients: ~10% urgent, 0..400 days waited, ~5% with
 * a moved Treeknorm deadline (wenswachttijd). Arc cost = {@link PriorityObjective#arcCost}.
 */
public final class InstanceGenerator {

    /** One region: 5,000 clients, 300 lines, ~600 places. */
    public static MatchingProblem region(long seed) {
        MatchingProblem.Builder b = MatchingProblem.builder();
        addRegion(b, new SplittableRandom(seed), "r0", 5_000, 300, 600);
        return b.build();
    }

    static final int REGIONS = 30;

    /** The country as one problem: 30 regions, 100,000 clients, 3,000 lines, ~600 places per region. */
    public static MatchingProblem national(long seed) {
        MatchingProblem.Builder b = MatchingProblem.builder();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int r = 0; r < REGIONS; r++) {
            addNationalRegion(b, rnd.split(), r);
        }
        return b.build();
    }

    /** The same country as {@link #national}, as 30 separate regional problems. */
    public static MatchingProblem[] nationalByRegion(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MatchingProblem[] regions = new MatchingProblem[REGIONS];
        for (int r = 0; r < REGIONS; r++) {
            MatchingProblem.Builder b = MatchingProblem.builder();
            addNationalRegion(b, rnd.split(), r);
            regions[r] = b.build();
        }
        return regions;
    }

    private static void addNationalRegion(MatchingProblem.Builder b, SplittableRandom rnd, int r) {
        int clients = 100_000 / REGIONS + (r < 100_000 % REGIONS ? 1 : 0);
        addRegion(b, rnd, "r" + r, clients, 3_000 / REGIONS, 600);
    }

    /**
     * The long-chain worst case of successive shortest paths: {@code n} chain clients and {@code n + 1}
     * lines with one place each; chain client i is eligible for line i (cost {@code -2n}) and line i+1
     * (cost {@code -2n + 1}, slightly worse), and one more client, the newcomer, only for line 0
     * (cost {@code -(n + 1)}). The optimum places everyone: the newcomer on line 0 and every chain
     * client one line up, so line n (free, reachable only through the chain) is used. A solver
     * working by augmenting paths first seats every chain client on its own line and then needs one
     * path through the whole chain. {@code n + 1} clients in all (5,001 for n = 5,000).
     */
    public static MatchingProblem chain(int n) {
        MatchingProblem.Builder b = MatchingProblem.builder();
        for (int l = 0; l <= n; l++) {
            b.addLine("chain-line-" + l, 1);
        }
        long own = -2L * n;
        for (int i = 0; i < n; i++) {
            int c = b.addClient("chain-client-" + i);
            b.addArc(c, i, own);
            b.addArc(c, i + 1, own + 1);
        }
        b.addArc(b.addClient("newcomer"), 0, -(n + 1L));
        return b.build();
    }

    /**
     * The same chain with realistic priority costs: chain client i has random client facts (regular,
     * 0..400 days waited), line i at 5 km and line i+1 at 10 km; the newcomer is the regular client
     * who waited shortest (0 days, 30 km), eligible only for line 0. Placing one more client outweighs
     * every chain client travelling 5 km further, so the optimum again shifts the whole chain.
     */
    public static MatchingProblem priorityChain(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MatchingProblem.Builder b = MatchingProblem.builder();
        for (int l = 0; l <= n; l++) {
            b.addLine("chain-line-" + l, 1);
        }
        for (int i = 0; i < n; i++) {
            int c = b.addClient("chain-client-" + i);
            ClientFacts facts = ClientFacts.standard(false, 1 + rnd.nextInt(400));
            b.addArc(c, i, PriorityObjective.arcCost(facts, 5));
            b.addArc(c, i + 1, PriorityObjective.arcCost(facts, 10));
        }
        b.addArc(b.addClient("newcomer"), 0, PriorityObjective.arcCost(ClientFacts.standard(false, 0), 30));
        return b.build();
    }

    /**
     * Large sparse one-to-one instances: {@code n} clients and {@code n} lines with one place each,
     * every client eligible for {@code arcsPerClient} distinct random lines, with realistic priority
     * costs (random client facts, 1..60 km). Unlike a region, lines are as many as clients.
     */
    public static MatchingProblem sparseOneToOne(long seed, int n, int arcsPerClient) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MatchingProblem.Builder b = MatchingProblem.builder();
        for (int l = 0; l < n; l++) {
            b.addLine("sparse-line-" + l, 1);
        }
        int[] chosen = new int[arcsPerClient];
        for (int i = 0; i < n; i++) {
            int c = b.addClient("sparse-client-" + i);
            ClientFacts facts = new ClientFacts(rnd.nextInt(10) == 0, rnd.nextInt(401), rnd.nextInt(-60, 380));
            for (int k = 0; k < arcsPerClient; k++) {
                int l;
                boolean duplicate;
                do {
                    l = rnd.nextInt(n);
                    duplicate = false;
                    for (int j = 0; j < k; j++) {
                        duplicate |= chosen[j] == l;
                    }
                } while (duplicate);
                chosen[k] = l;
                b.addArc(c, l, PriorityObjective.arcCost(facts, 1 + rnd.nextInt(60)));
            }
        }
        return b.build();
    }

    /** A tiny instance for smoke tests. */
    public static MatchingProblem tiny(long seed) {
        MatchingProblem.Builder b = MatchingProblem.builder();
        addRegion(b, new SplittableRandom(seed), "t", 60, 8, 12);
        return b.build();
    }

    private static void addRegion(MatchingProblem.Builder b, SplittableRandom rnd, String region,
                                  int clients, int lines, int places) {
        double side = 42.0;
        int firstLine = -1;
        double[] lx = new double[lines];
        double[] ly = new double[lines];
        boolean[] eHealth = new boolean[lines];
        int placesPerLineMax = 2 * places / lines; // uniform 0..2*avg-ish, mean = places / lines
        for (int l = 0; l < lines; l++) {
            int p = placesPerLineMax <= 1 ? 1 + rnd.nextInt(2) : 1 + rnd.nextInt(placesPerLineMax - 1);
            int idx = b.addLine(region + "-line-" + l, p);
            if (firstLine < 0) {
                firstLine = idx;
            }
            lx[l] = rnd.nextDouble() * side;
            ly[l] = rnd.nextDouble() * side;
            eHealth[l] = rnd.nextInt(10) == 0;
        }
        for (int i = 0; i < clients; i++) {
            int c = b.addClient(region + "-client-" + i);
            boolean urgent = rnd.nextInt(10) == 0;
            int waited = rnd.nextInt(401);
            ClientFacts facts = rnd.nextInt(20) == 0
                    ? new ClientFacts(urgent, waited,
                    Math.max(PriorityObjective.MIN_DAYS_PAST_TREEKNORM,
                            waited - PriorityObjective.TREEKNORM_INTAKE_DAYS - 30 - rnd.nextInt(90)))
                    : ClientFacts.standard(urgent, waited);
            double x = rnd.nextDouble() * side;
            double y = rnd.nextDouble() * side;
            for (int l = 0; l < lines; l++) {
                if (rnd.nextInt(5) != 0) {
                    continue;
                }
                int km = eHealth[l] ? PriorityObjective.E_HEALTH_DISTANCE_KM
                        : (int) Math.min(60, Math.max(1, Math.round(Math.hypot(x - lx[l], y - ly[l]))));
                b.addArc(c, firstLine + l, PriorityObjective.arcCost(facts, km));
            }
        }
    }

    private InstanceGenerator() {
    }
}
