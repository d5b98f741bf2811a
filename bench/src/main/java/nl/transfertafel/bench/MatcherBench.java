package nl.transfertafel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import nl.transfertafel.matching.Assignment;
import nl.transfertafel.matching.MatchingEngine;
import nl.transfertafel.matching.MatchingProblem;

/**
 * Benchmark harness (not a test): the matching engine against OR-Tools' SimpleMinCostFlow on a
 * region (5,000 clients x 300 lines) and on the country (100,000 clients x 3,000 lines in 30
 * regions).
 *
 * <ul>
 *   <li>Engine time: {@code MatchingEngine.solve(problem)} on a built {@link MatchingProblem}
 *       (includes splitting into regions, solving them on 2 threads, validating the result).</li>
 *   <li>OR-Tools time: {@code solve()} only; the graph is built before the clock starts (the build
 *       time is printed separately). For the country three OR-Tools set-ups are timed: one graph,
 *       30 regional graphs solved one after another, and 30 regional graphs on 2 threads; the
 *       fastest is the reference ({@code ortools_national_ms}).</li>
 *   <li>Each time is the median over {@code runs} runs after {@code warmups} warm-up runs; engine and
 *       OR-Tools runs alternate, with a GC before each run, so background load hits both alike.</li>
 * </ul>
 * Exits with status 1 if an objective or placed count differs.
 *
 * <p>Also the worst cases of augmenting-path solvers: long chains with priority costs
 * ({@link InstanceGenerator#priorityChain}, 5,001 and 10,001 clients; on request also the unit-cost
 * chain {@link InstanceGenerator#chain}, part {@code unitchain}, on which OR-Tools takes minutes) and
 * large sparse one-to-one instances
 * ({@link InstanceGenerator#sparseOneToOne}, 5,000 x 5,000 and 20,000 x 20,000, 5 arcs per client).
 *
 * <p>Usage: {@code MatcherBench [warmups] [runs] [seed] [parts]}, defaults 3 9 20240601 and all
 * parts ({@value #ALL}); e.g. {@code 3 9 20240601 chain,sparse} runs only the worst cases.
 */
