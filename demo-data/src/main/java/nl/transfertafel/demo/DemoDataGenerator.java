package nl.transfertafel.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.contracts.vocabulary.Regions;
import nl.transfertafel.contracts.vocabulary.Urgency;

/**
 * Generates {@link DemoData} deterministically from a seed: the same seed and size give the same
 * world, byte for byte. The first region always holds the fixed demo organisations that the local
 * token issuer's demo users act for (see {@link DemoOrganisations}).
 */
public final class DemoDataGenerator {

    /** How big a world to make. */
    public record Size(int regions, int gpsPerRegion, int providersPerRegion, int clientsPerRegion) {

        public static Size demo() {
            return new Size(3, 6, 8, 40);
        }

        public static Size country() {
            return new Size(30, 60, 100, 3_334);
        }
    }

    private static final Map<String, int[]> POSTCODE_RANGES = Map.of(
            "rotterdam", new int[] {3011, 3089},
            "apeldoorn-zutphen", new int[] {7311, 7339},
            "utrecht", new int[] {3511, 3585});

    private static final List<DemoData.Insurer> INSURERS = List.of(
            new DemoData.Insurer(DemoOrganisations.INSURER_UZOVI, "Zorgverzekeraar Rijnmond"),
            new DemoData.Insurer("3343", "Zorgverzekeraar Midden"),
            new DemoData.Insurer("7029", "Zorgverzekeraar Oost"),
            new DemoData.Insurer("3358", "Zorgverzekeraar Noord"));

    private static final String[] GIVEN_NAMES = {"Anouk", "Bram", "Daan", "Emma", "Fatima", "Finn", "Julia", "Lars",
            "Lotte", "Mehmet", "Noah", "Nora", "Priya", "Ruben", "Sanne", "Sem", "Sophie", "Thijs", "Yara", "Zoë"};
    private static final String[] FAMILY_NAMES = {"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker",
            "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
            "van Leeuwen", "Dekker", "Yilmaz", "El Amrani", "Kaya", "Brouwer", "de Wit"};

    private static final String[] CITIES = {"Rotterdam", "Apeldoorn", "Utrecht", "Zutphen", "Schiedam", "Deventer",
            "Amersfoort", "Capelle"};

    private DemoDataGenerator() {
    }

