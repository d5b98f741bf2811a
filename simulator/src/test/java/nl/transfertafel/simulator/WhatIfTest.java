package nl.transfertafel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.simulator.policy.ContinuousTable;
import nl.transfertafel.simulator.run.ClientState;
import nl.transfertafel.simulator.run.RegionRun;
import nl.transfertafel.simulator.run.RunMetrics;
import nl.transfertafel.simulator.world.LineSpec;
import nl.transfertafel.simulator.world.Parameters;
import nl.transfertafel.simulator.world.RegionWorld;
import nl.transfertafel.simulator.world.Scenario;
import org.junit.jupiter.api.Test;

/** The what-ifs of issue 14 act on the simulation in the direction they should. */
class WhatIfTest {

    private static final Parameters P = SmallWorlds.small();
    private static final RegionWorld WORLD = SmallWorlds.demo(5, P);

    private static RegionRun continuous(Scenario scenario) {
        RegionRun run = new RegionRun(WORLD, P, scenario, ContinuousTable.standard());
        run.run(d -> { });
        return run;
    }

    @Test
    void more_capacity_at_basic_ggz_opens_more_places_there_and_shortens_waits() {
        RegionRun base = continuous(Scenario.baseline());
        RegionRun more = continuous(new Scenario(ProviderType.BASIC_GGZ, false, null, null, false));

        assertThat(openedAt(more, ProviderType.BASIC_GGZ)).isGreaterThan(openedAt(base, ProviderType.BASIC_GGZ));
        assertThat(openedAt(more, ProviderType.GGZ_INSTITUTION)).isEqualTo(openedAt(base, ProviderType.GGZ_INSTITUTION));
        assertThat(more.metrics().meanIntakeWait()).isLessThanOrEqualTo(base.metrics().meanIntakeWait());
    }

    @Test
    void a_registration_stop_sends_the_group_elsewhere_and_the_table_never_proposes_the_stopped_provider() {
        DiagnosisGroup group = DiagnosisGroup.DEPRESSION;
        RegionRun run = continuous(new Scenario(null, false, group, null, false));
        String stopped = largestFor(group);

        int measuredOfGroup = 0;
        int stopEnds = P.days("days.warmup") + P.days("days.measured");
        for (ClientState c : run.clients()) {
            if (c.referral().group() != group || !run.measured(c.registeredDay())) {
                continue;
            }
            measuredOfGroup++;
            int transferDay = c.intakeDay() - P.days("transfer.handoverDays");
            if (c.transferred() && transferDay < stopEnds) {
                // proposed while the stop was in force: never to the stopped provider (NoStopOrPause)
                assertThat(c.line().spec().provider().agb()).isNotEqualTo(stopped);
            }
            // the GP referred elsewhere: nobody of the group registered at the stopped provider during the stop
            if (!c.transferred()) {
                assertThat(c.line().spec().provider().agb()).isNotEqualTo(stopped);
            }
        }
        assertThat(measuredOfGroup).isPositive();
        // the stop is for one group: other groups still register there
        assertThat(run.clients().stream().filter(c -> c.referral().group() != group && run.measured(c.registeredDay())
                && !c.transferred() && c.line().spec().provider().agb().equals(stopped))).isNotEmpty();
    }

    @Test
    void an_insurer_reaching_its_ceilings_blocks_transfers_for_its_clients() {
        Parameters p = P.with("whatif.ceilingMonth", 9); // the small calendar measures from 30 August 2025
        RegionRun base = new RegionRun(WORLD, p, Scenario.baseline(), ContinuousTable.standard());
        RunMetrics baseline = base.run(d -> { });
        RegionRun reached = new RegionRun(WORLD, p, new Scenario(null, false, null, SmallWorlds.INSURER, false),
                ContinuousTable.standard());
        RunMetrics blocked = reached.run(d -> { });

        assertThat(blocked.ceilingBlocks).isGreaterThan(baseline.ceilingBlocks);
        long transfersOfInsurerBase = transfersOf(base, SmallWorlds.INSURER);
        long transfersOfInsurerReached = transfersOf(reached, SmallWorlds.INSURER);
        assertThat(transfersOfInsurerReached).isLessThan(transfersOfInsurerBase);
    }

    @Test
    void more_e_health_acceptance_moves_more_clients_to_e_health() {
        Parameters p = P.with("clients.eHealthShare", 0.05).with("whatif.eHealthShare", 0.9);
        RunMetrics base = new RegionRun(WORLD, p, Scenario.baseline(), ContinuousTable.standard()).run(d -> { });
        RunMetrics more = new RegionRun(WORLD, p, new Scenario(null, false, null, null, true), ContinuousTable.standard())
                .run(d -> { });

        assertThat(more.transfersTo[ProviderType.E_HEALTH.ordinal()])
                .isGreaterThan(base.transfersTo[ProviderType.E_HEALTH.ordinal()]);
    }

    private static long openedAt(RegionRun run, ProviderType type) {
        return run.lines().stream().filter(l -> l.spec().provider().type() == type).mapToLong(l -> l.opened()).sum();
    }

    private static long transfersOf(RegionRun run, String insurer) {
        return run.clients().stream().filter(c -> c.transferred() && c.referral().insurerUzovi().equals(insurer)
                && c.intakeDay() >= 0).count();
    }

    private static String largestFor(DiagnosisGroup group) {
        double[] size = new double[WORLD.providers().size()];
        for (LineSpec line : WORLD.lines()) {
            if (line.template().diagnosisGroups().contains(group)) {
                size[line.provider().index()] += line.weeklyMean();
            }
        }
        int best = 0;
        for (int i = 1; i < size.length; i++) {
            if (size[i] > size[best]) {
                best = i;
            }
        }
        return WORLD.providers().get(best).agb();
    }
}
