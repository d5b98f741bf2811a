package nl.transfertafel.simulator.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.demo.DemoData;
import nl.transfertafel.demo.DemoDataGenerator;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;

/**
 * Builds the simulated regions from the project's demo world ({@link DemoDataGenerator}: providers of
 * each kind with locations, offerings and insurer contracts) plus what a simulation needs on top: a
 * year and more of registrations, weekly intake places per line, referral weights and budget
 * ceilings. Deterministic: the same seed and parameters give the same world.
 */
public final class WorldFactory {

    /** The first day simulated; with the default warm-up the measured year is 2026. */
    public static final LocalDate START = LocalDate.of(2025, 7, 1);
    public static final String DEMO_REGION = "apeldoorn-zutphen";

    /** Main diagnosis groups of registrations (assumption; NZa figures per group are not in the seeds). */
    static final Map<DiagnosisGroup, Double> GROUP_MIX = new LinkedHashMap<>();
    static {
        GROUP_MIX.put(DiagnosisGroup.DEPRESSION, 0.26);
        GROUP_MIX.put(DiagnosisGroup.ANXIETY, 0.22);
        GROUP_MIX.put(DiagnosisGroup.TRAUMA, 0.10);
        GROUP_MIX.put(DiagnosisGroup.PERSONALITY, 0.10);
        GROUP_MIX.put(DiagnosisGroup.ADHD, 0.07);
        GROUP_MIX.put(DiagnosisGroup.BIPOLAR_PSYCHOTIC, 0.05);
        GROUP_MIX.put(DiagnosisGroup.ADDICTION, 0.05);
        GROUP_MIX.put(DiagnosisGroup.OTHER, 0.06);
        GROUP_MIX.put(DiagnosisGroup.AUTISM, 0.04);
        GROUP_MIX.put(DiagnosisGroup.SOMATIC_SYMPTOM, 0.03);
        GROUP_MIX.put(DiagnosisGroup.EATING, 0.02);
    }

    static final String[] AGE_BANDS = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
    static final double[] AGE_MIX = {0.20, 0.26, 0.18, 0.15, 0.12, 0.09};

    /** Relative size of a provider of each kind in GP referrals (assumption). */
    static double typeWeight(ProviderType type) {
        return switch (type) {
            case GGZ_INSTITUTION -> 4.0;
            case INDEPENDENT_PRACTICE -> 1.0;
            case BASIC_GGZ -> 2.0;
            case E_HEALTH -> 1.5;
            case SOCIAL_DOMAIN -> 1.0;
        };
    }

    private WorldFactory() {
    }

    /** The demo region: Apeldoorn/Zutphen of a demo world with 24 providers. */
    public static List<RegionWorld> demo(long seed, Parameters p) {
        DemoData data = DemoDataGenerator.generate(seed, new DemoDataGenerator.Size(3, 6, 24, 0), START);
        return List.of(build(data, DEMO_REGION, 1, seed, p.get("referrals.perYear.demo"), p));
    }

    /** All 30 regions of the country-sized demo world (100 providers each). */
    public static List<RegionWorld> national(long seed, Parameters p) {
        DemoDataGenerator.Size country = DemoDataGenerator.Size.country();
        DemoData data = DemoDataGenerator.generate(seed,
                new DemoDataGenerator.Size(country.regions(), country.gpsPerRegion(), country.providersPerRegion(), 0), START);
        List<RegionWorld> worlds = new ArrayList<>();
        for (int r = 0; r < data.regions().size(); r++) {
            worlds.add(build(data, data.regions().get(r), r, seed, p.get("referrals.perYear.national"), p));
        }
        return worlds;
    }

