package nl.transfertafel.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void a_job_runs_again_and_again_until_stopped_and_can_be_started_again() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicJob job = new PeriodicJob("counting", Duration.ofMillis(10), runs::incrementAndGet, meters);

        job.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
        job.stop();
        int stoppedAt = runs.get();

        assertThat(job.isRunning()).isFalse();
        // a stopped job schedules nothing more: a start shows the counter moving again from where it stood
        assertThat(runs.get()).isEqualTo(stoppedAt);
        job.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() > stoppedAt);
        job.stop();
        assertThat(meters.timer("transfertafel.jobs.runs", "job", "counting").count()).isEqualTo(runs.get());
    }

    @Test
    void a_failing_run_is_counted_and_the_next_run_still_comes() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicJob job = new PeriodicJob("flaky", Duration.ofMillis(10), () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database was away");
            }
        }, meters);

        job.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
        job.stop();

        assertThat(meters.counter("transfertafel.jobs.failures", "job", "flaky").count()).isEqualTo(1.0);
    }

    @Test
    void a_woken_job_runs_at_once_however_long_its_interval() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicJob job = new PeriodicJob("woken", Duration.ofHours(1), runs::incrementAndGet, meters);

        job.start();
        job.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
        job.wakeIn(Duration.ofMillis(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
        job.stop();

        job.wake(); // a stopped job ignores wakes
        assertThat(runs).hasValue(2);
    }

    @Test
    void a_job_needs_a_positive_interval() {
        assertThatThrownBy(() -> new PeriodicJob("never", Duration.ZERO, () -> { }, meters))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never");
    }
}
