package nl.transfertafel.matching;

import java.util.Arrays;

/**
 * Exact min-cost assignment for one part of the problem, adding the clients one at a time (the
 * Hungarian method with shortest augmenting paths found by Dijkstra, as in Jonker-Volgenant).
 *
 * <h2>Model</h2>
 * Every client must take one "column": a place on one of its lines (the arc cost) or its own private
 * "unplaced" column (cost 0). A minimum-cost assignment of every client to a column is exactly an
 * optimal assignment of the problem. Only arcs with a negative cost to lines with places are used.
 *
 * <h2>Method</h2>
 * Dual values v(l) per line and u(x) per added client keep every reduced cost
 * {@code w(x,l) - u(x) - v(l)} (and {@code 0 - u(x)} for x's unplaced column) non-negative, and zero
 * on the columns in use. Adding client r is one Dijkstra over the lines from r: a full line l, once
 * reached, passes on to each of its clients (they may move), a line with a free place or the unplaced
 * column of a reached client ends the search. The cheapest such path is augmented (clients shift
 * along it; a client whose unplaced column ends it loses its place, r may itself stay unplaced) and
 * the duals of the reached lines and clients are updated so that the invariant holds again. After
 * every client is added the assignment is optimal for all of them (Kuhn-Munkres). A client that
 * stays unplaced can never be placed again: only it can reach its unplaced column.
 *
 * <p>A search costs time for the lines it reaches, never for all lines: the arrays of the search
 * are reset by a stamp, and the duals change only for reached lines and clients. Clients are added
 * with the most valuable (cheapest arc) first, so that a search rarely has to push a client out.
 */
final class ComponentSolver {

    private final int lineCount;
    private final int[] capacity;
    private final int[] load;
    private final long[] v;
    // assigned clients per line: memClient[memStart[l] .. memStart[l] + load[l] - 1]
    private final int[] memStart;
    private final int[] memClient;

    // usable arcs per local client, compressed rows: line and cost
    private final int[] arcStart;
    private final int[] arcLine;
    private final long[] arcCost;
    private final int[] lineOf;       // local line, -1 if unplaced
    private final int[] posInLine;
    private final long[] u;

    // Dijkstra state over lines, reset by stamp
    private final long[] dist;
    private final int[] distStamp;
    private final int[] doneStamp;
    private final int[] prevClient;   // client entering the line on the path
    private int stamp;
    // clients reached in the current search, with the distance of the line that reached them
    private int[] reached = new int[64];
    private long[] reachedDist = new long[64];
    private int reachedCount;
    private final int[] fromLine;     // line the reached client leaves (-1 for the root)
    private final int[] settled;
    private int settledCount;
    private int bestLine;             // set by relaxClient: a free line that became the best end
    private long[] pqKey = new long[64];
    private int[] pqLine = new int[64];
    private int pqSize;

    ComponentSolver(int[] capacity, int[] globalClient, MatchingProblem problem, int[] localLine) {
        this.lineCount = capacity.length;
        this.capacity = capacity;
        int clients = globalClient.length;
        int[] gStart = problem.arcStartArray();
        int[] gLine = problem.arcLineArray();
        long[] gCost = problem.arcCostArray();
        arcStart = new int[clients + 1];
        for (int c = 0; c < clients; c++) {
            int g = globalClient[c];
            int n = 0;
            for (int a = gStart[g]; a < gStart[g + 1]; a++) {
                if (gCost[a] < 0 && localLine[gLine[a]] >= 0) {
                    n++;
                }
            }
            arcStart[c + 1] = arcStart[c] + n;
        }
        arcLine = new int[arcStart[clients]];
        arcCost = new long[arcStart[clients]];
        int[] demand = new int[lineCount];
        for (int c = 0, k = 0; c < clients; c++) {
            int g = globalClient[c];
            for (int a = gStart[g]; a < gStart[g + 1]; a++) {
                int l = localLine[gLine[a]];
                if (gCost[a] < 0 && l >= 0) {
                    arcLine[k] = l;
                    arcCost[k] = gCost[a];
                    demand[l]++;
                    k++;
                }
            }
        }
        memStart = new int[lineCount + 1];
        for (int l = 0; l < lineCount; l++) {
            memStart[l + 1] = memStart[l] + Math.min(capacity[l], demand[l]);
        }
        memClient = new int[memStart[lineCount]];
        load = new int[lineCount];
        v = new long[lineCount];
        lineOf = new int[clients];
        Arrays.fill(lineOf, -1);
        posInLine = new int[clients];
        u = new long[clients];
        dist = new long[lineCount];
        distStamp = new int[lineCount];
        doneStamp = new int[lineCount];
        prevClient = new int[lineCount];
        fromLine = new int[clients];
        settled = new int[lineCount];
    }

