package nl.transfertafel.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Textbook min-cost flow, written independently of the engine for cross-checking: the full network
 * source &rarr; client (cap 1) &rarr; line (cost) &rarr; sink (cap = places), successive shortest
 * paths with Bellman-Ford on the whole residual graph (no potentials, no contraction), augmenting
 * while the shortest path is negative. Slow, simple, obviously correct.
 */
final class ReferenceMinCostFlow {

    private final int nodes;
    private final List<int[]> edges = new ArrayList<>(); // {from, to, cap}
    private final List<Long> costs = new ArrayList<>();

    private ReferenceMinCostFlow(int nodes) {
        this.nodes = nodes;
    }

    private void addEdge(int from, int to, int cap, long cost) {
        edges.add(new int[] {from, to, cap});
        costs.add(cost);
        edges.add(new int[] {to, from, 0});
        costs.add(-cost);
    }

    /** Optimal objective: minimum total cost of used arcs, unplaced clients cost 0. */
    static long optimum(MatchingProblem p) {
        int n = p.clientCount();
        int source = n + p.lineCount();
        int sink = source + 1;
        ReferenceMinCostFlow f = new ReferenceMinCostFlow(sink + 1);
        for (int c = 0; c < n; c++) {
            f.addEdge(source, c, 1, 0);
            for (int a = p.firstArc(c); a < p.endArc(c); a++) {
                f.addEdge(c, n + p.arcLine(a), 1, p.arcCost(a));
            }
        }
        for (int l = 0; l < p.lineCount(); l++) {
            f.addEdge(n + l, sink, p.places(l), 0);
        }
        return f.run(source, sink);
    }

    private long run(int source, int sink) {
        int m = edges.size();
        int[] from = new int[m];
        int[] to = new int[m];
        int[] cap = new int[m];
        long[] cost = new long[m];
        for (int e = 0; e < m; e++) {
            from[e] = edges.get(e)[0];
            to[e] = edges.get(e)[1];
            cap[e] = edges.get(e)[2];
            cost[e] = costs.get(e);
        }
        long total = 0;
        long inf = Long.MAX_VALUE / 4;
        long[] dist = new long[nodes];
        int[] via = new int[nodes];
        while (true) {
            Arrays.fill(dist, inf);
            Arrays.fill(via, -1);
            dist[source] = 0;
            for (int round = 0; round < nodes; round++) {
                boolean changed = false;
                for (int e = 0; e < m; e++) {
                    if (cap[e] > 0 && dist[from[e]] < inf && dist[from[e]] + cost[e] < dist[to[e]]) {
                        dist[to[e]] = dist[from[e]] + cost[e];
                        via[to[e]] = e;
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
            }
            if (dist[sink] >= 0) { // also when unreachable
                return total;
            }
            for (int v = sink; v != source; v = from[via[v]]) {
                cap[via[v]]--;
                cap[via[v] ^ 1]++;
            }
            total += dist[sink];
        }
    }
}
