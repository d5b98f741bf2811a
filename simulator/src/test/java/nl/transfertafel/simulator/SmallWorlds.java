package nl.transfertafel.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.simulator.world.ContractSpec;
import nl.transfertafel.simulator.world.LineSpec;
import nl.transfertafel.simulator.world.Parameters;
import nl.transfertafel.simulator.world.ProviderSpec;
import nl.transfertafel.simulator.world.Referral;
import nl.transfertafel.simulator.world.RegionWorld;
import nl.transfertafel.simulator.world.WorldFactory;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;

/** Test worlds: a small seeded demo region, and hand-made regions where every place is set by the test. */
final class SmallWorlds {

    static final String INSURER = "3311";

    private SmallWorlds() {
    }

    /** A short calendar and a small region, so a run of all four policies takes a second or two. */
    static Parameters small() {
        return Parameters.defaults()
                .with("days.warmup", 60)
                .with("days.measured", 120)
                .with("days.runout", 60)
                .with("referrals.perYear.demo", 1_500);
    }

    static RegionWorld demo(long seed, Parameters p) {
        return WorldFactory.demo(seed, p).get(0);
    }

    /** Parameters under which every offer is accepted and every screening passes: outcomes follow from the rules alone. */
    static Parameters everybodyAgrees() {
        return Parameters.defaults()
                .with("days.warmup", 0)
                .with("days.measured", 20)
                .with("days.runout", 10)
                .with("offer.clientAccept", 1)
                .with("offer.providerAccept", 1)
                .with("continuous.screeningReject", 0)
                .with("table.staleFailure", 0);
    }

    /** Builds a hand-made region: providers with one depression line each, no weekly places. */
    static final class HandMade {
        private final List<ProviderSpec> providers = new ArrayList<>();
        private final List<LineSpec> lines = new ArrayList<>();
        private final List<Referral> referrals = new ArrayList<>();
        private final Map<String, ContractSpec> contracts = new HashMap<>();

        /** A provider; only those with a referral weight above 0 receive referrals from GPs. */
        HandMade provider(String agb, ProviderType type, String postcode, double referralWeight) {
            ProviderSpec provider = new ProviderSpec(providers.size(), agb, "provider " + agb, type, referralWeight, false);
            providers.add(provider);
            CapacityLine template = new CapacityLine("line-" + agb, "test", agb, provider.name(), type, postcode,
                    Set.of(DiagnosisGroup.DEPRESSION), CareLevel.SPECIALIST, 0, null, null, 18, 120, Set.of(),
                    CapacityLineChanged.State.OPEN, true, null);
            lines.add(new LineSpec(lines.size(), provider, template, 0, 0, lines.size()));
            contracts.put(WorldFactory.key(INSURER, agb), new ContractSpec(INSURER, agb, true, 1_000));
            return this;
        }

        HandMade uncontracted(String agb) {
            contracts.put(WorldFactory.key(INSURER, agb), new ContractSpec(INSURER, agb, false, 0));
            return this;
        }

        /** A regular specialist depression referral on {@code day}, who never leaves the list on their own. */
        HandMade client(int day, String postcode, Integer maxTravelKm) {
            referrals.add(new Referral(referrals.size(), "test", day, DiagnosisGroup.DEPRESSION, CareLevel.SPECIALIST,
                    false, "25-34", postcode, INSURER, maxTravelKm, 0.99, false, true, 0.5, 10_000, 1000L + referrals.size()));
            return this;
        }

        RegionWorld build() {
            return new RegionWorld("test", WorldFactory.START, providers, lines, contracts, List.of(INSURER), referrals);
        }
    }
}
