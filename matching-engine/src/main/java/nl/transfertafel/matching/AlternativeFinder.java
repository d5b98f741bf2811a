package nl.transfertafel.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Exact "what if" costs for one client of an optimal assignment.
 *
 * <p>Forcing client c onto line l' changes an optimal flow by a cheapest residual cycle through the
 * arc c&rarr;l', so the increase of the objective is {@code w(c,l') + dist(l' -> c)} in the residual
 * network (which has no negative cycle, the assignment being optimal). The residual network is
 * contracted to the lines plus S (the unplaced pool) and T (free places):
 * <ul>
 *   <li>S &rarr; l: an unplaced client enters l, cost {@code min w(u,l)};</li>
 *   <li>l &rarr; l': a client x on l moves to l', cost {@code w(x,l') - w(x,l)};</li>
 *   <li>l &rarr; S: a client x on l becomes unplaced, cost {@code -w(x,l)};</li>
 *   <li>l &rarr; T if l has a free place, T &rarr; l if l has someone, cost 0;</li>
 *   <li>S &rarr; T if someone is placed, T &rarr; S if someone is unplaced, cost 0 (the bypass).</li>
 * </ul>
 * Client c itself is left out of these arcs; it closes the cycle: via its own line
 * ({@code l0 -> c}, cost {@code -w(c,l0)}) if placed, via S (cost 0) if unplaced. All arcs of the
 * problem count here, also those with cost &ge; 0. Distances to the target are computed by
 * Bellman-Ford (costs may be negative).
 */
final class AlternativeFinder {

    private static final long INF = Long.MAX_VALUE / 4;

    private final MatchingProblem problem;
    private final int[] lineOf;

    AlternativeFinder(MatchingProblem problem, int[] lineOf) {
        this.problem = problem;
        this.lineOf = lineOf;
    }

    List<Alternative> alternatives(int c) {
        int lines = problem.lineCount();
        int s = lines;
        int t = lines + 1;
        int[] load = new int[lines];
        long[] ownCost = new long[problem.clientCount()];
        long[] minUnplaced = new long[lines];
        java.util.Arrays.fill(minUnplaced, INF);
        int placed = 0;
        List<Integer> placedOthers = new ArrayList<>();
        for (int x = 0; x < problem.clientCount(); x++) {
            int l = lineOf[x];
            if (l >= 0) {
                load[l]++;
                placed++;
                ownCost[x] = problem.cost(x, l).orElseThrow();
                if (x != c) {
                    placedOthers.add(x);
                }
            } else if (x != c) {
                for (int a = problem.firstArc(x); a < problem.endArc(x); a++) {
                    int l2 = problem.arcLine(a);
                    minUnplaced[l2] = Math.min(minUnplaced[l2], problem.arcCost(a));
                }
            }
        }
        boolean someonePlaced = placed > 0;
        boolean someoneUnplaced = placed < problem.clientCount();

        long[] distTo = new long[lines + 2];
        java.util.Arrays.fill(distTo, INF);
        int own = lineOf[c];
        if (own >= 0) {
            distTo[own] = -ownCost[c];
        } else {
            distTo[s] = 0;
        }
        boolean changed = true;
        for (int pass = 0; changed; pass++) {
            if (pass > lines + 2) {
                throw new IllegalStateException("negative cycle: the assignment is not optimal");
            }
            changed = false;
            for (int x : placedOthers) {
                int l = lineOf[x];
                long leave = -ownCost[x];
                changed |= relax(distTo, l, leave, s);
                for (int a = problem.firstArc(x); a < problem.endArc(x); a++) {
                    int l2 = problem.arcLine(a);
                    if (l2 != l) {
                        changed |= relax(distTo, l, leave + problem.arcCost(a), l2);
                    }
                }
            }
            for (int l = 0; l < lines; l++) {
                if (minUnplaced[l] < INF) {
                    changed |= relax(distTo, s, minUnplaced[l], l);
                }
                if (load[l] < problem.places(l)) {
                    changed |= relax(distTo, l, 0, t);
                }
                if (load[l] > 0) {
                    changed |= relax(distTo, t, 0, l);
                }
            }
            if (someonePlaced) {
                changed |= relax(distTo, s, 0, t);
            }
            if (someoneUnplaced) {
                changed |= relax(distTo, t, 0, s);
            }
        }

        List<Alternative> result = new ArrayList<>();
        for (int a = problem.firstArc(c); a < problem.endArc(c); a++) {
            int l = problem.arcLine(a);
            if (l != own && problem.places(l) > 0 && distTo[l] < INF) {
                result.add(new Alternative.OtherLine(l, problem.lineId(l), problem.arcCost(a),
                        problem.arcCost(a) + distTo[l]));
            }
        }
        if (own >= 0 && distTo[s] < INF) {
            result.add(new Alternative.Unplaced(distTo[s]));
        }
        result.sort(Comparator.comparingLong(Alternative::objectiveDelta)
                .thenComparingLong(AlternativeFinder::arcCostOrZero)
                .thenComparingInt(alt -> alt instanceof Alternative.OtherLine o ? o.line() : Integer.MAX_VALUE));
        return result;
    }

    private static long arcCostOrZero(Alternative alternative) {
        return alternative instanceof Alternative.OtherLine o ? o.arcCost() : 0;
    }

    /** distTo[from] = min(distTo[from], cost + distTo[to]); true if it improved. */
    private static boolean relax(long[] distTo, int from, long cost, int to) {
        if (distTo[to] >= INF) {
            return false;
        }
        long d = cost + distTo[to];
        if (d < distTo[from]) {
            distTo[from] = d;
            return true;
        }
        return false;
    }
}
