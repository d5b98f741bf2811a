package nl.transfertafel.matching;

import java.util.List;

/**
 * The result of {@link MatchingEngine#solve}: for every client its line or {@link #UNPLACED}, the
 * total objective (sum of the used arc costs) and the number of placed clients. Immutable.
 */
public final class Assignment {

    /** Line index of a client without a place. */
    public static final int UNPLACED = -1;

    private final MatchingProblem problem;
    private final int[] lineOf;
    private final long objective;
    private final int placed;

    private Assignment(MatchingProblem problem, int[] lineOf, long objective, int placed) {
        this.problem = problem;
        this.lineOf = lineOf;
        this.objective = objective;
        this.placed = placed;
    }

    /**
     * Wraps a client&rarr;line array (taken over, not copied), checking eligibility and capacity.
     *
     * @throws IllegalArgumentException if a client is on a line it has no arc to, or a line is over
     *                                  its places
     */
    static Assignment of(MatchingProblem problem, int[] lineOf) {
        int[] load = new int[problem.lineCount()];
        long objective = 0;
        int placed = 0;
        for (int c = 0; c < lineOf.length; c++) {
            int l = lineOf[c];
            if (l == UNPLACED) {
                continue;
            }
            var arcCost = problem.cost(c, l);
            if (arcCost.isEmpty()) {
                throw new IllegalArgumentException("client " + c + " is not eligible for line " + l);
            }
            long cost = arcCost.getAsLong();
            if (++load[l] > problem.places(l)) {
                throw new IllegalArgumentException("line " + l + " is over its places");
            }
            objective = Math.addExact(objective, cost);
            placed++;
        }
        return new Assignment(problem, lineOf, objective, placed);
    }

    public MatchingProblem problem() {
        return problem;
    }

    /** The line of {@code client}, or {@link #UNPLACED}. */
    public int lineOf(int client) {
        return lineOf[client];
    }

    public boolean isPlaced(int client) {
        return lineOf[client] != UNPLACED;
    }

    /** Sum of the costs of the used arcs (unplaced clients count 0). */
    public long objective() {
        return objective;
    }

    /** Number of clients with a place. */
    public int placedCount() {
        return placed;
    }

    /**
     * The runner-up options of one client, best first: every other eligible line that has places,
     * and (if the client is placed) leaving it unplaced, each with the exact increase of the total
     * objective if that option were imposed and everyone else re-optimised. Ties are ordered by arc
     * cost, then line index. Costs one shortest-path computation (Bellman-Ford) over the placed
     * clients' arcs; meant for explanations, not for bulk use.
     */
    public List<Alternative> alternatives(int client) {
        return new AlternativeFinder(problem, lineOf).alternatives(client);
    }
}
