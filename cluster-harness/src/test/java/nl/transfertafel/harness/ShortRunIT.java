package nl.transfertafel.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.transfertafel.harness.cluster.ClusterLauncher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/cluster.sh --short} as part of {@code ./mvnw verify}: the cluster mode of local-stack, a
 * burst of load, one kill -9 and one broker stop, then the invariant check. Asserts the invariants,
 * never the timings. Skipped, with the reason, while the launcher jar has no cluster mode.
 */
class ShortRunIT {

    @Test
    void a_short_run_with_a_kill_and_a_broker_stop_keeps_every_invariant() throws Exception {
        Path jar = Path.of(System.getProperty("harness.launcherJar", "../local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar"));
        Optional<String> unsupported = ClusterLauncher.unsupportedReason(jar);
        Assumptions.assumeTrue(unsupported.isEmpty(), () -> "short cluster run skipped: " + unsupported.get());
        Path work = Path.of(System.getProperty("harness.workDir", "target/short-run")).toAbsolutePath();

        ClusterHarness.Outcome outcome = ClusterHarness.run(new HarnessOptions(true, null, jar, work.resolve("data"), work,
                20261122L, 0, List.of(), 0, 10, 10));

        assertThat(outcome.invariants().holds()).as(outcome.invariants().toString()).isTrue();
        assertThat(outcome.figures().get("faults_injected")).as("one kill -9 and one broker stop").isEqualTo("2");
        assertThat(Long.parseLong(outcome.figures().get("referrals_accepted"))).isPositive();
    }
}
