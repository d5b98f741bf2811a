package nl.transfertafel.platform.jobs;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** A job wrapped in {@link ClusterLock#onOneInstance} runs on one instance at a time. */
class ClusterLockIT extends ProbeIntegrationTest {

    @Autowired
    DatabaseClient db;

    @Test
    void while_one_instance_runs_the_job_another_skips_it_and_runs_it_once_it_is_free() throws Exception {
        ClusterLock instanceA = new ClusterLock(db);
        ClusterLock instanceB = new ClusterLock(db);
        CompletableFuture<Void> running = new CompletableFuture<>();
        CompletableFuture<Void> finish = new CompletableFuture<>();
        AtomicInteger runsOnB = new AtomicInteger();
        Runnable longRematch = instanceA.onOneInstance("full-rematch", () -> {
            running.complete(null);
            finish.join();
        });
        Runnable rematchOnB = instanceB.onOneInstance("full-rematch", runsOnB::incrementAndGet);

        CompletableFuture<Void> onA = CompletableFuture.runAsync(longRematch);
        running.get(30, TimeUnit.SECONDS);
        rematchOnB.run();
        assertThat(runsOnB).hasValue(0);
        instanceB.onOneInstance("another-job", runsOnB::incrementAndGet).run();
        assertThat(runsOnB).hasValue(1); // other names are not held up

        finish.complete(null);
        onA.get(30, TimeUnit.SECONDS);
        rematchOnB.run();
        assertThat(runsOnB).hasValue(2);
    }

    @Test
    void a_failing_run_gives_the_lock_back() {
        ClusterLock lock = new ClusterLock(db);
        AtomicInteger runs = new AtomicInteger();
        Runnable failing = lock.onOneInstance("flaky-job", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("the run fails");
        });

        assertThatThrownBy(failing::run).hasMessageContaining("the run fails");
        assertThatThrownBy(new ClusterLock(db).onOneInstance("flaky-job", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("and again");
        })::run).hasMessageContaining("and again");
        assertThat(runs).hasValue(2);
    }
}
