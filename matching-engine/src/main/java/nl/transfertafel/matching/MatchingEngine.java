package nl.transfertafel.matching;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Solves a {@link MatchingProblem} exactly: minimum total cost, each client on at most one eligible
 * line, no line over its places.
 *
 * <p>The problem is first split into independent parts (lines connected through clients with a
 * usable arc; in practice the regions). Each part is solved by adding its clients one at a time,
 * each with one shortest augmenting path over the lines (the Hungarian method with Dijkstra, see
 * {@code ComponentSolver}); parts are solved in parallel on up to {@code parallelism} threads.
 * Instances are immutable and thread-safe.
 */
public final class MatchingEngine {

    private final int parallelism;

    /** An engine using all available processors for independent parts. */
    public MatchingEngine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** An engine using at most {@code parallelism} threads (1 = solve in the calling thread). */
    public MatchingEngine(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1");
        }
        this.parallelism = parallelism;
    }

    /** Returns an optimal assignment. Arcs with cost &ge; 0 are never used. */
    public Assignment solve(MatchingProblem problem) {
        Components parts = Components.of(problem);
        int[] lineOf = new int[problem.clientCount()];
        Arrays.fill(lineOf, Assignment.UNPLACED);
        int threads = Math.min(parallelism, parts.count());
        if (threads <= 1) {
            for (int k = 0; k < parts.count(); k++) {
                solvePart(problem, parts, k, lineOf);
            }
        } else {
            runParallel(problem, parts, lineOf, threads);
        }
        return Assignment.of(problem, lineOf);
    }

    private static void runParallel(MatchingProblem problem, Components parts, int[] lineOf, int threads) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int k;
            while (failure.get() == null && (k = next.getAndIncrement()) < parts.count()) {
                try {
                    solvePart(problem, parts, parts.bySizeDescending[k], lineOf);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        Thread[] helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(worker, "matching-engine-" + i);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        worker.run();
        for (Thread helper : helpers) {
            try {
                helper.join(); // also publishes the helpers' writes to lineOf
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while solving", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("solving a part failed", failure.get());
        }
    }

    /** Solves part k and writes global line indices into lineOf. */
    private static void solvePart(MatchingProblem problem, Components parts, int k, int[] lineOf) {
        int[] lines = Arrays.copyOfRange(parts.lines, parts.lineStart[k], parts.lineStart[k + 1]);
        int[] clients = Arrays.copyOfRange(parts.clients, parts.clientStart[k], parts.clientStart[k + 1]);
        int[] capacity = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            capacity[i] = problem.places(lines[i]);
        }
        ComponentSolver solver = new ComponentSolver(capacity, clients, problem, parts.localLine);
        solver.solve();
        for (int i = 0; i < clients.length; i++) {
            int local = solver.lineOf(i);
            if (local >= 0) {
                lineOf[clients[i]] = lines[local];
            }
        }
    }

    /**
     * Independent parts: lines joined by clients that have usable arcs (negative cost, line with
     * places) to both. Clients without a usable arc stay unplaced and belong to no part.
     */
    static final class Components {
        final int[] lineStart;   // per part, into lines
        final int[] lines;       // global line indices grouped by part
        final int[] localLine;   // global line -> index within its part
        final int[] clientStart; // per part, into clients
        final int[] clients;     // global client indices grouped by part
        final int[] bySizeDescending;

        private Components(int[] lineStart, int[] lines, int[] localLine, int[] clientStart, int[] clients) {
            this.lineStart = lineStart;
            this.lines = lines;
            this.localLine = localLine;
            this.clientStart = clientStart;
            this.clients = clients;
            int n = count();
            long[] keyed = new long[n];
            for (int k = 0; k < n; k++) {
                long size = (long) (clientStart[k + 1] - clientStart[k]) + (lineStart[k + 1] - lineStart[k]);
                keyed[k] = (-size << 32) | k;
            }
            Arrays.sort(keyed);
            bySizeDescending = new int[n];
            for (int k = 0; k < n; k++) {
                bySizeDescending[k] = (int) (keyed[k] & 0xffffffffL);
            }
        }

        int count() {
            return clientStart.length - 1;
        }

        static boolean usable(MatchingProblem problem, int arc) {
            return problem.arcCost(arc) < 0 && problem.places(problem.arcLine(arc)) > 0;
        }

        static Components of(MatchingProblem problem) {
            int lineCount = problem.lineCount();
            int clientCount = problem.clientCount();
            int[] parent = new int[lineCount];
            for (int l = 0; l < lineCount; l++) {
                parent[l] = l;
            }
            int[] anchor = new int[clientCount]; // a line of the client, or -1
            int[] arcStart = problem.arcStartArray();
            int[] arcLine = problem.arcLineArray();
            long[] arcCost = problem.arcCostArray();
            int[] places = problem.placesArray();
            for (int c = 0; c < clientCount; c++) {
                anchor[c] = -1;
                int root = -1;
                for (int a = arcStart[c]; a < arcStart[c + 1]; a++) {
                    int l = arcLine[a];
                    if (arcCost[a] >= 0 || places[l] == 0) {
                        continue; // not usable
                    }
                    if (root < 0) {
                        anchor[c] = l;
                        root = find(parent, l);
                    } else {
                        int other = find(parent, l);
                        if (other != root) {
                            parent[other] = root; // root stays the root of the client's lines
                        }
                    }
                }
            }
            // number the parts by their root; only lines reached by some client form a part
            int[] partOfRoot = new int[lineCount];
            Arrays.fill(partOfRoot, -1);
            int parts = 0;
            int[] clientsPerPart = new int[Math.max(1, lineCount)];
            for (int c = 0; c < clientCount; c++) {
                if (anchor[c] >= 0) {
                    int root = find(parent, anchor[c]);
                    if (partOfRoot[root] < 0) {
                        partOfRoot[root] = parts++;
                    }
                    clientsPerPart[partOfRoot[root]]++;
                }
            }
            int[] clientStart = new int[parts + 1];
            for (int k = 0; k < parts; k++) {
                clientStart[k + 1] = clientStart[k] + clientsPerPart[k];
            }
            int[] fill = Arrays.copyOf(clientStart, parts);
            int[] clients = new int[clientStart[parts]];
            for (int c = 0; c < clientCount; c++) {
                if (anchor[c] >= 0) {
                    clients[fill[partOfRoot[find(parent, anchor[c])]]++] = c;
                }
            }
            int[] linesPerPart = new int[parts + 1];
            int[] partOfLine = new int[lineCount];
            for (int l = 0; l < lineCount; l++) {
                int root = find(parent, l);
                partOfLine[l] = partOfRoot[root];
                // a line whose root has no client has no usable arc: it belongs to no part
                if (partOfLine[l] >= 0) {
                    linesPerPart[partOfLine[l] + 1]++;
                }
            }
            int[] lineStart = new int[parts + 1];
            for (int k = 0; k < parts; k++) {
                lineStart[k + 1] = lineStart[k] + linesPerPart[k + 1];
            }
            int[] lineFill = Arrays.copyOf(lineStart, parts);
            int[] lines = new int[lineStart[parts]];
            int[] localLine = new int[lineCount];
            Arrays.fill(localLine, -1);
            for (int l = 0; l < lineCount; l++) {
                int k = partOfLine[l];
                if (k >= 0) {
                    localLine[l] = lineFill[k] - lineStart[k];
                    lines[lineFill[k]++] = l;
                }
            }
            return new Components(lineStart, lines, localLine, clientStart, clients);
        }

        private static int find(int[] parent, int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

    }
}