    public static DemoData generate(long seed, Size size, LocalDate today) {
        Random random = new Random(seed);
        // contact details come from their own stream, so adding them left every other generated value as it was
        Random contacts = new Random(seed ^ 0x636f6e74616374L);
        List<String> regions = regions(size.regions());
        List<DemoData.GpPractice> gps = new ArrayList<>();
        List<DemoData.Provider> providers = new ArrayList<>();
        List<DemoData.Contract> contracts = new ArrayList<>();
        List<DemoData.Capacity> capacity = new ArrayList<>();
        List<DemoData.Client> clients = new ArrayList<>();

        for (int r = 0; r < regions.size(); r++) {
            String region = regions.get(r);
            List<DemoData.GpPractice> regionGps = new ArrayList<>();
            for (int g = 0; g < size.gpsPerRegion(); g++) {
                String agb = r == 0 && g == 0 ? DemoOrganisations.GP_PRACTICE_AGB
                        : r == 0 && g == 1 ? DemoOrganisations.SECOND_GP_PRACTICE_AGB
                        : agb("01", r, g);
                regionGps.add(new DemoData.GpPractice(agb, "Huisartsenpraktijk " + region + " " + (g + 1), region));
            }
            gps.addAll(regionGps);

            List<DemoData.Provider> regionProviders = new ArrayList<>();
            ProviderType[] types = ProviderType.values();
            for (int p = 0; p < size.providersPerRegion(); p++) {
                ProviderType type = types[p % types.length];
                String agb = r == 0 && p == 0 ? DemoOrganisations.PROVIDER_AGB
                        : r == 0 && p == 1 ? DemoOrganisations.OTHER_PROVIDER_AGB
                        : r == 0 && p == 2 ? DemoOrganisations.THIRD_PROVIDER_AGB
                        : r == 1 && p == 0 ? DemoOrganisations.OTHER_REGION_PROVIDER_AGB
                        : agb("22", r, p);
                if (r == 0 && p == 1) {
                    type = ProviderType.INDEPENDENT_PRACTICE;
                }
                int locationCount = type == ProviderType.GGZ_INSTITUTION ? 2 : 1;
                List<DemoData.Location> locations = new ArrayList<>();
                for (int l = 0; l < locationCount; l++) {
                    locations.add(new DemoData.Location(postcode(region, random), CITIES[random.nextInt(CITIES.length)]));
                }
                List<DemoData.Offering> offerings = offerings(type, random);
                regionProviders.add(new DemoData.Provider(agb, providerName(type, region, p), type, region, locations,
                        offerings));
            }
            providers.addAll(regionProviders);

            for (DemoData.Provider provider : regionProviders) {
                for (DemoData.Insurer insurer : INSURERS) {
                    boolean contracted = provider.type() == ProviderType.SOCIAL_DOMAIN || random.nextDouble() < 0.85;
                    long ceiling = contracted ? 200_000 + random.nextInt(800_000) : 0;
                    long used = contracted ? (long) (ceiling * (0.3 + random.nextDouble() * 0.75)) : 0;
                    contracts.add(new DemoData.Contract(insurer.uzovi(), provider.agb(), contracted, ceiling,
                            Math.min(used, ceiling)));
                }
                for (DemoData.Offering offering : provider.offerings()) {
                    if (random.nextDouble() < 0.7) {
                        DemoData.Location location = provider.locations().get(random.nextInt(provider.locations().size()));
                        capacity.add(new DemoData.Capacity(provider.agb(), region, provider.type(), location.postcode(),
                                offering.diagnosisGroups(), offering.careLevel(), 1 + random.nextInt(4),
                                today.plusDays(random.nextInt(14)), today.plusDays(30 + random.nextInt(60))));
                    }
                }
            }

            for (int c = 0; c < size.clientsPerRegion(); c++) {
                DemoData.GpPractice gp = regionGps.get(random.nextInt(regionGps.size()));
                DiagnosisGroup group = DiagnosisGroup.values()[random.nextInt(DiagnosisGroup.values().length)];
                CareLevel level = random.nextDouble() < 0.55 ? CareLevel.SPECIALIST
                        : random.nextDouble() < 0.8 ? CareLevel.BASIC : CareLevel.TO_BE_ASSESSED;
                boolean urgent = random.nextDouble() < 0.1;
                String preferred = random.nextDouble() < 0.6
                        ? regionProviders.get(random.nextInt(regionProviders.size())).agb() : null;
                Contact contact = contact(contacts, clients.size());
                clients.add(new DemoData.Client(gp.agb(), region, bsn(random),
                        today.minusYears(16 + random.nextInt(70)).minusDays(random.nextInt(365)),
                        postcode(region, random) + " " + letters(random), INSURERS.get(random.nextInt(INSURERS.size())).uzovi(),
                        group, level, urgent ? Urgency.URGENT : Urgency.REGULAR, preferred,
                        random.nextDouble() < 0.2 ? null : 10 + random.nextInt(41), random.nextDouble() < 0.5,
                        random.nextDouble() < 0.92, random.nextInt(200), contact.name(), contact.email(),
                        contact.phone(), contact.language()));
            }
        }
        return new DemoData(regions, gps, providers, INSURERS, contracts, capacity, clients);
    }

    private record Contact(String name, String email, String phone, String language) {
    }

