package nl.transfertafel.matching;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An immutable assignment problem: clients, capacity lines with a number of places, and the eligible
 * (client, line) arcs, each with an integer cost. Any (client, line) pair without an arc is not
 * eligible and will never be assigned.
 *
 * <p>The objective is to minimise the sum of the costs of the used arcs; an unplaced client costs 0.
 * So an arc with a negative cost is worth using, an arc with cost &ge; 0 never is.
 *
 * <p>Clients and lines are addressed by the dense index that {@link Builder#addClient} and
 * {@link Builder#addLine} return. Arcs are stored compactly per client (compressed sparse rows):
 * the arcs of client {@code c} are the indices {@code firstArc(c) .. endArc(c)-1}.
 */
public final class MatchingProblem {

    /** Largest accepted absolute arc cost (2^50), so that sums of path costs cannot overflow a long. */
    public static final long MAX_ABS_COST = 1L << 50;

    private final String[] clientIds;
    private final String[] lineIds;
    private final int[] places;
    private final int[] arcStart; // per client, length clients+1
    private final int[] arcLine;
    private final long[] arcCost;

    private MatchingProblem(String[] clientIds, String[] lineIds, int[] places,
                            int[] arcStart, int[] arcLine, long[] arcCost) {
        this.clientIds = clientIds;
        this.lineIds = lineIds;
        this.places = places;
        this.arcStart = arcStart;
        this.arcLine = arcLine;
        this.arcCost = arcCost;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int clientCount() { return clientIds.length; }

    public int lineCount() { return lineIds.length; }

    public int arcCount() { return arcLine.length; }

    public String clientId(int client) { return clientIds[client]; }

    public String lineId(int line) { return lineIds[line]; }

    public int places(int line) { return places[line]; }

    /** Index of the first arc of {@code client}. */
    public int firstArc(int client) { return arcStart[client]; }

    /** One past the index of the last arc of {@code client}. */
    public int endArc(int client) { return arcStart[client + 1]; }

    public int arcLine(int arc) { return arcLine[arc]; }

    public long arcCost(int arc) { return arcCost[arc]; }

    // raw arrays for the engine (same package, read-only by convention)
    int[] arcStartArray() { return arcStart; }

    int[] arcLineArray() { return arcLine; }

    long[] arcCostArray() { return arcCost; }

    int[] placesArray() { return places; }

    /** The cost of the arc (client, line), or empty if the client is not eligible for the line. */
    public OptionalLong cost(int client, int line) {
        for (int a = arcStart[client]; a < arcStart[client + 1]; a++) {
            if (arcLine[a] == line) {
                return OptionalLong.of(arcCost[a]);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Collects clients, lines and arcs. Not thread-safe; {@link #build()} validates and freezes.
     */
    public static final class Builder {
        private String[] clientIds = new String[16];
        private int clients;
        private String[] lineIds = new String[16];
        private int[] places = new int[16];
        private int lines;
        private int[] fromClient = new int[64];
        private int[] toLine = new int[64];
        private long[] costs = new long[64];
        private int arcs;

        private Builder() {
        }

        /** Adds a client and returns its index (0, 1, 2, ... in order of addition). */
        public int addClient(String id) {
            Objects.requireNonNull(id, "id");
            if (clients == clientIds.length) {
                clientIds = Arrays.copyOf(clientIds, clients * 2);
            }
            clientIds[clients] = id;
            return clients++;
        }

        /** Adds a capacity line with the given number of free places and returns its index. */
        public int addLine(String id, int places) {
            Objects.requireNonNull(id, "id");
            if (places < 0) {
                throw new IllegalArgumentException("places must be >= 0, was " + places + " for line " + id);
            }
            if (lines == lineIds.length) {
                lineIds = Arrays.copyOf(lineIds, lines * 2);
                this.places = Arrays.copyOf(this.places, lines * 2);
            }
            lineIds[lines] = id;
            this.places[lines] = places;
            return lines++;
        }

        /** Declares that {@code client} is eligible for {@code line}, at the given cost. */
        public Builder addArc(int client, int line, long cost) {
            if (client < 0 || client >= clients) {
                throw new IllegalArgumentException("unknown client index " + client);
            }
            if (line < 0 || line >= lines) {
                throw new IllegalArgumentException("unknown line index " + line);
            }
            if (cost > MAX_ABS_COST || cost < -MAX_ABS_COST) {
                throw new IllegalArgumentException("cost out of range +-2^50: " + cost);
            }
            if (arcs == toLine.length) {
                int n = arcs * 2;
                fromClient = Arrays.copyOf(fromClient, n);
                toLine = Arrays.copyOf(toLine, n);
                costs = Arrays.copyOf(costs, n);
            }
            fromClient[arcs] = client;
            toLine[arcs] = line;
            costs[arcs] = cost;
            arcs++;
            return this;
        }

        /**
         * Validates (no duplicate arc for the same client and line) and returns the immutable problem.
         * Arcs keep their order of addition within each client.
         */
        public MatchingProblem build() {
            int[] start = new int[clients + 1];
            for (int a = 0; a < arcs; a++) {
                start[fromClient[a] + 1]++;
            }
            for (int c = 0; c < clients; c++) {
                start[c + 1] += start[c];
            }
            int[] fill = Arrays.copyOf(start, clients);
            int[] line = new int[arcs];
            long[] cost = new long[arcs];
            for (int a = 0; a < arcs; a++) {
                int pos = fill[fromClient[a]]++;
                line[pos] = toLine[a];
                cost[pos] = costs[a];
            }
            int[] seenBy = new int[lines];
            Arrays.fill(seenBy, -1);
            for (int c = 0; c < clients; c++) {
                for (int a = start[c]; a < start[c + 1]; a++) {
                    if (seenBy[line[a]] == c) {
                        throw new IllegalArgumentException("duplicate arc for client " + clientIds[c]
                                + " and line " + lineIds[line[a]]);
                    }
                    seenBy[line[a]] = c;
                }
            }
            return new MatchingProblem(Arrays.copyOf(clientIds, clients), Arrays.copyOf(lineIds, lines),
                    Arrays.copyOf(places, lines), start, line, cost);
        }
    }
}
