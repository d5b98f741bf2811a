package nl.transfertafel.bench;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import nl.transfertafel.matching.MatchingProblem;

/**
 * The same problem as a Google OR-Tools SimpleMinCostFlow: source &rarr; client (cap 1, cost 0),
 * client &rarr; line (cap 1, arc cost), line &rarr; sink (cap = places), and a bypass
 * source &rarr; sink (cap = #clients, cost 0) for unplaced clients; supply #clients.
 */
final class OrToolsReference implements AutoCloseable {

    private static boolean loaded;

    private final MinCostFlow flow;
    private final int bypassArc;
    private final int clients;

    static synchronized void loadNativeLibraries() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /** Builds the OR-Tools graph (not timed by the harness). */
    OrToolsReference(MatchingProblem p) {
        loadNativeLibraries();
        clients = p.clientCount();
        int source = 0;
        int sink = 1;
        int firstClient = 2;
        int firstLine = firstClient + clients;
        flow = new MinCostFlow(firstLine + p.lineCount(), clients + p.arcCount() + p.lineCount() + 1);
        for (int c = 0; c < clients; c++) {
            flow.addArcWithCapacityAndUnitCost(source, firstClient + c, 1, 0);
            for (int a = p.firstArc(c); a < p.endArc(c); a++) {
                flow.addArcWithCapacityAndUnitCost(firstClient + c, firstLine + p.arcLine(a), 1, p.arcCost(a));
            }
        }
        for (int l = 0; l < p.lineCount(); l++) {
            flow.addArcWithCapacityAndUnitCost(firstLine + l, sink, p.places(l), 0);
        }
        bypassArc = flow.addArcWithCapacityAndUnitCost(source, sink, clients, 0);
        flow.setNodeSupply(source, clients);
        flow.setNodeSupply(sink, -clients);
    }

    /** Solves; returns the optimal cost. */
    long solve() {
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("OR-Tools status " + status);
        }
        return flow.getOptimalCost();
    }

    /** Number of clients placed in the last solution. */
    long placed() {
        return clients - flow.getFlow(bypassArc);
    }

    @Override
    public void close() {
        flow.delete();
    }
}
