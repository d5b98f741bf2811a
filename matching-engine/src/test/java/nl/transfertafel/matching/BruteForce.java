package nl.transfertafel.matching;

/** Exhaustive search over every client's choice (unplaced or one eligible line), for tiny problems. */
final class BruteForce {

    private BruteForce() {
    }

    static long optimum(MatchingProblem p) {
        return search(p, 0, new int[p.lineCount()]);
    }

    private static long search(MatchingProblem p, int client, int[] load) {
        if (client == p.clientCount()) {
            return 0;
        }
        long best = search(p, client + 1, load); // unplaced
        for (int a = p.firstArc(client); a < p.endArc(client); a++) {
            int l = p.arcLine(a);
            if (load[l] < p.places(l)) {
                load[l]++;
                best = Math.min(best, p.arcCost(a) + search(p, client + 1, load));
                load[l]--;
            }
        }
        return best;
    }
}
