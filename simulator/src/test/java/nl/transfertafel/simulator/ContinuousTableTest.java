package nl.transfertafel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.simulator.policy.ContinuousTable;
import nl.transfertafel.simulator.policy.MeetingTable;
import nl.transfertafel.simulator.run.ClientState;
import nl.transfertafel.simulator.run.LineState;
import nl.transfertafel.simulator.run.RegionRun;
import nl.transfertafel.simulator.run.RunMetrics;
import nl.transfertafel.simulator.run.TransferPolicy;
import nl.transfertafel.simulator.world.Parameters;
import nl.transfertafel.simulator.world.RegionWorld;
import nl.transfertafel.simulator.world.Scenario;
import nl.transfertafel.transfertable.matching.domain.Eligibility;
import nl.transfertafel.transfertable.matching.domain.EligibilityPolicies;
import nl.transfertafel.transfertable.matching.domain.MatchingContext;
import nl.transfertafel.transfertable.matching.domain.PolicyResult;
import nl.transfertafel.transfertable.matching.domain.BlockReason;
import org.junit.jupiter.api.Test;

/**
 * Policy (d) runs the project's own matching round: the engine's optimal assignment and the
 * transfer table's eligibility policies, so changing a policy changes the simulation.
 */
class ContinuousTableTest {

    /**
     * The example of docs/matching-objective.md: Anna can go to A or B, Bram only to A (B is beyond
     * his travel distance), one place each. Anna comes first and A is nearer for her.
     */
    private static RegionWorld annaAndBram() {
        return new SmallWorlds.HandMade()
                .provider("22000100", ProviderType.GGZ_INSTITUTION, "7311", 1) // where both wait, no places
                .provider("22000200", ProviderType.INDEPENDENT_PRACTICE, "7312", 0) // A: 3 km
                .provider("22000300", ProviderType.INDEPENDENT_PRACTICE, "7339", 0) // B: 7 km
                .client(0, "7311", 10) // Anna
                .client(0, "7311", 5) // Bram
                .build();
    }

    private static RegionRun runWithOnePlaceAtAAndB(RegionWorld world, TransferPolicy policy, Parameters p) {
        RegionRun run = new RegionRun(world, p, Scenario.baseline(), policy);
        LineState home = run.lines().get(0);
        assertThat(home.free()).isZero();
        run.addPlaces(run.lines().get(1), 1, 0);
        run.addPlaces(run.lines().get(2), 1, 0);
        int days = p.days("days.warmup") + p.days("days.measured") + p.days("days.runout");
        for (int day = 0; day < days; day++) {
            run.step(day);
            run.checkBooks();
        }
        return run;
    }

    private static List<String> receivingProviders(RegionRun run) {
        List<String> out = new ArrayList<>();
        for (ClientState c : run.clients()) {
            out.add(c.transferred() ? c.line().spec().provider().agb() : "-");
        }
        return out;
    }

    @Test
    void the_engine_places_both_clients_where_nearest_first_places_one() {
        Parameters p = SmallWorlds.everybodyAgrees();

        RegionRun continuous = runWithOnePlaceAtAAndB(annaAndBram(), ContinuousTable.standard(), p);
        RegionRun meeting = runWithOnePlaceAtAAndB(annaAndBram(), MeetingTable.weekly(), p);

        assertThat(receivingProviders(continuous)).containsExactly("22000300", "22000200"); // Anna to B, Bram to A
        assertThat(receivingProviders(meeting)).containsExactly("22000200", "-"); // Anna took A, Bram got nothing
        RunMetrics m = continuous.finish();
        assertThat(m.transfers).isEqualTo(2);
        assertThat(m.approvals).isEqualTo(4); // four eyes: two approvals per proposal
    }

