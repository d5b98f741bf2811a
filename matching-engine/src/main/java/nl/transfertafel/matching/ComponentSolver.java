package nl.transfertafel.matching;

import java.util.Arrays;

/**
 * Exact min-cost assignment for one connected component of the problem (in practice: one region),
 * by successive shortest augmenting paths.
 *
 * <h2>Model</h2>
 * The flow network is source &rarr; client (capacity 1) &rarr; line (the arc cost) &rarr; sink
 * (capacity = places), and an augmenting path is only taken while its cost is negative. Only arcs
 * with a negative cost to lines with places are used: an optimal solution never needs an arc with
 * cost &ge; 0 (dropping such a client from its line never increases the cost).
 *
 * <h2>The contracted graph</h2>
 * A shortest source&rarr;sink path in the residual network alternates client and line nodes, and a
 * client node in the middle of a path is always an assigned client leaving its line. Contracting the
 * clients gives a graph whose nodes are the lines (there are far fewer lines than clients):
 * <ul>
 *   <li>S &rarr; l with cost {@code min} over unassigned clients c of {@code w(c,l)}: read from a
 *       per-line heap of candidates (assigned clients are popped lazily; a client, once assigned,
 *       stays assigned, so the minimum only increases);</li>
 *   <li>l &rarr; l' via client x assigned to l: cost {@code w(x,l') - w(x,l)} (x moves);</li>
 *   <li>l &rarr; T with cost 0 if l has a free place.</li>
 * </ul>
 * Dijkstra runs on reduced costs {@code c(u,v) + pi(u) - pi(v)}, which stay &ge; 0 because the
 * potentials are the shortest-path distances of the previous round (Johnson / Edmonds-Karp). The
 * search stops as soon as T is settled; lines not settled get {@code pi += d(T)}, the standard
 * early-termination update, which keeps every residual reduced cost non-negative. Because reduced
 * costs are non-negative, lines whose tentative distance is not below the best distance to T seen
 * so far are never queued: they cannot lie on a shorter path. Initially there
 * is no assignment, so {@code pi(l) = min candidate cost of l} and {@code pi(T) = min_l pi(l)}.
 *
 * <p>Successive shortest paths give, after k augmentations, a minimum-cost assignment of exactly k
 * clients, and these minimum costs are convex in k; so the first time the shortest path costs
 * &ge; 0 the current assignment is optimal over all k. Each augmentation places one more client,
 * so there are at most {@code min(#clients, #places)} rounds.
 */
final class ComponentSolver {

    private static final long INF = Long.MAX_VALUE / 4;

    // lines (local index 0..L-1)
    private final int lineCount;
    private final int[] capacity;
    private final int[] load;
    // potentials: pi(l) = piBase[l] + offset. A round raises the potential of every line it did not
    // settle by the same d(T); adding it to the offset keeps that O(1) instead of O(lines).
    private final long[] piBase;
    private long offset;
    private long piT;
    // assigned clients per line: memClient[memStart[l] .. memStart[l] + load[l] - 1]
    private final int[] memStart;
    private final int[] memClient;
    // candidate heaps per line (unassigned clients, min cost on top): [heapStart[l], heapStart[l] + heapSize[l])
    private final int[] heapStart;
    private final int[] heapSize;
    private final long[] heapCost;
    private final int[] heapClient;

    // clients (local index 0..C-1); their arcs are read from the problem's arrays: an arc is usable
    // iff its cost is < 0 and its line has places (localLine >= 0); its line is then in this part
    private final int[] globalClient;
    private final int[] arcStart;
    private final int[] arcLine;
    private final long[] arcCost;
    private final int[] localLine;
    // usable arcs of assigned clients, copied once when the client is first placed:
    // pool[poolStart[c] .. poolEnd[c]) holds (local line, cost)
    private final int[] poolStart;
    private final int[] poolEnd;
    private int[] poolLine = new int[256];
    private long[] poolCost = new long[256];
    private int poolSize;
    // cached heap tops: the cheapest unassigned candidate of each line (topClient -1 if none)
    private final long[] topCost;
    private final int[] topClient;
    private final int[] lineOf;       // local line, -1 if unassigned
    private final int[] posInLine;    // index in memClient
    private final long[] assignedCost;

