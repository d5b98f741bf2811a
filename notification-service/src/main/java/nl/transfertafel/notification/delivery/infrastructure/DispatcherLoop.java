package nl.transfertafel.notification.delivery.infrastructure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.notification.delivery.application.DeliveryDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * Runs the dispatcher: a round every poll interval, and straight away again while a round found
 * work. Several instances may run at once: lanes are claimed row by row with {@code skip locked}.
 */
public class DispatcherLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatcherLoop.class);

    private final DeliveryDispatcher dispatcher;
    private final Duration pollInterval;
    private final boolean enabled;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;
    private volatile Disposable round;

    public DispatcherLoop(DeliveryDispatcher dispatcher, Duration pollInterval, boolean enabled) {
        this.dispatcher = dispatcher;
        this.pollInterval = pollInterval;
        this.enabled = enabled;
    }

    private void tick() {
        try {
            int attempts;
            do {
                var result = new java.util.concurrent.CompletableFuture<Integer>();
                round = dispatcher.dispatchDue().subscribe(result::complete, result::completeExceptionally,
                        () -> result.complete(0));
                attempts = result.get(5, TimeUnit.MINUTES);
            } while (running && attempts > 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("notification dispatch round failed, will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "notification-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Stops at once: a round in flight is cancelled, which rolls back the transaction of any
     * delivery being sent (as a crash would), so it stays pending for the next start.
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            Disposable inFlight = round;
            if (inFlight != null) {
                inFlight.dispose();
            }
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
