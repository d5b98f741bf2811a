package nl.transfertafel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.transfertafel.simulator.policy.Policies;
import nl.transfertafel.simulator.report.Figures;
import nl.transfertafel.simulator.run.RunMetrics;
import nl.transfertafel.simulator.run.Simulation;
import nl.transfertafel.simulator.world.Parameters;
import nl.transfertafel.simulator.world.Scenario;
import nl.transfertafel.simulator.world.WorldFactory;
import org.junit.jupiter.api.Test;

/** Seeded and reproducible: the same seed gives the same figures, whatever the number of threads. */
class ReproducibilityTest {

    private static final Parameters P = SmallWorlds.small();

    private static Map<String, String> figures(long seed, int threads, String policy) {
        Map<String, RunMetrics> results = new Simulation(P, Scenario.baseline(), threads)
                .run(WorldFactory.demo(seed, P), Policies.parse(policy), new AtomicLong());
        return Figures.asMap(results.get(policy), P.days("days.measured"));
    }

    @Test
    void the_same_seed_gives_the_same_figures() {
        for (String policy : Policies.ALL) {
            assertThat(figures(7, 2, policy)).as(policy).isEqualTo(figures(7, 1, policy));
        }
    }

    @Test
    void another_seed_gives_other_figures() {
        assertThat(figures(8, 1, "continuous")).isNotEqualTo(figures(7, 1, "continuous"));
    }

    @Test
    void the_policies_share_their_registrations_and_capacity() {
        Map<String, RunMetrics> results = new Simulation(P, Scenario.baseline(), 2)
                .run(WorldFactory.demo(7, P), Policies.parse("all"), new AtomicLong());
        RunMetrics none = results.get("none");
        for (RunMetrics m : results.values()) {
            assertThat(m.registered).isEqualTo(none.registered);
            assertThat(m.outOfRegion).isEqualTo(none.outOfRegion);
            assertThat(m.placesOpened).isEqualTo(none.placesOpened); // the same places open under every policy
        }
        assertThat(none.transfers).isZero();
        assertThat(results.get("continuous").transfers).isPositive();
    }
}