    // Dijkstra state, reused across rounds
    private final long[] dist;
    private final int[] distStamp;
    private final int[] doneStamp;
    private final int[] prevLine;     // -1: entered from S
    private final int[] prevClient;   // client that enters this line on the path
    private final long[] prevCost;    // its arc cost to this line
    private int stamp;
    // lines with a candidate, by the reduced cost of S -> l (topCost - pi(l), stored without the
    // offset, which is the same for all): a round reads the cheapest entries in order and puts back
    // only those it took, so it never scans all lines
    private final LineHeap sources;
    // lines with a candidate and a free place, by topCost: the direct path S -> l -> T
    private final LineHeap freeLines;
    private final int[] settled;
    private int settledCount;
    private long[] pqKey = new long[64];
    private int[] pqLine = new int[64];
    private int pqSize;

    /**
     * @param capacity     places per local line (all &gt; 0)
     * @param globalClient global index of each local client
     * @param problem      the problem whose arc arrays are read
     * @param localLine    global line &rarr; local line in this part (-1 for lines without places)
     */
    ComponentSolver(int[] capacity, int[] globalClient, MatchingProblem problem, int[] localLine) {
        this.lineCount = capacity.length;
        this.capacity = capacity;
        this.globalClient = globalClient;
        this.arcStart = problem.arcStartArray();
        this.arcLine = problem.arcLineArray();
        this.arcCost = problem.arcCostArray();
        this.localLine = localLine;
        int clients = globalClient.length;

        heapStart = new int[lineCount + 1];
        heapSize = new int[lineCount];
        for (int c = 0; c < clients; c++) {
            int g = globalClient[c];
            for (int a = arcStart[g], ae = arcStart[g + 1]; a < ae; a++) {
                int l = localLine[arcLine[a]];
                if (arcCost[a] < 0 && l >= 0) {
                    heapSize[l]++;
                }
            }
        }
        for (int l = 0; l < lineCount; l++) {
            heapStart[l + 1] = heapStart[l] + heapSize[l];
        }
        heapCost = new long[heapStart[lineCount]];
        heapClient = new int[heapStart[lineCount]];
        int[] fill = Arrays.copyOf(heapStart, lineCount);
        for (int c = 0; c < clients; c++) {
            int g = globalClient[c];
            for (int a = arcStart[g], ae = arcStart[g + 1]; a < ae; a++) {
                int l = localLine[arcLine[a]];
                if (arcCost[a] < 0 && l >= 0) {
                    int pos = fill[l]++;
                    heapCost[pos] = arcCost[a];
                    heapClient[pos] = c;
                }
            }
        }
        memStart = new int[lineCount + 1];
        for (int l = 0; l < lineCount; l++) {
            heapify(l);
            memStart[l + 1] = memStart[l] + Math.min(capacity[l], heapSize[l]);
        }
        memClient = new int[memStart[lineCount]];
        load = new int[lineCount];
        lineOf = new int[clients];
        Arrays.fill(lineOf, -1);
        poolStart = new int[clients];
        poolEnd = new int[clients];
        posInLine = new int[clients];
        assignedCost = new long[clients];

        piBase = new long[lineCount];
        piT = INF;
        for (int l = 0; l < lineCount; l++) {
            piBase[l] = heapSize[l] > 0 ? heapCost[heapStart[l]] : 0;
            piT = Math.min(piT, piBase[l]);
        }
        topCost = new long[lineCount];
        topClient = new int[lineCount];
        sources = new LineHeap(lineCount);
        freeLines = new LineHeap(lineCount);
        settled = new int[lineCount];
        for (int l = 0; l < lineCount; l++) {
            refreshTop(l);
        }
        dist = new long[lineCount];
        distStamp = new int[lineCount];
        doneStamp = new int[lineCount];
        prevLine = new int[lineCount];
        prevClient = new int[lineCount];
        prevCost = new long[lineCount];
    }

    /** Runs the augmentations; afterwards {@link #lineOf(int)} holds an optimal assignment. */
    void solve() {
        if (lineCount == 0) {
            return;
        }
        while (true) {
            int last = shortestPath();
            if (last < 0) {
                return;
            }
            augment(last);
        }
    }

    /** Local line of local client {@code c}, or -1. */
    int lineOf(int c) {
        return lineOf[c];
    }

