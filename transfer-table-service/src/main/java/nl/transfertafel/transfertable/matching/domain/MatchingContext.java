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
 * Everything besides the client and the line that eligibility depends on, as of one moment: the
 * contracts, the stops and pauses in force, the pairs refused recently, the clients already in an
 * open proposal (or transferred, or marked unsuitable) and the places held by open proposals that
 * have no reservation yet, and the clients who are part of a closure case (issue 15).
 */
public record MatchingContext(
        LocalDate today,
        int defaultMaxTravelKm,
        Map<String, ContractTerms> contracts,
        Map<String, List<RegistrationRestriction>> restrictionsByProvider,
        Set<String> refusedPairs,
        Set<String> clientsInActiveProposal,
        Set<String> clientsTransferred,
        Set<String> clientsMarkedUnsuitable,
        Map<String, Integer> placesHeldByProposals,
        Set<String> clientsInClosureCase) {

    /** A context without closure cases (the simulator's and the benches'). */
    public MatchingContext(LocalDate today, int defaultMaxTravelKm, Map<String, ContractTerms> contracts,
            Map<String, List<RegistrationRestriction>> restrictionsByProvider, Set<String> refusedPairs,
            Set<String> clientsInActiveProposal, Set<String> clientsTransferred, Set<String> clientsMarkedUnsuitable,
            Map<String, Integer> placesHeldByProposals) {
        this(today, defaultMaxTravelKm, contracts, restrictionsByProvider, refusedPairs, clientsInActiveProposal,
                clientsTransferred, clientsMarkedUnsuitable, placesHeldByProposals, Set.of());
    }

    /**
     * The client's provider closes a location or stops the programme in the client's scope (issue 15): the
     * closure tier of the objective counts for it, below urgency and the Treeknorm.
     */
    public boolean inClosureCase(WaitingClient client) {
        return clientsInClosureCase.contains(client.referralId());
    }

    public static String pair(String referralId, String providerAgb) {
        return referralId + "|" + providerAgb;
    }

    /** Places left minus places held by open proposals that are not reserved yet. */
    public int freePlaces(CapacityLine line) {
        return Math.max(0, line.placesLeft() - placesHeldByProposals.getOrDefault(line.capacityLineId(), 0));
    }

    public int maxTravelKm(WaitingClient client) {
        return client.maxTravelKm() != null ? client.maxTravelKm() : defaultMaxTravelKm;
    }

    /** Km from the client's postcode area to the line; an e-health line is 0 km. */
    public static int distanceKm(WaitingClient client, CapacityLine line) {
        return line.eHealth() ? 0 : PostcodeAreas.distanceKm(client.postcodeArea(), line.postcodeArea());
    }
}
