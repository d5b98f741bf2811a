package nl.transfertafel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import nl.transfertafel.simulator.policy.Policies;
import nl.transfertafel.simulator.run.ClientState;
import nl.transfertafel.simulator.run.LineState;
import nl.transfertafel.simulator.run.RegionRun;
import nl.transfertafel.simulator.run.RunMetrics;
import nl.transfertafel.simulator.world.Parameters;
import nl.transfertafel.simulator.world.Referral;
import nl.transfertafel.simulator.world.RegionWorld;
import nl.transfertafel.simulator.world.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The books of small seeded runs balance under every policy: no client lost or placed twice, no line over capacity, clocks right. */
class BookkeepingTest {

    private static final Parameters P = SmallWorlds.small();
    private static final RegionWorld WORLD = SmallWorlds.demo(11, P);

    private static RegionRun stepThrough(String policy, Scenario scenario) {
        RegionRun run = new RegionRun(WORLD, P, scenario, Policies.byName(policy).get());
        for (int day = 0; day < run.totalDays(); day++) {
            run.step(day);
            if (day % 10 == 0) {
                run.checkBooks(); // every place opened is free, held, used once or lost, on any day
            }
        }
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "biweekly", "weekly", "continuous"})
    void every_client_of_the_measured_year_ends_in_exactly_one_state(String policy) {
        RegionRun run = stepThrough(policy, Scenario.baseline());
        RunMetrics m = run.finish();

        assertThat(m.registered).isPositive();
        assertThat(m.outOfRegion + m.left + m.started + m.waitingAtEnd).isEqualTo(m.registered);
        long measuredClients = run.clients().stream().filter(c -> run.measured(c.registeredDay())).count();
        assertThat(measuredClients).isEqualTo(m.registered - m.outOfRegion);
        assertThat(m.intakeWaits.size()).isEqualTo(m.started + m.waitingAtEnd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "biweekly", "weekly", "continuous"})
    void no_line_uses_more_places_than_it_opened_and_every_place_is_accounted_for(String policy) {
        RegionRun run = stepThrough(policy, Scenario.baseline());
        run.finish();

        long intakes = 0;
        for (LineState line : run.lines()) {
            assertThat(line.usedOwn() + line.usedTransfer()).isLessThanOrEqualTo(line.opened());
            assertThat(line.free() + line.held() + line.usedOwn() + line.usedTransfer() + line.unused())
                    .isEqualTo(line.opened());
            assertThat(line.held()).isZero();
            intakes += line.usedOwn() + line.usedTransfer();
        }
        long placed = run.clients().stream().filter(c -> c.intakeDay() >= 0).count();
        assertThat(intakes).isEqualTo(placed); // one place per placed client, one client per used place
    }

    @ParameterizedTest
    @ValueSource(strings = {"biweekly", "weekly", "continuous"})
    void the_clock_keeps_running_across_a_transfer(String policy) {
        RegionRun run = stepThrough(policy, Scenario.baseline());
        RunMetrics m = run.finish();

        Set<String> seen = new HashSet<>();
        int transferred = 0;
        for (ClientState c : run.clients()) {
            assertThat(seen.add(c.referral().referralId())).isTrue();
            Referral r = c.referral();
            assertThat(c.registeredDay()).isEqualTo(r.day());
            if (c.intakeDay() >= 0) {
                assertThat(c.intakeDay()).isGreaterThanOrEqualTo(c.registeredDay());
                assertThat(c.treatmentDay()).isGreaterThanOrEqualTo(c.intakeDay());
            }
            if (c.transferred()) {
                transferred++;
                // intake after the warm handover, counted from the original registration
                assertThat(c.intakeDay() - c.registeredDay()).isGreaterThanOrEqualTo(P.days("transfer.handoverDays"));
                assertThat(c.line().spec().provider().agb()).isNotEqualTo(firstHome(run, c));
            }
        }
        assertThat(transferred).isPositive();
        assertThat(m.transfers).isLessThanOrEqualTo(transferred);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "continuous"})
    void closing_the_largest_provider_moves_its_list_and_the_books_still_balance(String policy) {
        Parameters p = P.with("whatif.closeAfterDays", 30);
        RegionRun run = new RegionRun(WORLD, p, new Scenario(null, true, null, null, false),
                Policies.byName(policy).get());
        RunMetrics m = run.run(d -> { });

        assertThat(m.outOfRegion + m.left + m.started + m.waitingAtEnd).isEqualTo(m.registered);
        long closedLines = run.lines().stream().filter(LineState::closed).count();
        assertThat(closedLines).isPositive();
        int closeDay = p.days("days.warmup") + 30;
        for (ClientState c : run.clients()) {
            if (c.intakeDay() > closeDay) {
                assertThat(c.line().closed()).as("nobody starts at the closed provider after it closed").isFalse();
            }
        }
    }

    /** The provider the GP first referred to (the world's choice without what-ifs). */
    private static String firstHome(RegionRun run, ClientState c) {
        return run.world().homeLine(c.referral(), line -> true).provider().agb();
    }
}
