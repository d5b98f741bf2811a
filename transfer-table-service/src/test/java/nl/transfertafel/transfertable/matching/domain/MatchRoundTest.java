package nl.transfertafel.transfertable.matching.domain;

import static nl.transfertafel.transfertable.matching.domain.TestData.REGION;
import static nl.transfertafel.transfertable.matching.domain.TestData.aClient;
import static nl.transfertafel.transfertable.matching.domain.TestData.aContext;
import static nl.transfertafel.transfertable.matching.domain.TestData.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.matching.MatchingEngine;
import nl.transfertafel.matching.PriorityObjective;
import org.junit.jupiter.api.Test;

/** A matching round over a whole region: who gets which place, the explanation, and the contract blocks. */
class MatchRoundTest {

    private final MatchRound round = new MatchRound(new MatchingEngine(1), Eligibility.standard());

    @Test
    void the_region_is_assigned_as_a_whole_not_first_come_first_served() {
        // Anna can go to A or B, Bram only to A (one place each): Anna goes to B so Bram can have A
        var anna = aClient().id("anna").waitedDays(90).group(DiagnosisGroup.ANXIETY).build();
        var bram = aClient().id("bram").waitedDays(30).build();
        var a = aLine().id("A").of("22000002").at("3011").groups(DiagnosisGroup.DEPRESSION, DiagnosisGroup.ANXIETY).build();
        var b = aLine().id("B").of("22000003").at("3033").groups(DiagnosisGroup.ANXIETY).build();
        var result = round.run(new MatchRound.Snapshot(REGION, aContext().contracted("22000002", "22000003").build(),
                List.of(anna, bram), List.of(a, b)));

        assertThat(result.drafts()).extracting(d -> d.client().referralId() + "->" + d.line().capacityLineId())
                .containsExactlyInAnyOrder("anna->B", "bram->A");
    }

    @Test
    void an_urgent_client_gets_the_last_place_over_a_longer_waiting_one() {
        var urgent = aClient().id("urgent").urgent().waitedDays(3).build();
        var patient = aClient().id("patient").waitedDays(300).build();
        var result = round.run(new MatchRound.Snapshot(REGION, aContext().contracted("22000002").build(),
                List.of(patient, urgent), List.of(aLine().build())));

        assertThat(result.drafts()).singleElement().satisfies(d -> {
            assertThat(d.client().referralId()).isEqualTo("urgent");
            Explanation e = d.explanation();
            assertThat(e.score().urgent()).isTrue();
            assertThat(e.score().urgentPoints()).isEqualTo(PriorityObjective.W_URGENT);
            assertThat(e.summary()).startsWith("urgent;");
            assertThat(e.runnerUps()).singleElement().satisfies(r -> {
                assertThat(r.option()).isEqualTo("NOT_PLACED");
                assertThat(r.pointsLost()).isGreaterThan(PriorityObjective.W_WAITED);
            });
        });
    }

    @Test
    void a_client_of_a_closing_provider_gets_the_last_place_over_an_equal_client_who_lives_closer() {
        // same urgency, same registration day (so the same norm position): the closure tier decides
        var closing = aClient().id("closing").waitedDays(40).livingIn("3011").currentlyAt("22000009").build();
        var other = aClient().id("other").waitedDays(40).livingIn("3012").build();
        var result = round.run(new MatchRound.Snapshot(REGION,
                aContext().contracted("22000002").inClosureCase("closing").build(),
                List.of(other, closing), List.of(aLine().at("3012").build())));

        assertThat(result.drafts()).singleElement().satisfies(d -> {
            assertThat(d.client().referralId()).isEqualTo("closing");
            assertThat(d.explanation().score().closure()).isTrue();
            assertThat(d.explanation().score().closurePoints()).isEqualTo(PriorityObjective.W_CLOSURE);
            assertThat(d.explanation().summary()).contains("closure case");
        });
    }

    @Test
    void a_client_of_a_closing_provider_never_takes_the_place_of_one_further_beyond_the_norm() {
        var closing = aClient().id("closing").waitedDays(40).currentlyAt("22000009").build();
        var further = aClient().id("further").waitedDays(41).build();
        var result = round.run(new MatchRound.Snapshot(REGION,
                aContext().contracted("22000002").inClosureCase("closing").build(),
                List.of(closing, further), List.of(aLine().build())));

        assertThat(result.drafts()).singleElement()
                .satisfies(d -> assertThat(d.client().referralId()).isEqualTo("further"));
    }

    @Test
    void places_held_by_open_proposals_and_clients_in_them_are_left_out() {
        var inProposal = aClient().id("busy").waitedDays(200).build();
        var free = aClient().id("free").build();
        var context = aContext().contracted("22000002").inProposal("busy").held("line-1", 1).build();
        var result = round.run(new MatchRound.Snapshot(REGION, context, List.of(inProposal, free),
                List.of(aLine().places(2).build())));

        assertThat(result.drafts()).extracting(d -> d.client().referralId()).containsExactly("free");
        var none = round.run(new MatchRound.Snapshot(REGION, aContext().contracted("22000002").held("line-1", 2).build(),
                List.of(free), List.of(aLine().places(2).build())));
        assertThat(none.drafts()).isEmpty();
    }

    @Test
    void a_contract_block_that_was_the_only_obstacle_is_reported_and_explained() {
        var client = aClient().id("c").build();
        var contracted = aLine().id("ok").of("22000003").at("3033").build();
        var uncontracted = aLine().id("blocked").of("22000002").at("3012").build();
        var tooFarAndUncontracted = aLine().id("far").of("22000004").at("9711").build();
        var result = round.run(new MatchRound.Snapshot(REGION, aContext().contracted("22000003").build(),
                List.of(client), List.of(contracted, uncontracted, tooFarAndUncontracted)));

        assertThat(result.contractBlocks()).singleElement().satisfies(b -> {
            assertThat(b.line().capacityLineId()).isEqualTo("blocked");
            assertThat(b.reason()).isEqualTo(BlockReason.NOT_CONTRACTED);
        });
        assertThat(result.drafts()).singleElement().satisfies(d -> {
            assertThat(d.line().capacityLineId()).isEqualTo("ok");
            assertThat(d.explanation().blockedAlternatives()).extracting(Explanation.BlockedAlternative::capacityLineId)
                    .containsExactly("blocked", "far");
            assertThat(d.explanation().blockedAlternatives().get(1).reasons()).extracting(Explanation.Reason::code)
                    .containsExactly(BlockReason.TOO_FAR, BlockReason.NOT_CONTRACTED);
        });
    }

    @Test
    void the_runner_up_of_a_closer_tie_shows_only_the_travel_difference() {
        var client = aClient().id("c").livingIn("3011").build();
        var near = aLine().id("near").of("22000002").at("3011").build();
        var further = aLine().id("further").of("22000003").at("3031").build();
        var result = round.run(new MatchRound.Snapshot(REGION, aContext().contracted("22000002", "22000003").build(),
                List.of(client), List.of(further, near)));

        assertThat(result.drafts()).singleElement().satisfies(d -> {
            assertThat(d.line().capacityLineId()).isEqualTo("near");
            var other = d.explanation().runnerUps().get(0);
            assertThat(other.capacityLineId()).isEqualTo("further");
            assertThat(other.pointsLost()).isEqualTo(PostcodeAreas.distanceKm("3011", "3031") - 1);
            assertThat(other.meaning()).startsWith("only travel differs");
        });
    }
}
