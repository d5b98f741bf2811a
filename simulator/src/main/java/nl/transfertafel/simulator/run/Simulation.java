package nl.transfertafel.simulator.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.transfertafel.simulator.world.Parameters;
import nl.transfertafel.simulator.world.RegionWorld;
import nl.transfertafel.simulator.world.Scenario;

/**
 * Runs every (region, policy) pair on its own state, on a few threads, and merges the regions per
 * policy. Every pair starts from the same world and random streams, so policies are compared on
 * common random numbers; the order in which threads finish does not change any figure.
 */
public final class Simulation {

    private final Parameters parameters;
    private final Scenario scenario;
    private final int threads;

    public Simulation(Parameters parameters, Scenario scenario, int threads) {
        this.parameters = parameters;
        this.scenario = scenario;
        this.threads = Math.max(1, threads);
    }

    /** Total days to simulate for the given runs (for a progress bar). */
    public long work(List<RegionWorld> worlds, int policies) {
        int days = parameters.days("days.warmup") + parameters.days("days.measured") + parameters.days("days.runout");
        return (long) days * worlds.size() * policies;
    }

    /** Figures per policy name, in the order given, summed over the regions. */
    public Map<String, RunMetrics> run(List<RegionWorld> worlds, Map<String, Supplier<TransferPolicy>> policies,
            AtomicLong progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "simulation");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, List<Future<RunMetrics>>> futures = new LinkedHashMap<>();
            for (Map.Entry<String, Supplier<TransferPolicy>> policy : policies.entrySet()) {
                List<Future<RunMetrics>> perRegion = new ArrayList<>();
                for (RegionWorld world : worlds) {
                    perRegion.add(pool.submit(() -> new RegionRun(world, parameters, scenario, policy.getValue().get())
                            .run(day -> progress.incrementAndGet())));
                }
                futures.put(policy.getKey(), perRegion);
            }
            Map<String, RunMetrics> results = new LinkedHashMap<>();
            for (Map.Entry<String, List<Future<RunMetrics>>> e : futures.entrySet()) {
                RunMetrics total = new RunMetrics();
                for (Future<RunMetrics> f : e.getValue()) {
                    total.mergeFrom(f.get()); // merged in region order: the same figures whatever finished first
                }
                results.put(e.getKey(), total);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
