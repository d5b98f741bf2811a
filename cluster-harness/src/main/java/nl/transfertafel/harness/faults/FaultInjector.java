package nl.transfertafel.harness.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.harness.cluster.ClusterDescriptor;
import nl.transfertafel.harness.cluster.ClusterDescriptor.Managed;
import nl.transfertafel.harness.cluster.ProcessControl;
import nl.transfertafel.harness.webhook.WebhookReceiver;

/**
 * Works a {@link FaultSchedule} on its own thread while the load runs. A fault that needs a pid the
 * descriptor does not have (a hand-written {@code cluster.json} for the single-JVM stack) is skipped with
 * its reason printed and logged, never counted as injected.
 */
public final class FaultInjector {

    private final ClusterDescriptor cluster;
    private final WebhookReceiver receiver;
    private final List<String> log = new ArrayList<>();
    private final List<Managed> restartedServices = new ArrayList<>();
    private int injected;
    private Thread thread;

    public FaultInjector(ClusterDescriptor cluster, WebhookReceiver receiver) {
        this.cluster = cluster;
        this.receiver = receiver;
    }

    public synchronized void start(FaultSchedule schedule) {
        Instant start = Instant.now();
        thread = new Thread(() -> {
            for (Fault fault : schedule.faults()) {
                sleepUntil(start.plus(fault.at()));
                inject(fault);
            }
        }, "fault-injector");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until every fault of the schedule has been injected and undone. */
    public void awaitDone(Duration atMost) {
        try {
            thread.join(atMost.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until every service instance this injector restarted answers its readiness probe again (polled
     * every quarter second), and logs how long each took; false when one did not within {@code atMost}. A
     * restarted JVM needs tens of seconds before it serves: the run checks its invariants on a whole cluster.
     */
    public boolean awaitRecovered(Duration atMost) {
        List<Managed> restarted;
        synchronized (this) {
            restarted = List.copyOf(restartedServices);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + atMost.toNanos();
        boolean all = true;
        for (Managed service : restarted) {
            boolean ready = false;
            while (!(ready = ready(http, service.url())) && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(250));
            }
            record((ready ? "serving again: " : "NOT serving within " + atMost.toSeconds() + " s: ") + service.label());
            all &= ready;
        }
        return all;
    }

    private static boolean ready(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public synchronized int injected() {
        return injected;
    }

    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    void inject(Fault fault) {
        try {
            Optional<String> skipped = run(fault);
            synchronized (this) {
                if (skipped.isPresent()) {
                    record("SKIPPED " + fault.describe() + ": " + skipped.get());
                } else {
                    injected++;
                    record("injected " + fault.describe());
                }
            }
        } catch (RuntimeException e) {
            record("FAILED " + fault.describe() + ": " + e.getMessage());
        }
    }

    private Optional<String> run(Fault fault) {
        if (fault instanceof Fault.KillService kill) {
            Optional<Managed> target = cluster.services().stream()
                    .filter(s -> s.name().equals(kill.service()) && s.instance() == kill.instance()).findFirst();
            if (target.isEmpty() || !target.get().restartable()) {
                return Optional.of("no pid/argv for " + kill.service() + "#" + kill.instance() + " in " + cluster.file());
            }
            record("kill -9 " + target.get().label() + " (pid " + target.get().pid().get() + ")");
            ProcessControl.kill9(target.get().pid().get());
            sleep(kill.down());
            long pid = ProcessControl.restart(target.get());
            cluster.updatePid(target.get(), pid);
            record("restarted " + target.get().label() + " as pid " + pid);
            synchronized (this) {
                restartedServices.add(target.get());
            }
            return Optional.empty();
        }
        if (fault instanceof Fault.StopBroker stop) {
            Optional<Managed> broker = cluster.brokers().stream().filter(b -> b.instance() == stop.brokerId()).findFirst();
            if (broker.isEmpty() || !broker.get().restartable()) {
                return Optional.of("no pid/argv for Kafka broker " + stop.brokerId() + " (a single in-process broker cannot be stopped alone)");
            }
            ProcessControl.terminate(broker.get().pid().get(), Duration.ofSeconds(30));
            sleep(stop.down());
            long pid = ProcessControl.restart(broker.get());
            cluster.updatePid(broker.get(), pid);
            record("restarted broker " + stop.brokerId() + " as pid " + pid);
            return Optional.empty();
        }
        if (fault instanceof Fault.PausePostgres pause) {
            Optional<Long> pid = cluster.postgres().pid();
            if (pid.isEmpty()) {
                return Optional.of("no PostgreSQL pid in " + cluster.file());
            }
            List<Long> frozen = ProcessControl.pauseTree(pid.get());
            try {
                sleep(pause.down());
            } finally {
                ProcessControl.resume(frozen);
            }
            return Optional.empty();
        }
        Fault.WebhookDown down = (Fault.WebhookDown) fault;
        receiver.goDown();
        try {
            sleep(down.down());
        } finally {
            receiver.comeBack();
        }
        return Optional.empty();
    }

    private synchronized void record(String line) {
        String stamped = Instant.now() + " " + line;
        log.add(stamped);
        System.out.println("fault: " + stamped);
    }

    private static void sleepUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            sleep(Duration.ofMillis(millis));
        }
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
