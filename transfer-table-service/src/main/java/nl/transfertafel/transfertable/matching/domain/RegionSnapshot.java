package nl.transfertafel.transfertable.matching.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.ContractTerms;
import nl.transfertafel.transfertable.readmodel.domain.RegistrationRestriction;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/**
 * Everything a matching round reads about one region, typed: the read model's waiting clients, capacity
 * lines, contracts and registration restrictions, and what the table itself remembers (pairs refused within
 * the cool-down, clients in an open proposal or already transferred, clients a confirmed waiting-list
 * screening marked unsuitable, places held by proposals per line). Read through {@code RegionSnapshots}.
 *
 * @param refusedPairs {@code referralId|providerAgb} pairs rejected in screening or declined within the cool-down
 * @param placesHeld   per capacity line, the places open proposals hold before capacity-service knows
 * @param inClosureCase referral ids of the region's clients whose provider closes (a bulk transfer case, issue 15)
 */
public record RegionSnapshot(String region, List<WaitingClient> clients, List<CapacityLine> lines,
        Map<String, ContractTerms> contracts, Map<String, List<RegistrationRestriction>> restrictions,
        Set<String> refusedPairs, Set<String> inOpenProposal, Set<String> transferred, Set<String> markedUnsuitable,
        Map<String, Integer> placesHeld, Set<String> inClosureCase) {

    /** A snapshot without closure cases. */
    public RegionSnapshot(String region, List<WaitingClient> clients, List<CapacityLine> lines,
            Map<String, ContractTerms> contracts, Map<String, List<RegistrationRestriction>> restrictions,
            Set<String> refusedPairs, Set<String> inOpenProposal, Set<String> transferred, Set<String> markedUnsuitable,
            Map<String, Integer> placesHeld) {
        this(region, clients, lines, contracts, restrictions, refusedPairs, inOpenProposal, transferred,
                markedUnsuitable, placesHeld, Set.of());
    }

    public RegionSnapshot {
        clients = List.copyOf(clients);
        lines = List.copyOf(lines);
        contracts = Map.copyOf(contracts);
        restrictions = Map.copyOf(restrictions);
        refusedPairs = Set.copyOf(refusedPairs);
        inOpenProposal = Set.copyOf(inOpenProposal);
        transferred = Set.copyOf(transferred);
        markedUnsuitable = Set.copyOf(markedUnsuitable);
        placesHeld = Map.copyOf(placesHeld);
        inClosureCase = Set.copyOf(inClosureCase);
    }

    /** The round's view of this snapshot on {@code today}, with the region's default travel distance. */
    public MatchRound.Snapshot forRound(LocalDate today, int defaultMaxTravelKm) {
        return new MatchRound.Snapshot(region, new MatchingContext(today, defaultMaxTravelKm, contracts, restrictions,
                refusedPairs, inOpenProposal, transferred, markedUnsuitable, placesHeld, inClosureCase), clients, lines);
    }
}