    /**
     * Dijkstra from S on reduced costs, stopping when T is settled. Returns the line through which T
     * is reached, or -1 when there is no path of negative (real) cost. Updates the potentials when a
     * path is returned. The arcs S -> l are read lazily, cheapest first, from {@link #sources}; the
     * work of a round is proportional to the lines it settles (times log lines), not to all lines.
     */
    private int shortestPath() {
        stamp++;
        pqSize = 0;
        settledCount = 0;
        // d(T) is an upper bound on the reduced distance to T, lowered as soon as a path to a line
        // with a free place is seen. Reduced costs are >= 0, so a line whose tentative distance is
        // >= d(T) can never be on a shorter path: it is not queued. It starts at the cheapest direct
        // path S -> l -> T, whose reduced cost is topCost(l) - pi(l) + pi(l) - pi(T).
        long dT = INF;
        int tLine = -1;
        if (!freeLines.isEmpty()) {
            tLine = freeLines.peek();
            dT = topCost[tLine] - piT;
            enterFromSource(tLine, topCost[tLine] - piBase[tLine] - offset);
        }
        while (true) {
            long fromQueue = pqSize > 0 ? pqKey[0] : INF;
            long fromSource = sources.isEmpty() ? INF : sources.peekKey() - offset;
            int l;
            if (fromSource <= fromQueue) {
                if (fromSource >= dT) {
                    break;
                }
                l = sources.pop(); // put back (with its new key) after the round: it will be settled now
                if (doneStamp[l] == stamp) {
                    continue;
                }
                // the queue holds every tentative distance not yet settled, and its minimum is not
                // below fromSource: so S -> l is a shortest way into l
                if (distStamp[l] != stamp || dist[l] > fromSource) {
                    enterFromSource(l, fromSource);
                }
            } else {
                if (fromQueue >= dT) {
                    break;
                }
                l = pqLine[0];
                pqPop();
                if (doneStamp[l] == stamp || fromQueue > dist[l]) {
                    continue;
                }
            }
            doneStamp[l] = stamp;
            settled[settledCount++] = l;
            long d = dist[l];
            if (load[l] < capacity[l] && d + piBase[l] + offset - piT < dT) {
                dT = d + piBase[l] + offset - piT;
                tLine = l;
            }
            long base = d + piBase[l] + offset;
            for (int m = memStart[l], end = memStart[l] + load[l]; m < end; m++) {
                int x = memClient[m];
                long leave = base - assignedCost[x];
                for (int a = poolStart[x], ae = poolEnd[x]; a < ae; a++) {
                    int l2 = poolLine[a];
                    if (doneStamp[l2] == stamp) {
                        continue; // line settled (includes l itself)
                    }
                    long cost = poolCost[a];
                    long nd = leave + cost - piBase[l2] - offset;
                    if (nd < dT && (distStamp[l2] != stamp || nd < dist[l2])) {
                        dist[l2] = nd;
                        distStamp[l2] = stamp;
                        prevLine[l2] = l;
                        prevClient[l2] = x;
                        prevCost[l2] = cost;
                        if (load[l2] < capacity[l2] && nd + piBase[l2] + offset - piT < dT) {
                            dT = nd + piBase[l2] + offset - piT;
                            tLine = l2;
                        }
                        pqPush(nd, l2);
                    }
                }
            }
        }
        boolean improves = tLine >= 0 && dT + piT < 0;
        if (improves) {
            // settled lines have dist < d(T) and get pi += dist; every other line has (tentative)
            // distance >= d(T) and gets pi += d(T), through the offset
            for (int i = 0; i < settledCount; i++) {
                int l = settled[i];
                piBase[l] += dist[l] - dT;
            }
            offset += dT;
            piT += dT;
        }
        // settled lines changed potential, and those taken from the sources must go back
        for (int i = 0; i < settledCount; i++) {
            int l = settled[i];
            if (topClient[l] >= 0) {
                sources.put(l, topCost[l] - piBase[l]);
            }
        }
        return improves ? tLine : -1; // -1: no augmenting path, or the cheapest does not improve
    }

    /** Tentative distance d for line l, entered directly from S by its cheapest candidate. */
    private void enterFromSource(int l, long d) {
        dist[l] = d;
        distStamp[l] = stamp;
        prevLine[l] = -1;
        prevClient[l] = topClient[l];
        prevCost[l] = topCost[l];
    }