    /** A made-up name, often an e-mail address at example.org and a mobile number, mostly Dutch-speaking. */
    private static Contact contact(Random random, int sequence) {
        String given = GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
        String family = FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)];
        String email = random.nextDouble() < 0.85
                ? (given + "." + family).toLowerCase(java.util.Locale.ROOT).replace(" ", "").replace("ë", "e")
                        + sequence + "@example.org"
                : null;
        String phone = random.nextDouble() < 0.8 ? String.format("+31 6 %08d", random.nextInt(100_000_000)) : null;
        String language = random.nextDouble() < 0.9 ? "nl" : "en";
        return new Contact(given + " " + family, email, phone, language);
    }

    private static List<String> regions(int count) {
        List<String> regions = new ArrayList<>(List.of("rotterdam", "apeldoorn-zutphen", "utrecht"));
        for (String code : Regions.all().keySet()) {
            if (!regions.contains(code)) {
                regions.add(code);
            }
        }
        return List.copyOf(regions.subList(0, Math.min(count, regions.size())));
    }

    private static List<DemoData.Offering> offerings(ProviderType type, Random random) {
        List<DemoData.Offering> offerings = new ArrayList<>();
        switch (type) {
            case GGZ_INSTITUTION -> {
                offerings.add(new DemoData.Offering(List.of(DiagnosisGroup.BIPOLAR_PSYCHOTIC, DiagnosisGroup.PERSONALITY),
                        CareLevel.SPECIALIST, 18, 120, List.of()));
                offerings.add(new DemoData.Offering(List.of(DiagnosisGroup.DEPRESSION, DiagnosisGroup.ANXIETY,
                        DiagnosisGroup.TRAUMA), CareLevel.SPECIALIST, 18, 120, List.of()));
                offerings.add(new DemoData.Offering(List.of(DiagnosisGroup.ADDICTION), CareLevel.SPECIALIST, 18, 120,
                        List.of()));
            }
            case INDEPENDENT_PRACTICE -> offerings.add(new DemoData.Offering(some(random, 3), CareLevel.SPECIALIST, 18,
                    120, List.of("CRISIS_PRONE", "ADDICTION_COMORBIDITY")));
            case BASIC_GGZ -> offerings.add(new DemoData.Offering(List.of(DiagnosisGroup.ANXIETY,
                    DiagnosisGroup.DEPRESSION, DiagnosisGroup.SOMATIC_SYMPTOM), CareLevel.BASIC, 18, 120,
                    List.of("CRISIS_PRONE")));
            case E_HEALTH -> offerings.add(new DemoData.Offering(List.of(DiagnosisGroup.ANXIETY,
                    DiagnosisGroup.DEPRESSION), CareLevel.BASIC, 16, 120, List.of("CRISIS_PRONE")));
            case SOCIAL_DOMAIN -> offerings.add(new DemoData.Offering(List.of(DiagnosisGroup.OTHER,
                    DiagnosisGroup.DEPRESSION), CareLevel.TO_BE_ASSESSED, 18, 120, List.of()));
        }
        return offerings;
    }

    private static List<DiagnosisGroup> some(Random random, int count) {
        EnumSet<DiagnosisGroup> groups = EnumSet.noneOf(DiagnosisGroup.class);
        while (groups.size() < count) {
            groups.add(DiagnosisGroup.values()[random.nextInt(DiagnosisGroup.values().length - 1)]);
        }
        return List.copyOf(groups);
    }

    private static String providerName(ProviderType type, String region, int index) {
        String kind = switch (type) {
            case GGZ_INSTITUTION -> "GGZ-instelling";
            case INDEPENDENT_PRACTICE -> "Psychologenpraktijk";
            case BASIC_GGZ -> "Basis-ggz";
            case E_HEALTH -> "E-health";
            case SOCIAL_DOMAIN -> "Wijkteam";
        };
        return kind + " " + region + " " + (index + 1);
    }

    /** Eight-digit AGB codes: a two-digit kind prefix, the region and a sequence number. */
    private static String agb(String prefix, int region, int index) {
        return String.format("%s%02d%04d", prefix, region, index + 10);
    }

    private static String postcode(String region, Random random) {
        int[] range = POSTCODE_RANGES.getOrDefault(region, new int[] {1000 + 300 * (Math.abs(region.hashCode()) % 29),
                1000 + 300 * (Math.abs(region.hashCode()) % 29) + 99});
        return String.valueOf(range[0] + random.nextInt(range[1] - range[0] + 1));
    }

    private static String letters(Random random) {
        // SA, SD and SS are not used in Dutch postcodes
        char first = (char) ('A' + random.nextInt(26));
        char second = (char) ('A' + random.nextInt(26));
        if (first == 'S' && (second == 'A' || second == 'D' || second == 'S')) {
            second = 'B';
        }
        return "" + first + second;
    }

    /** A random nine-digit number that passes the eleven test. */
    static String bsn(Random random) {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = (i == 0 ? 1 + random.nextInt(9) : random.nextInt(10));
                sum += (9 - i) * digits[i];
            }
            int last = sum % 11;
            if (last <= 9) {
                digits[8] = last;
                StringBuilder out = new StringBuilder();
                for (int digit : digits) {
                    out.append(digit);
                }
                return out.toString();
            }
        }
    }
}