    @Test
    void a_stricter_travel_policy_changes_the_continuous_simulation() {
        Parameters p = SmallWorlds.everybodyAgrees();
        Eligibility withinFiveKm = replacing(EligibilityPolicies.WithinTravelDistance.class, new AtMostKm(5));

        RegionRun standard = runWithOnePlaceAtAAndB(annaAndBram(), ContinuousTable.standard(), p);
        RegionRun stricter = runWithOnePlaceAtAAndB(annaAndBram(), new ContinuousTable(withinFiveKm), p);

        assertThat(standard.finish().transfers).isEqualTo(2);
        assertThat(stricter.finish().transfers).isEqualTo(1); // nobody may travel to B (7 km) now
        assertThat(receivingProviders(stricter)).containsExactlyInAnyOrder("22000200", "-"); // a tie: either client
    }

    @Test
    void a_stricter_travel_policy_changes_a_seeded_region_run() {
        Parameters p = SmallWorlds.small();
        RegionWorld world = SmallWorlds.demo(7, p);
        Eligibility withinFiveKm = replacing(EligibilityPolicies.WithinTravelDistance.class, new AtMostKm(5));

        RunMetrics standard = new RegionRun(world, p, Scenario.baseline(), ContinuousTable.standard()).run(d -> { });
        RunMetrics stricter = new RegionRun(world, p, Scenario.baseline(), new ContinuousTable(withinFiveKm)).run(d -> { });

        assertThat(standard.transfers).isPositive();
        assertThat(stricter.transfers).isLessThan(standard.transfers);
        assertThat(stricter.meanIntakeWait()).isGreaterThan(standard.meanIntakeWait());
    }

    @Test
    void the_continuous_table_runs_a_matching_round_on_days_with_free_places() {
        Parameters p = SmallWorlds.small();
        ContinuousTable table = ContinuousTable.standard();

        new RegionRun(SmallWorlds.demo(7, p), p, Scenario.baseline(), table).run(d -> { });

        assertThat(table.rounds()).isPositive();
        assertThat(table.proposals()).isPositive();
    }

    /** The standard policies with one of them swapped for another. */
    private static Eligibility replacing(Class<?> policy, EligibilityPolicies.PairPolicy replacement) {
        Eligibility standard = Eligibility.standard();
        List<EligibilityPolicies.PairPolicy> pairs = new ArrayList<>();
        for (EligibilityPolicies.PairPolicy pair : standardPairPolicies()) {
            pairs.add(policy.isInstance(pair) ? replacement : pair);
        }
        assertThat(pairs).contains(replacement);
        return new Eligibility(standardClientPolicies(), pairs);
    }

    private static List<EligibilityPolicies.ClientPolicy> standardClientPolicies() {
        return List.of(new EligibilityPolicies.StillWaiting(), new EligibilityPolicies.ScreeningConsentGiven(),
                new EligibilityPolicies.NotAlreadyTransferred(), new EligibilityPolicies.NotAlreadyProposed(),
                new EligibilityPolicies.NotMarkedUnsuitable(), new EligibilityPolicies.NotWaitingAsPrecaution());
    }

    private static List<EligibilityPolicies.PairPolicy> standardPairPolicies() {
        return List.of(new EligibilityPolicies.NotCurrentProvider(), new EligibilityPolicies.DiagnosisGroupOffered(),
                new EligibilityPolicies.CareLevelOffered(), new EligibilityPolicies.LineAvailable(),
                new EligibilityPolicies.AgeInRange(), new EligibilityPolicies.NotExcluded(),
                new EligibilityPolicies.RespectsPreference(), new EligibilityPolicies.NoStopOrPause(),
                new EligibilityPolicies.NotRefusedRecently(), new EligibilityPolicies.WithinTravelDistance(),
                new EligibilityPolicies.InsurerContracted());
    }

    /** A stricter travel rule: nobody travels more than {@code km}, whatever the GP wrote. */
    private record AtMostKm(int km) implements EligibilityPolicies.PairPolicy {
        @Override
        public PolicyResult check(nl.transfertafel.transfertable.readmodel.domain.WaitingClient client,
                nl.transfertafel.transfertable.readmodel.domain.CapacityLine line, MatchingContext context) {
            int distance = MatchingContext.distanceKm(client, line);
            return distance <= Math.min(km, context.maxTravelKm(client)) ? PolicyResult.ALLOWED
                    : PolicyResult.blocked("AtMostKm", BlockReason.TOO_FAR);
        }
    }
}
