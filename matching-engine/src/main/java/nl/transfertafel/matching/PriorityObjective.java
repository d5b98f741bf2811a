package nl.transfertafel.matching;

/**
 * Turns a client's facts and the travel distance to a line into the arc cost used by the
 * {@link MatchingEngine}. Plain-language description: {@code docs/matching-objective.md}.
 *
 * <p>The cost is minus a score; a higher score means "more worth placing here":
 * <pre>
 * score = W_URGENT    * (urgent ? 1 : 0)
 *       + W_TREEKNORM * (daysPastTreeknorm + 365)      // 0 .. 4015
 *       + W_CLOSURE   * (closure ? 1 : 0)               // a client of a closing provider (issue 15)
 *       + W_WAITED    * (daysWaited + 1)                // 1 .. 3651
 *       +               (1000 - distanceKm)             // 0 .. 1000
 * cost  = -score                                        // always &lt; 0: placing is always worth it
 * </pre>
 * with {@code W_WAITED = 1000 * MAX_LINES_PER_REGION + 1}, {@code W_CLOSURE = 3651 * W_WAITED},
 * {@code W_TREEKNORM = 2 * W_CLOSURE} and {@code W_URGENT = 4016 * W_TREEKNORM}. The largest |cost|
 * is below 2^46 (the closure tier doubled the Treeknorm weight), so costs and sums stay far from
 * overflow (also inside OR-Tools, which multiplies costs by the node count: 2^46 times the national
 * bench's 10^5 nodes is below 2^63).
 *
 * <p>The closure tier sits below urgency and the Treeknorm and above the tie-breaks (waited,
 * distance): a client whose provider closes goes before others of the same urgency and the same
 * norm position, but never before a more urgent client or one further beyond the norm, so the
 * guarantees above it stay as they were (ADR 1420).
 *
 * <h2>Why the sum respects the priority order</h2>
 * Any two assignments differ by independent exchanges (residual cycles); in one exchange at most one
 * client comes in and at most one goes out, and the clients in between only move to another line.
 * Urgency, Treeknorm and waiting time belong to the client, not to the line, so they change only
 * through the client that comes in and the one that goes out; distance changes for at most
 * {@code MAX_LINES_PER_REGION + 1} clients, by at most 1000 km each. Each weight is larger than the
 * largest possible change of all lower tiers in one exchange, so an exchange lowers the total cost
 * exactly when it is better in the order urgent &gt; Treeknorm &gt; closure &gt; waited &gt; distance. Hence the
 * minimum-cost assignment is lexicographically best: first the most urgent clients placed, then
 * the largest total Treeknorm score, then waiting time, then the least total distance. Because every
 * placement adds at least {@code W_WAITED} (more than any chain of moves can cost in distance),
 * the optimum also places as many clients as possible.
 *
 * <p>Bounds: days waited 0..3650, days past Treeknorm -365..3650, distance 0..1000 km (0 for
 * e-health) are checked; the order is guaranteed for regions (connected parts of the problem) of
 * at most {@value #MAX_LINES_PER_REGION} lines. The number of clients and places is not bounded.
 */
public final class PriorityObjective {

    /** Treeknorm for the first segment: intake at most 4 weeks after registration. */
    public static final int TREEKNORM_INTAKE_DAYS = 28;
    public static final int MAX_DAYS_WAITED = 3650;
    public static final int MIN_DAYS_PAST_TREEKNORM = -365;
    public static final int MAX_DAYS_PAST_TREEKNORM = 3650;
    public static final int MAX_DISTANCE_KM = 1000;
    /** Distance to use for an e-health line. */
    public static final int E_HEALTH_DISTANCE_KM = 0;
    /** Bound on the number of lines that one chain of moves can pass (lines in one region). */
    public static final int MAX_LINES_PER_REGION = 999;

    public static final long W_WAITED = (long) MAX_DISTANCE_KM * (MAX_LINES_PER_REGION + 1) + 1;
    /** Outweighs any difference in days waited plus any chain of distance changes. */
    public static final long W_CLOSURE = (MAX_DAYS_WAITED + 1L) * W_WAITED;
    /** Outweighs the closure tier plus everything below it. */
    public static final long W_TREEKNORM = 2 * W_CLOSURE;
    public static final long W_URGENT =
            (MAX_DAYS_PAST_TREEKNORM - MIN_DAYS_PAST_TREEKNORM + 1L) * W_TREEKNORM;

    private PriorityObjective() {
    }

    /** The arc cost (negative) of placing this client on a line at the given distance. */
    public static long arcCost(ClientFacts client, int distanceKm) {
        return -score(client, distanceKm);
    }

    /** The arc cost for an e-health line (distance 0). */
    public static long eHealthArcCost(ClientFacts client) {
        return arcCost(client, E_HEALTH_DISTANCE_KM);
    }

    /** The score (positive) of placing this client on a line at the given distance. */
    public static long score(ClientFacts client, int distanceKm) {
        if (distanceKm < 0 || distanceKm > MAX_DISTANCE_KM) {
            throw new IllegalArgumentException("distanceKm out of 0.." + MAX_DISTANCE_KM + ": " + distanceKm);
        }
        return (client.urgent() ? W_URGENT : 0)
                + W_TREEKNORM * (client.daysPastTreeknorm() - MIN_DAYS_PAST_TREEKNORM)
                + (client.closure() ? W_CLOSURE : 0)
                + W_WAITED * (client.daysWaited() + 1L)
                + (MAX_DISTANCE_KM - distanceKm);
    }
}
