package nl.transfertafel.platform.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The one way a service runs something on a schedule (the outbox relay, clocks, housekeeping,
 * expiry, dispatch): on its own daemon thread, a fixed delay after the previous run ended, started
 * and stopped with the application context. A failing run is logged and counted
 * ({@code transfertafel.jobs.failures{job}}) and the next one runs as planned; every run is timed
 * ({@code transfertafel.jobs.runs{job}}). The work itself reads time from the injected Clock and is
 * callable directly from tests, so no test waits for a schedule. {@link #wake()} runs it at once when
 * something changed, so a job woken by events can poll slowly. Runs never overlap.
 *
 * <p>Several instances of a service each run their jobs. Work that must run on one instance at a
 * time (a full re-match) wraps itself in {@link ClusterLock#onOneInstance}.
 *
 * <p>Stopping lets a run in progress finish (up to 15 s, then it is interrupted; work that must not
 * be cut off half-way belongs in one database transaction, which an interrupted run rolls back) and
 * schedules no further runs. A stopped job can be started again.
 */
public final class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private final Runnable work;
    private final Counter failures;
    private final Timer runs;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean running;
    /** A run asked for by {@link #wake()} is queued and has not started yet (so more wakes add nothing). */
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    public PeriodicJob(String name, Duration initialDelay, Duration interval, Runnable work, MeterRegistry meters) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("job " + name + " needs a positive interval, not " + interval);
        }
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.work = work;
        this.failures = Counter.builder("transfertafel.jobs.failures").tag("job", name).register(meters);
        this.runs = Timer.builder("transfertafel.jobs.runs").tag("job", name).register(meters);
    }

    /** A job whose first run waits one interval. */
    public PeriodicJob(String name, Duration interval, Runnable work, MeterRegistry meters) {
        this(name, interval, interval, work, meters);
    }

    public String name() {
        return name;
    }

    private void tick() {
        try {
            runs.record(work);
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("job {} failed, it runs again in {}: {}", name, interval, e.toString());
        }
    }

    /**
     * Runs the job as soon as the current run (if any) has ended, besides its schedule: for work
     * that is told something changed (e.g. the outbox relay, woken by PostgreSQL on commit). Wakes
     * that arrive before the asked-for run has started are coalesced into it; a stopped job ignores them.
     */
    public void wake() {
        ScheduledExecutorService current = scheduler;
        if (!running || current == null || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                wakeQueued.set(false);
                tick();
            });
        } catch (RejectedExecutionException stopping) {
            wakeQueued.set(false);
        }
    }

    /** Runs the job once more after {@code delay}, besides its schedule (e.g. a retry sooner than the next poll). */
    public void wakeIn(Duration delay) {
        ScheduledExecutorService current = scheduler;
        if (!running || current == null) {
            return;
        }
        try {
            current.schedule(this::wake, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // stopping: the next start runs it anyway
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        wakeQueued.set(false);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(15, TimeUnit.SECONDS)) {
                log.warn("job {} did not finish its run within 15 s; interrupting it", name);
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