    /** Adds every client with a usable arc; afterwards {@link #lineOf(int)} is an optimal assignment. */
    void solve() {
        int clients = lineOf.length;
        // most valuable first, by the cheapest usable arc (any order is exact; this one is fast)
        long[] cheapest = new long[clients];
        int n = 0;
        for (int c = 0; c < clients; c++) {
            for (int a = arcStart[c]; a < arcStart[c + 1]; a++) {
                cheapest[c] = Math.min(cheapest[c], arcCost[a]);
            }
            if (cheapest[c] < 0) {
                n++;
            }
        }
        Integer[] order = new Integer[n];
        for (int c = 0, k = 0; c < clients; c++) {
            if (cheapest[c] < 0) {
                order[k++] = c;
            }
        }
        Arrays.sort(order, (a, b) -> Long.compare(cheapest[a], cheapest[b]));
        for (int c : order) {
            add(c);
        }
    }

    /** Local line of local client {@code c}, or -1. */
    int lineOf(int c) {
        return lineOf[c];
    }

    /** Adds client r: one Dijkstra, one augmentation, dual update. */
    private void add(int r) {
        stamp++;
        pqSize = 0;
        reachedCount = 0;
        settledCount = 0;
        // the best end found so far: a free line (endLine >= 0) or an unplaced column (endClient)
        long best = 0; // r's own unplaced column: 0 - u(r), and u(r) = 0 before the search
        int endLine = -1;
        int endClient = r;
        fromLine[r] = -1;
        addReached(r, 0);
        best = relaxClient(r, 0, 0, best); // from r the reduced costs may be negative: r is the only start
        if (bestLine >= 0) {
            endLine = bestLine;
            endClient = -1;
        }
        while (pqSize > 0) {
            long d = pqKey[0];
            if (d >= best) {
                break;
            }
            int l = pqLine[0];
            pqPop();
            if (doneStamp[l] == stamp || d > dist[l]) {
                continue;
            }
            doneStamp[l] = stamp;
            settled[settledCount++] = l;
            // a reached line is full (a free one ends the search before it is settled)
            for (int m = memStart[l], end = memStart[l] + load[l]; m < end; m++) {
                int x = memClient[m];
                fromLine[x] = l;
                addReached(x, d);
                // x's unplaced column: reduced cost 0 - u(x)
                long leave = d - u[x];
                if (leave < best) {
                    best = leave;
                    endLine = -1;
                    endClient = x;
                }
                best = relaxClient(x, d, u[x], best);
                if (bestLine >= 0) {
                    endLine = bestLine;
                    endClient = -1;
                }
            }
        }
        // dual update: reached clients u += best - d(row), settled lines v -= best - d(line)
        for (int i = 0; i < reachedCount; i++) {
            u[reached[i]] += best - reachedDist[i];
        }
        for (int i = 0; i < settledCount; i++) {
            int l = settled[i];
            v[l] -= best - dist[l];
        }
        // augment
        if (endLine >= 0) {
            shiftInto(endLine);
        } else {
            int x = endClient;
            int l = fromLine[x];
            if (l >= 0) {
                // x gives up its place on l to the path that ends here
                removeMember(l, x);
                lineOf[x] = -1;
                shiftInto(l);
            }
            // else: r stays unplaced; its unplaced column is tight (u(r) = best = 0 - v(dummy))
        }
    }

    /**
     * Relaxes the arcs of reached client x (at row distance d, dual ux): returns the new best end;
     * sets {@link #bestLine} to a free line that became the best end, else -1.
     */
    private long relaxClient(int x, long d, long ux, long best) {
        bestLine = -1;
        int own = lineOf[x];
        for (int a = arcStart[x], ae = arcStart[x + 1]; a < ae; a++) {
            int l = arcLine[a];
            if (l == own || doneStamp[l] == stamp) {
                continue;
            }
            long nd = d + arcCost[a] - ux - v[l];
            if (nd < best && (distStamp[l] != stamp || nd < dist[l])) {
                dist[l] = nd;
                distStamp[l] = stamp;
                prevClient[l] = x;
                if (load[l] < capacity[l]) {
                    best = nd;
                    bestLine = l;
                } else {
                    pqPush(nd, l);
                }
            }
        }
        return best;
    }

    /**
     * Walks the path back from line l (which gains the entering client): each client on the path
     * enters the next line and leaves its own; only l ends up with one more client.
     */
    private void shiftInto(int l) {
        while (true) {
            int x = prevClient[l];
            int from = fromLine[x];
            if (from >= 0) {
                removeMember(from, x); // first, so that 'from' is never over its places
            }
            addMember(l, x);
            if (from < 0) {
                return;
            }
            l = from;
        }
    }

    private void addReached(int x, long d) {
        if (reachedCount == reached.length) {
            reached = Arrays.copyOf(reached, reachedCount * 2);
            reachedDist = Arrays.copyOf(reachedDist, reachedCount * 2);
        }
        reached[reachedCount] = x;
        reachedDist[reachedCount++] = d;
    }

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
