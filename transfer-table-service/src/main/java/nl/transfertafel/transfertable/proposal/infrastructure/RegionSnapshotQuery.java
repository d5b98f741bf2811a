package nl.transfertafel.transfertable.proposal.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.transfertable.matching.application.RegionSnapshots;
import nl.transfertafel.transfertable.matching.domain.RegionSnapshot;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.ContractTerms;
import nl.transfertafel.transfertable.readmodel.domain.RegistrationRestriction;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.readmodel.infrastructure.RegionCandidates;
import nl.transfertafel.transfertable.waitinglist.infrastructure.WaitingListScreeningRepository;
import reactor.core.publisher.Mono;

/**
 * Matching's {@link RegionSnapshots}, answered from the read model (what intake and capacity said) and the
 * table's own history (proposals, waiting-list screenings). It lives here, not in {@code readmodel}, because
 * the snapshot's types ({@code WaitingClient}, {@code CapacityLine}, ...) are the read model's: a read-model
 * adapter of a matching port would make the two features depend on each other (ADR 0720). Each query stays
 * in the repository of the feature that owns the table.
 */
public class RegionSnapshotQuery implements RegionSnapshots {

    private final ReadModelRepository readModel;
    private final RegionCandidates candidates;
    private final ProposalRepository proposals;
    private final WaitingListScreeningRepository screenings;

    public RegionSnapshotQuery(ReadModelRepository readModel, RegionCandidates candidates, ProposalRepository proposals,
            WaitingListScreeningRepository screenings) {
        this.readModel = readModel;
        this.candidates = candidates;
        this.proposals = proposals;
        this.screenings = screenings;
    }

    private record Region(List<WaitingClient> clients, List<CapacityLine> lines, Map<String, ContractTerms> contracts,
            Map<String, List<RegistrationRestriction>> restrictions) {
    }

    @Override
    public Mono<RegionSnapshot> readOutOfRegion(String region, Instant refusedSince) {
        Mono<Region> facts = proposals.outOfRegionEligible(region)
                .flatMap(eligible -> candidates.candidates(region)
                        .map(all -> all.stream().filter(c -> eligible.contains(c.referralId())).toList()))
                .flatMap(clients -> readModel.linesOutside(region)
                .flatMap(lines -> readModel.contractsOutside(region)
                .flatMap(contracts -> readModel.restrictionsOutside(region)
                .map(restrictions -> new Region(clients, lines, contracts, restrictions)))));
        return facts.flatMap(r -> history(region, refusedSince, r, proposals.placesHeldOutside(region)));
    }

    @Override
    public Mono<RegionSnapshot> read(String region, Instant refusedSince) {
        // one query after another, never two at once: inside a transaction there is one connection
        // the region's candidates as this instance holds them, brought up to date by the rows changed since its
        // last read: not the whole waiting list every round (issue 10, ADR 1160)
        Mono<Region> facts = candidates.candidates(region)
                .flatMap(clients -> readModel.lines(region)
                .flatMap(lines -> readModel.contracts(region)
                .flatMap(contracts -> readModel.restrictions(region)
                .map(restrictions -> new Region(clients, lines, contracts, restrictions)))));
        return facts.flatMap(r -> history(region, refusedSince, r, proposals.placesHeld(region)));
    }

    /** What the table remembers of the region's clients, and the places held on the lines read. */
    private Mono<RegionSnapshot> history(String region, Instant refusedSince, Region r,
            Mono<Map<String, Integer>> placesHeld) {
        return proposals.refusedPairsSince(region, refusedSince)
                .flatMap(refused -> proposals.clientsInOpenProposal(region)
                .flatMap(inOpenProposal -> proposals.clientsTransferred(region)
                .flatMap(transferred -> screenings.markedUnsuitable(region)
                .flatMap(unsuitable -> placesHeld
                .flatMap(held -> readModel.inClosureCase(region)
                .map(closure -> new RegionSnapshot(region, r.clients(), r.lines(), r.contracts(), r.restrictions(),
                        refused, inOpenProposal, transferred, unsuitable, held, closure)))))));
    }
}