public final class MatcherBench {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final String ALL = "chain,sparse,region,national,readmodel";
    /** An OR-Tools solve slower than this is timed once only (its long-chain runs take minutes). */
    private static final int SLOW_MS = 5_000;
    private static boolean allEqual = true;

    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20240601L;
        OrToolsReference.loadNativeLibraries();
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB, warmups %d, runs %d, seed %d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, warmups, runs, seed);

        java.util.Set<String> parts = java.util.Set.of((args.length > 3 ? args[3] : ALL).split(","));
        MatchingEngine engine = new MatchingEngine();
        StringBuilder summary = new StringBuilder();

        // ---- the worst cases of augmenting-path solvers: long chains, large sparse one-to-one instances
        if (parts.contains("chain")) {
            for (int n : new int[] {5_000, 10_000}) {
                MatchingProblem chain = InstanceGenerator.priorityChain(seed, n);
                double[] ms = compare("chain" + chain.clientCount(), chain, engine, warmups, runs);
                summary.append(String.format(Locale.ROOT, "chain%d_ms=%.1f ortools_chain%d_ms=%.1f ",
                        chain.clientCount(), ms[0], chain.clientCount(), ms[1]));
            }
        }
        if (parts.contains("unitchain")) { // not in the default set: OR-Tools takes minutes on it
            for (int n : new int[] {5_000, 10_000}) {
                MatchingProblem chain = InstanceGenerator.chain(n);
                double[] ms = compare("unitchain" + chain.clientCount(), chain, engine, warmups, runs);
                summary.append(String.format(Locale.ROOT, "unitchain%d_ms=%.1f ortools_unitchain%d_ms=%.1f ",
                        chain.clientCount(), ms[0], chain.clientCount(), ms[1]));
            }
        }
        if (parts.contains("sparse")) {
            for (int n : new int[] {5_000, 20_000}) {
                MatchingProblem sparse = InstanceGenerator.sparseOneToOne(seed, n, 5);
                double[] ms = compare("sparse" + n, sparse, engine, warmups, runs);
                summary.append(String.format(Locale.ROOT, "sparse%d_ms=%.1f ortools_sparse%d_ms=%.1f ",
                        n, ms[0], n, ms[1]));
            }
        }
        if (!summary.isEmpty()) {
            System.out.println(summary.toString().trim());
        }
        if (!parts.contains("region") && !parts.contains("national")) {
            exitIfDifferent();
            return;
        }

        long before = usedHeapAfterGc();
        MatchingProblem national = InstanceGenerator.national(seed);
        long after = usedHeapAfterGc();
        double heapMib = (after - before) / (1024.0 * 1024.0);
        System.out.printf(Locale.ROOT, "national model: %,d clients, %,d lines, %,d arcs; heap %.1f MiB%n",
                national.clientCount(), national.lineCount(), national.arcCount(), heapMib);
        MatchingProblem region = InstanceGenerator.region(seed);
        double[] regionMs = compare("region", region, engine, warmups, runs);

        // ---- national
        MatchingProblem[] regions = InstanceGenerator.nationalByRegion(seed);
        Timed nationalEngine = new Timed();
        Timed orPerRegion = new Timed();
        Timed orPerRegion2 = new Timed();
        Timed orPerRegionBuild = new Timed();
        for (int i = 0; i < warmups + runs; i++) {
            boolean measured = i >= warmups;
            nationalEngine.run(measured, () -> engine.solve(national));
            System.gc();
            OrToolsReference[] graphs = new OrToolsReference[regions.length];
            long t0 = System.nanoTime();
            for (int r = 0; r < regions.length; r++) {
                graphs[r] = new OrToolsReference(regions[r]);
            }
            long t1 = System.nanoTime();
            orPerRegionBuild.add(measured, t1 - t0, null);
            long[] sum = new long[2];
            for (OrToolsReference g : graphs) {
                sum[0] += g.solve();
                sum[1] += g.placed();
            }
            long t2 = System.nanoTime();
            orPerRegion.add(measured, t2 - t1, sum);
            System.gc();
            long[] sum2 = solveOnTwoThreads(graphs);
            long t3 = System.nanoTime();
            sum2 = solveOnTwoThreads(graphs); // solve() on an already solved graph re-solves; time this one
            long t4 = System.nanoTime();
            orPerRegion2.add(measured, t4 - t3, sum2);
            for (OrToolsReference g : graphs) {
                g.close();
            }
        }
        Timed orSingle = new Timed();
        Timed orSingleBuild = new Timed();
        int singleRuns = Math.max(1, Math.min(3, runs));
        for (int i = 0; i < 1 + singleRuns; i++) {
            System.gc();
            long t0 = System.nanoTime();
            try (OrToolsReference or = new OrToolsReference(national)) {
                long t1 = System.nanoTime();
                long objective = or.solve();
                long t2 = System.nanoTime();
                orSingle.add(i >= 1, t2 - t1, new long[] {objective, or.placed()});
                orSingleBuild.add(i >= 1, t1 - t0, null);
            }
        }
        System.out.printf(Locale.ROOT, "national OR-Tools set-ups (solve only): one graph %.1f ms (build %.1f ms), "
                        + "30 regional graphs %.1f ms (build %.1f ms), 30 regional graphs on 2 threads %.1f ms%n",
                orSingle.median(), orSingleBuild.median(), orPerRegion.median(), orPerRegionBuild.median(),
                orPerRegion2.median());
        check("national, OR-Tools one graph vs engine", nationalEngine.result, orSingle.result);
        check("national, OR-Tools 30 regions vs engine", nationalEngine.result, orPerRegion.result);
        check("national, OR-Tools 30 regions on 2 threads vs engine", nationalEngine.result, orPerRegion2.result);
        Timed best = orSingle;
        for (Timed t : new Timed[] {orPerRegion, orPerRegion2}) {
            if (t.median() < best.median()) {
                best = t;
            }
        }
        report("national", nationalEngine, best, Double.NaN);

        if (!parts.contains("readmodel")) {
            System.out.printf(Locale.ROOT, "region_ms=%.1f national_ms=%.1f ortools_region_ms=%.1f ortools_national_ms=%.1f heap_mib=%.1f%n",
                    regionMs[0], nationalEngine.median(), regionMs[1], best.median(), heapMib);
            exitIfDifferent();
            return;
        }

        // ---- the transfer table's read model for the country, and its full rounds (eligibility + engine + explanations)
        long rmBefore = usedHeapAfterGc();
        java.util.List<nl.transfertafel.transfertable.matching.domain.MatchRound.Snapshot> country =
                ReadModelBench.country(seed);
        long rmAfter = usedHeapAfterGc();
        double readModelMib = (rmAfter - rmBefore) / (1024.0 * 1024.0);
        Timed rounds = new Timed();
        Timed regionRound = new Timed();
        int[] made = null;
        for (int i = 0; i < warmups + runs; i++) {
            boolean measured = i >= warmups;
            System.gc();
            long t0 = System.nanoTime();
            made = ReadModelBench.roundAll(country);
            long t1 = System.nanoTime();
            rounds.add(measured, t1 - t0, null);
            long t2 = System.nanoTime();
            ReadModelBench.roundOne(country.get(0));
            regionRound.add(measured, System.nanoTime() - t2, null);
        }
        System.out.printf(Locale.ROOT, "read model (transfer-table-service domain): %,d clients, %,d lines in %d regions;"
                        + " heap %.1f MiB (engine problem alone: %.1f MiB)%n", ReadModelBench.CLIENTS,
                ReadModelBench.REGIONS * ReadModelBench.LINES_PER_REGION, ReadModelBench.REGIONS, readModelMib, heapMib);
        System.out.printf(Locale.ROOT, "full matching rounds (all eligibility policies, engine, runner-ups, blocked"
                        + " alternatives): one region %.1f ms, all 30 regions one after another %.1f ms;"
                        + " %,d proposals, %,d contract blocks%n", regionRound.median(), rounds.median(), made[0], made[1]);
        System.out.printf(Locale.ROOT, "readmodel_heap_mib=%.1f problem_heap_mib=%.1f round_region_ms=%.1f round_national_ms=%.1f%n",
                readModelMib, heapMib, regionRound.median(), rounds.median());
        System.out.printf(Locale.ROOT, "region_ms=%.1f national_ms=%.1f ortools_region_ms=%.1f ortools_national_ms=%.1f heap_mib=%.1f%n",
                regionMs[0], nationalEngine.median(), regionMs[1], best.median(),
                Math.max(readModelMib, heapMib));
        exitIfDifferent();
    }

    private static void exitIfDifferent() {
        if (!allEqual) {
            System.err.println("FAIL: engine and OR-Tools disagree");
            System.exit(1);
        }
    }

    /**
     * Times the engine and OR-Tools (solve only, graph built before the clock) on one problem,
     * alternating; prints the comparison and returns {engine median ms, OR-Tools median ms}.
     */
    private static double[] compare(String name, MatchingProblem problem, MatchingEngine engine, int warmups, int runs) {
        System.out.printf(Locale.ROOT, "%s model: %,d clients, %,d lines, %,d arcs%n",
                name, problem.clientCount(), problem.lineCount(), problem.arcCount());
        Timed engineTime = new Timed();
        Timed orTime = new Timed();
        Timed orBuild = new Timed();
        boolean orToolsSlow = false;
        for (int i = 0; i < warmups + runs; i++) {
            boolean measured = i >= warmups;
            engineTime.run(measured, () -> engine.solve(problem));
            if (orToolsSlow && (!measured || orTime.count() > 0)) {
                continue; // OR-Tools took over SLOW_MS: one warm-up and one measured run are enough
            }
            System.gc();
            long t0 = System.nanoTime();
            try (OrToolsReference or = new OrToolsReference(problem)) {
                long t1 = System.nanoTime();
                long objective = or.solve();
                long t2 = System.nanoTime();
                orTime.add(measured, t2 - t1, new long[] {objective, or.placed()});
                orBuild.add(measured, t1 - t0, null);
                orToolsSlow |= (t2 - t1) / 1e6 > SLOW_MS;
            }
        }
        if (orTime.count() == 0) { // every OR-Tools run was a warm-up: time one
            long t0 = System.nanoTime();
            try (OrToolsReference or = new OrToolsReference(problem)) {
                long t1 = System.nanoTime();
                long objective = or.solve();
                orTime.add(true, System.nanoTime() - t1, new long[] {objective, or.placed()});
                orBuild.add(true, t1 - t0, null);
            }
        }
        if (orTime.count() < runs) {
            System.out.printf(Locale.ROOT, "%s: OR-Tools took over %d ms per solve, timed %d time(s) only%n",
                    name, SLOW_MS, orTime.count());
        }
        report(name, engineTime, orTime, orBuild.median());
        return new double[] {engineTime.median(), orTime.median()};
    }

    private static long[] solveOnTwoThreads(OrToolsReference[] graphs) {
        AtomicInteger next = new AtomicInteger();
        long[][] sums = new long[2][2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            long[] sum = sums[t];
            threads[t] = new Thread(() -> {
                int r;
                while ((r = next.getAndIncrement()) < graphs.length) {
                    sum[0] += graphs[r].solve();
                    sum[1] += graphs[r].placed();
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return new long[] {sums[0][0] + sums[1][0], sums[0][1] + sums[1][1]};
    }

    private static void report(String name, Timed engine, Timed orTools, double orBuildMs) {
        check(name, engine.result, orTools.result);
        System.out.printf(Locale.ROOT,
                "%-8s engine %7.1f ms | OR-Tools %7.1f ms%s | ratio engine/OR-Tools %.2f%n"
                        + "         objective engine %d, OR-Tools %d: %s | placed engine %d, OR-Tools %d%n",
                name, engine.median(), orTools.median(),
                Double.isNaN(orBuildMs) ? "" : String.format(Locale.ROOT, " (+ graph build %.1f ms)", orBuildMs),
                engine.median() / orTools.median(), engine.result[0], orTools.result[0],
                engine.result[0] == orTools.result[0] ? "EQUAL" : "DIFFERENT", engine.result[1], orTools.result[1]);
    }

    private static void check(String what, long[] engine, long[] orTools) {
        if (engine[0] != orTools[0] || engine[1] != orTools[1]) {
            allEqual = false;
            System.out.printf(Locale.ROOT, "MISMATCH %s: objective %d vs %d, placed %d vs %d%n",
                    what, engine[0], orTools[0], engine[1], orTools[1]);
        }
    }

    /** Collects measured durations and the last {objective, placed}. */
    private static final class Timed {
        private double[] ms = new double[0];
        long[] result;

        void run(boolean measured, java.util.function.Supplier<Assignment> solve) {
            System.gc();
            long t0 = System.nanoTime();
            Assignment a = solve.get();
            long t1 = System.nanoTime();
            add(measured, t1 - t0, new long[] {a.objective(), a.placedCount()});
        }

        void add(boolean measured, long nanos, long[] objectiveAndPlaced) {
            if (objectiveAndPlaced != null) {
                result = objectiveAndPlaced;
            }
            if (measured) {
                ms = Arrays.copyOf(ms, ms.length + 1);
                ms[ms.length - 1] = nanos / 1e6;
            }
        }

        int count() {
            return ms.length;
        }

        double median() {
            double[] s = ms.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private MatcherBench() {
    }
}
