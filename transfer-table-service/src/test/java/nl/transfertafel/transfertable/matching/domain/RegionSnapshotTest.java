package nl.transfertafel.transfertable.matching.domain;

import static nl.transfertafel.transfertable.matching.domain.TestData.TODAY;
import static nl.transfertafel.transfertable.matching.domain.TestData.aClient;
import static nl.transfertafel.transfertable.matching.domain.TestData.aLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.ContractTerms;
import nl.transfertafel.transfertable.readmodel.domain.RegistrationRestriction;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import org.junit.jupiter.api.Test;

/**
 * The typed snapshot hands each fact to the round under its own name: the four sets of referral ids are of
 * one type, so a swap between them would compile; here each carries a different id and must arrive where
 * the rules look for it.
 */
class RegionSnapshotTest {

    private final WaitingClient client = aClient().id("r-waiting").build();
    private final CapacityLine line = aLine().id("line-1").of("22000002").build();
    private final ContractTerms contract = new ContractTerms("3311", "22000002", true, false);
    private final RegistrationRestriction stop = new RegistrationRestriction("22000002",
            RegistrationRestrictionChanged.Kind.STOP, DiagnosisGroup.DEPRESSION, TODAY.minusDays(1), null);

    private RegionSnapshot snapshot(Set<String> refused, Set<String> inProposal, Set<String> transferred,
            Set<String> unsuitable) {
        return new RegionSnapshot("rotterdam", List.of(client), List.of(line),
                Map.of(ContractTerms.key("3311", "22000002"), contract), Map.of("22000002", List.of(stop)), refused,
                inProposal, transferred, unsuitable, Map.of("line-1", 2));
    }

    @Test
    void each_fact_reaches_the_round_under_its_own_name() {
        MatchRound.Snapshot round = snapshot(Set.of("r-refused|22000002"), Set.of("r-proposed"), Set.of("r-moved"),
                Set.of("r-unsuitable")).forRound(TODAY, 25);

        MatchingContext context = round.context();
        assertThat(round.region()).isEqualTo("rotterdam");
        assertThat(round.clients()).containsExactly(client);
        assertThat(round.lines()).containsExactly(line);
        assertThat(context.today()).isEqualTo(TODAY);
        assertThat(context.defaultMaxTravelKm()).isEqualTo(25);
        assertThat(context.contracts()).containsEntry(ContractTerms.key("3311", "22000002"), contract);
        assertThat(context.restrictionsByProvider()).containsEntry("22000002", List.of(stop));
        assertThat(context.refusedPairs()).containsExactly("r-refused|22000002");
        assertThat(context.clientsInActiveProposal()).containsExactly("r-proposed");
        assertThat(context.clientsTransferred()).containsExactly("r-moved");
        assertThat(context.clientsMarkedUnsuitable()).containsExactly("r-unsuitable");
        assertThat(context.placesHeldByProposals()).containsEntry("line-1", 2);
    }

    @Test
    void the_rules_see_the_facts_they_block_on() {
        Eligibility eligibility = Eligibility.standard();
        MatchingContext context = snapshot(Set.of(), Set.of("r-waiting"), Set.of(), Set.of()).forRound(TODAY, 25)
                .context();
        assertThat(eligibility.clientBlocks(client, context)).extracting(PolicyResult.Blocked::reason)
                .contains(BlockReason.ALREADY_IN_PROPOSAL);
    }

    @Test
    void a_snapshot_is_a_copy_the_reader_cannot_change_afterwards() {
        Set<String> inProposal = new HashSet<>(Set.of("r-proposed"));
        List<WaitingClient> clients = new ArrayList<>(List.of(client));
        RegionSnapshot snapshot = new RegionSnapshot("rotterdam", clients, List.of(line), Map.of(), Map.of(), Set.of(),
                inProposal, Set.of(), Set.of(), Map.of());
        inProposal.add("r-later");
        clients.clear();

        assertThat(snapshot.inOpenProposal()).containsExactly("r-proposed");
        assertThat(snapshot.clients()).containsExactly(client);
        assertThatThrownBy(() -> snapshot.transferred().add("r-x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