    public static RegionWorld build(DemoData data, String region, int regionIndex, long seed, double referralsPerYear,
            Parameters p) {
        SplittableRandom random = new SplittableRandom(Streams.key(seed, regionIndex, 1));
        List<DemoData.Provider> demoProviders = data.providers().stream().filter(x -> x.region().equals(region)).toList();
        if (demoProviders.isEmpty()) {
            throw new IllegalArgumentException("the demo world has no region " + region);
        }
        // providers: referral weight by kind and a lognormal spread; GPs refer little straight to e-health
        // and the social domain, which is why those have room for transfers
        List<ProviderSpec> providers = new ArrayList<>();
        double[] capacityNoise = new double[demoProviders.size()];
        double[] directFactor = new double[demoProviders.size()];
        double spread = p.get("capacity.providerSpread");
        for (int i = 0; i < demoProviders.size(); i++) {
            DemoData.Provider d = demoProviders.get(i);
            double direct = switch (d.type()) {
                case E_HEALTH -> p.get("capacity.directReferralEHealth");
                case SOCIAL_DOMAIN -> p.get("capacity.directReferralSocial");
                default -> 1.0;
            };
            directFactor[i] = direct;
            double weight = typeWeight(d.type()) * Math.exp(0.5 * random.nextGaussian()) * direct;
            capacityNoise[i] = Math.exp(spread * random.nextGaussian() - spread * spread / 2);
            boolean stale = random.nextDouble() < p.get("capacity.staleProviderShare");
            providers.add(new ProviderSpec(i, d.agb(), d.name(), d.type(), weight, stale));
        }
        // lines: one per offering, at one of the provider's locations
        List<LineSpec> draftLines = new ArrayList<>();
        int minPc = Integer.MAX_VALUE;
        int maxPc = Integer.MIN_VALUE;
        for (int i = 0; i < demoProviders.size(); i++) {
            DemoData.Provider d = demoProviders.get(i);
            for (DemoData.Location location : d.locations()) {
                int pc = Integer.parseInt(location.postcode().substring(0, 4));
                minPc = Math.min(minPc, pc);
                maxPc = Math.max(maxPc, pc);
            }
            for (int o = 0; o < d.offerings().size(); o++) {
                DemoData.Offering offering = d.offerings().get(o);
                String postcode = d.locations().get(o % d.locations().size()).postcode().substring(0, 4);
                String id = region + "/" + d.agb() + "/" + o;
                CapacityLine template = new CapacityLine(id, region, d.agb(), d.name(), d.type(), postcode,
                        Set.copyOf(offering.diagnosisGroups()), offering.careLevel(), 0, null, null, offering.minAge(),
                        offering.maxAge(), Set.copyOf(offering.exclusions()), CapacityLineChanged.State.OPEN, true, null);
                draftLines.add(new LineSpec(draftLines.size(), providers.get(i), template, 0, random.nextInt(5),
                        Streams.key(seed, regionIndex, 1_000_000L + draftLines.size())));
            }
        }
        List<String> insurers = data.insurers().stream().map(DemoData.Insurer::uzovi).toList();
        int totalDays = p.days("days.warmup") + p.days("days.measured") + p.days("days.runout");
        List<Referral> referrals = referrals(region, regionIndex, seed, referralsPerYear, totalDays, minPc, maxPc,
                insurers, p);

        // size each line's places from the registrations it would receive in a year, times the
        // provider's spread and the capacity factor (e-health and social domain: as if GPs referred
        // there as much as elsewhere)
        RegionWorld probe = new RegionWorld(region, START, providers, draftLines, Map.of(), insurers, referrals);
        double[] demand = new double[draftLines.size()];
        int yearEnd = p.days("days.warmup") + 365;
        for (Referral r : referrals) {
            if (r.day() >= p.days("days.warmup") && r.day() < yearEnd) {
                LineSpec home = probe.homeLine(r, line -> true);
                if (home != null) {
                    demand[home.index()]++;
                }
            }
        }
        List<LineSpec> lines = new ArrayList<>();
        double[] providerIntakes = new double[providers.size()];
        for (LineSpec draft : draftLines) {
            int pi = draft.provider().index();
            double perYear = p.get("capacity.factor") * demand[draft.index()] * capacityNoise[pi] / directFactor[pi];
            providerIntakes[pi] += perYear;
            lines.add(new LineSpec(draft.index(), draft.provider(), draft.template(), perYear / 52.0, draft.openingDay(),
                    draft.stream()));
        }
        // contracts from demo-data; the ceiling (in intakes a year per insurer) between ceilingMin and
        // ceilingMax of the provider's expected intakes, placed by demo-data's ceiling amount
        Map<String, ContractSpec> contracts = new HashMap<>();
        double lo = p.get("contracts.ceilingMin");
        double hi = p.get("contracts.ceilingMax");
        for (DemoData.Contract c : data.contracts()) {
            ProviderSpec provider = providers.stream().filter(x -> x.agb().equals(c.providerAgb())).findFirst().orElse(null);
            if (provider == null) {
                continue;
            }
            double position = Math.max(0, Math.min(1, (c.ceilingEuro() - 200_000) / 800_000.0));
            int ceiling = (int) Math.ceil(providerIntakes[provider.index()] / insurers.size() * (lo + (hi - lo) * position));
            contracts.put(key(c.insurerUzovi(), c.providerAgb()),
                    new ContractSpec(c.insurerUzovi(), c.providerAgb(), c.contracted(), ceiling));
        }
        return new RegionWorld(region, START, providers, lines, contracts, insurers, referrals);
    }

