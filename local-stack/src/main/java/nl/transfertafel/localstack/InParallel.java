package nl.transfertafel.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Sends the demo data's independent requests a few at a time. One after another, each request waits for its
 * own commit (with durable settings an fsync each: the cluster's demo load took over a minute on two cores);
 * a few at once let PostgreSQL commit them together. Requests of one step (all providers, then all
 * contracts, ...) do not depend on each other; the steps still run in order.
 */
final class InParallel {

    /** Requests in flight at once: enough to overlap commits, few enough not to crowd a starting JVM. */
    static final int REQUESTS = 6;

    private InParallel() {
    }

    /** {@code action} applied to every item, at most {@link #REQUESTS} at a time; the results in the items' order. */
    static <T, R> List<R> map(List<T> items, Function<T, R> action) {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS, runnable -> {
            Thread thread = new Thread(runnable, "demo-data");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> running = new ArrayList<>();
            for (T item : items) {
                running.add(pool.submit(() -> action.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> result : running) {
                results.add(result.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading demo data", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