    /** Walks the path back from the last line: each client on it enters the next line. */
    private void augment(int last) {
        int l = last;
        while (true) {
            int x = prevClient[l];
            int from = prevLine[l];
            if (from >= 0) {
                removeMember(from, x); // before addMember(from, ..) in the next step: never over capacity
            }
            addMember(l, x);
            assignedCost[x] = prevCost[l];
            if (l == last && load[l] == capacity[l]) {
                freeLines.remove(l);
            }
            if (from < 0) {
                placeFirstTime(x);
                return;
            }
            l = from;
        }
    }

    /**
     * Client x (local) has just been placed for the first time (it stays placed): copy its usable
     * arcs into the pool, and pop it from the candidate heaps where it is on top. It cannot surface
     * later: any pop that exposes a placed client is followed by the same cleaning.
     */
    private void placeFirstTime(int x) {
        int g = globalClient[x];
        poolStart[x] = poolSize;
        for (int a = arcStart[g], ae = arcStart[g + 1]; a < ae; a++) {
            int l = localLine[arcLine[a]];
            if (arcCost[a] < 0 && l >= 0) {
                if (poolSize == poolLine.length) {
                    poolLine = Arrays.copyOf(poolLine, poolSize * 2);
                    poolCost = Arrays.copyOf(poolCost, poolSize * 2);
                }
                poolLine[poolSize] = l;
                poolCost[poolSize] = arcCost[a];
                poolSize++;
                if (topClient[l] == x) {
                    refreshTop(l);
                }
            }
        }
        poolEnd[x] = poolSize;
    }

    /** Pops placed clients off line l's candidate heap and caches the new top. */
    private void refreshTop(int l) {
        while (heapSize[l] > 0 && lineOf[heapClient[heapStart[l]]] >= 0) {
            heapPop(l);
        }
        if (heapSize[l] > 0) {
            topCost[l] = heapCost[heapStart[l]];
            topClient[l] = heapClient[heapStart[l]];
            sources.put(l, topCost[l] - piBase[l]);
            if (load[l] < capacity[l]) {
                freeLines.put(l, topCost[l]);
            }
        } else {
            topClient[l] = -1;
            sources.remove(l);
            freeLines.remove(l);
        }
    }

    // load[l] is the number of members of l; net effect of augment(): +1 on the last line only.
    private void addMember(int l, int x) {
        int pos = memStart[l] + load[l]++;
        memClient[pos] = x;
        posInLine[x] = pos;
        lineOf[x] = l;
    }

    private void removeMember(int l, int x) {
        int lastPos = memStart[l] + --load[l];
        int pos = posInLine[x];
        int moved = memClient[lastPos];
        memClient[pos] = moved;
        posInLine[moved] = pos;
    }

    private void heapify(int l) {
        for (int i = heapSize[l] / 2 - 1; i >= 0; i--) {
            siftDown(heapStart[l], heapSize[l], i);
        }
    }

    private void heapPop(int l) {
        int s = heapStart[l];
        int n = --heapSize[l];
        heapCost[s] = heapCost[s + n];
        heapClient[s] = heapClient[s + n];
        siftDown(s, n, 0);
    }

    private void siftDown(int s, int n, int i) {
        long cost = heapCost[s + i];
        int client = heapClient[s + i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && heapCost[s + child + 1] < heapCost[s + child]) {
                child++;
            }
            if (heapCost[s + child] >= cost) {
                break;
            }
            heapCost[s + i] = heapCost[s + child];
            heapClient[s + i] = heapClient[s + child];
            i = child;
        }
        heapCost[s + i] = cost;
        heapClient[s + i] = client;
    }

    private void pqPush(long key, int line) {
        if (pqSize == pqKey.length) {
            pqKey = Arrays.copyOf(pqKey, pqSize * 2);
            pqLine = Arrays.copyOf(pqLine, pqSize * 2);
        }
        int i = pqSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (pqKey[parent] <= key) {
                break;
            }
            pqKey[i] = pqKey[parent];
            pqLine[i] = pqLine[parent];
            i = parent;
        }
        pqKey[i] = key;
        pqLine[i] = line;
    }

    private void pqPop() {
        int n = --pqSize;
        if (n == 0) {
            return;
        }
        long key = pqKey[n];
        int line = pqLine[n];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && pqKey[child + 1] < pqKey[child]) {
                child++;
            }
            if (pqKey[child] >= key) {
                break;
            }
            pqKey[i] = pqKey[child];
            pqLine[i] = pqLine[child];
            i = child;
        }
        pqKey[i] = key;
        pqLine[i] = line;
    }
}
