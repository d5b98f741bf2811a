package nl.transfertafel.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.matching.MatchingEngine;
import nl.transfertafel.transfertable.matching.domain.Eligibility;
import nl.transfertafel.transfertable.matching.domain.MatchRound;
import nl.transfertafel.transfertable.matching.domain.MatchingContext;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.ContractTerms;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/**
 * The transfer table's own read model at national scale, as transfer-table-service holds it in
 * memory for its matching rounds: per region the waiting clients ({@link WaitingClient}), the
 * capacity lines ({@link CapacityLine}) and the insurers' contracts, 100,000 clients and 3,000 lines
 * in 30 regions. Measured: the heap it takes, and a full matching round per region through the
 * service's real code ({@link MatchRound}: every eligibility policy on every client x line pair,
 * the engine, explanations with runner-ups and blocked alternatives).
 */
final class ReadModelBench {

    static final int REGIONS = 30;
    static final int CLIENTS = 100_000;
    static final int LINES_PER_REGION = 100;
    static final int PROVIDERS_PER_REGION = 60;
    static final String[] INSURERS = {"3311", "3343", "7029", "3358"};
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private ReadModelBench() {
    }

    /** The country: one snapshot per region. */
    static List<MatchRound.Snapshot> country(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MatchRound.Snapshot> regions = new ArrayList<>(REGIONS);
        DiagnosisGroup[] groups = DiagnosisGroup.values();
        for (int r = 0; r < REGIONS; r++) {
            String region = "region-" + r;
            int district = 10 + r * 3; // each region in its own postcode district
            String[] providers = new String[PROVIDERS_PER_REGION];
            Map<String, ContractTerms> contracts = new HashMap<>();
            for (int p = 0; p < providers.length; p++) {
                providers[p] = String.format("22%02d%04d", r, p);
                for (String insurer : INSURERS) {
                    boolean contracted = random.nextDouble() < 0.85;
                    contracts.put(ContractTerms.key(insurer, providers[p]), new ContractTerms(insurer, providers[p],
                            contracted, contracted && random.nextDouble() < 0.1));
                }
            }
            List<CapacityLine> lines = new ArrayList<>(LINES_PER_REGION);
            for (int l = 0; l < LINES_PER_REGION; l++) {
                ProviderType type = ProviderType.values()[random.nextInt(ProviderType.values().length)];
                Set<DiagnosisGroup> offered = EnumSet.noneOf(DiagnosisGroup.class);
                int count = 3 + random.nextInt(3);
                while (offered.size() < count) {
                    offered.add(groups[random.nextInt(groups.length)]);
                }
                CareLevel level = random.nextDouble() < 0.6 ? CareLevel.SPECIALIST
                        : random.nextDouble() < 0.8 ? CareLevel.BASIC : CareLevel.TO_BE_ASSESSED;
                lines.add(new CapacityLine("line-" + r + "-" + l, region, providers[random.nextInt(providers.length)],
                        "Provider " + l, type, area(district, random), offered, level, 1 + random.nextInt(11),
                        TODAY.minusDays(random.nextInt(20)), TODAY.plusDays(30 + random.nextInt(60)), 18, 120,
                        random.nextDouble() < 0.3 ? Set.of("CRISIS_PRONE") : Set.of(), CapacityLineChanged.State.OPEN,
                        true, Instant.parse("2026-11-20T10:00:00Z")));
            }
            int clients = CLIENTS / REGIONS + (r < CLIENTS % REGIONS ? 1 : 0);
            List<WaitingClient> waiting = new ArrayList<>(clients);
            for (int c = 0; c < clients; c++) {
                String id = "referral-" + r + "-" + c;
                boolean urgent = random.nextDouble() < 0.1;
                double status = random.nextDouble();
                waiting.add(new WaitingClient(id, region, "pseudonym_" + r + "_" + c + "_0123456789", "01000001",
                        area(district, random), band(random), groups[random.nextInt(groups.length)],
                        random.nextDouble() < 0.55 ? CareLevel.SPECIALIST
                                : random.nextDouble() < 0.8 ? CareLevel.BASIC : CareLevel.TO_BE_ASSESSED,
                        urgent ? Urgency.URGENT : Urgency.REGULAR, INSURERS[random.nextInt(INSURERS.length)],
                        TODAY.minusDays(random.nextInt(400)), random.nextDouble() < 0.2 ? null : 10 + random.nextInt(41),
                        random.nextBoolean(), false, null, random.nextDouble() < 0.92,
                        providers[random.nextInt(providers.length)],
                        status < 0.05 ? WaitingStatus.WAITING_FOR_PREFERENCE
                                : status < 0.08 ? WaitingStatus.WAITING_AS_PRECAUTION : WaitingStatus.ACTIVE_PLACEMENT,
                        WaitingEntryChanged.Stage.WAITING, false));
            }
            MatchingContext context = new MatchingContext(TODAY, 30, contracts, Map.of(), Set.of(), Set.of(), Set.of(),
                    Set.of(), Map.of());
            regions.add(new MatchRound.Snapshot(region, context, waiting, lines));
        }
        return regions;
    }

    private static String area(int district, SplittableRandom random) {
        return String.valueOf(district * 100 + 10 + random.nextInt(80));
    }

    private static String band(SplittableRandom random) {
        String[] bands = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
        return bands[random.nextInt(bands.length)];
    }

    /** One full round per region on the calling thread; returns {proposals, contract blocks}. */
    static int[] roundAll(List<MatchRound.Snapshot> country) {
        MatchRound round = new MatchRound(new MatchingEngine(1), Eligibility.standard());
        int proposals = 0;
        int blocks = 0;
        for (MatchRound.Snapshot region : country) {
            MatchRound.Result result = round.run(region);
            proposals += result.drafts().size();
            blocks += result.contractBlocks().size();
        }
        return new int[] {proposals, blocks};
    }

    static MatchRound.Result roundOne(MatchRound.Snapshot region) {
        return new MatchRound(new MatchingEngine(1), Eligibility.standard()).run(region);
    }
}
