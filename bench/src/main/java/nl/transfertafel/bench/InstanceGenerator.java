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