    public static String key(String insurer, String providerAgb) {
        return insurer + "/" + providerAgb;
    }

    private static List<Referral> referrals(String region, int regionIndex, long seed, double perYear, int days,
            int minPc, int maxPc, List<String> insurers, Parameters p) {
        SplittableRandom random = new SplittableRandom(Streams.key(seed, regionIndex, 2));
        double weekend = p.get("referrals.weekendFactor");
        double perDay = perYear / 365.0;
        double weekdayRate = perDay * 7 / (5 + 2 * weekend);
        double leaveRate = -Math.log(1 - p.get("clients.leavePerMonth")) / 30.44;
        List<Referral> referrals = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            LocalDate date = START.plusDays(day);
            double mean = (RegionWorld.weekend(date) ? weekdayRate * weekend : weekdayRate)
                    * RegionWorld.referralSeason(date, p);
            int count = Streams.poisson(mean, random.nextDouble());
            for (int k = 0; k < count; k++) {
                DiagnosisGroup group = pick(GROUP_MIX, random.nextDouble());
                double lu = random.nextDouble();
                CareLevel level = lu < p.get("clients.specialistShare") ? CareLevel.SPECIALIST
                        : lu < p.get("clients.specialistShare") + p.get("clients.basicShare") ? CareLevel.BASIC
                        : CareLevel.TO_BE_ASSESSED;
                boolean urgent = random.nextDouble() < p.get("clients.urgentShare");
                String age = AGE_BANDS[pickIndex(AGE_MIX, random.nextDouble())];
                String postcode = String.valueOf(minPc + random.nextInt(maxPc - minPc + 1));
                String insurer = insurers.get(random.nextInt(insurers.size()));
                Integer maxKm = random.nextDouble() < p.get("clients.namedTravelShare") ? 10 + random.nextInt(41) : null;
                double eHealth = random.nextDouble();
                boolean preference = random.nextDouble() < p.get("clients.preferenceShare");
                boolean consent = random.nextDouble() < p.get("clients.consentShare");
                double choice = random.nextDouble();
                int leave = (int) Math.ceil(-Math.log(1 - random.nextDouble()) / leaveRate);
                long stream = random.nextLong();
                referrals.add(new Referral(referrals.size(), region, day, group, level, urgent, age, postcode, insurer,
                        maxKm, eHealth, preference, consent, choice, Math.max(1, leave), stream));
            }
        }
        return referrals;
    }

    private static <T> T pick(Map<T, Double> mix, double u) {
        double total = mix.values().stream().mapToDouble(Double::doubleValue).sum();
        double target = u * total;
        T last = null;
        for (Map.Entry<T, Double> e : mix.entrySet()) {
            last = e.getKey();
            target -= e.getValue();
            if (target < 0) {
                return last;
            }
        }
        return last;
    }

    private static int pickIndex(double[] weights, double u) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = u * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
