package nl.transfertafel.capacity.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders of request bodies, and fresh codes so tests sharing one database never collide. */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    private TestData() {
    }

    /** A fresh 8-digit AGB code (prefix 5, not used by the demo data). */
    public static String freshAgb() {
        return String.format("5%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    }

    /** A fresh 4-digit UZOVI code (prefix 9). */
    public static String freshUzovi() {
        return String.format("9%03d", SEQUENCE.incrementAndGet() % 1000);
    }

    public static ProviderBuilder aProvider() {
        return new ProviderBuilder();
    }

    public static final class ProviderBuilder {
        private String name = "GGZ Test";
        private String type = "GGZ_INSTITUTION";
        private String region = "rotterdam";
        private String representativeAgb;
        private Boolean active;
        private Long version;
        private final List<Map<String, Object>> locations = new ArrayList<>();
        private final List<Map<String, Object>> offerings = new ArrayList<>();

        public ProviderBuilder named(String name) {
            this.name = name;
            return this;
        }

        public ProviderBuilder ofType(String type) {
            this.type = type;
            return this;
        }

        public ProviderBuilder inRegion(String region) {
            this.region = region;
            return this;
        }

        public ProviderBuilder representedBy(String agb) {
            this.representativeAgb = agb;
            return this;
        }

        public ProviderBuilder inactive() {
            this.active = false;
            return this;
        }

        public ProviderBuilder atVersion(long version) {
            this.version = version;
            return this;
        }

        public ProviderBuilder withLocation(String postcode, String region) {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("postcode", postcode);
            location.put("city", "Testdorp");
            location.put("region", region);
            locations.add(location);
            return this;
        }

        public ProviderBuilder withOffering(List<String> groups, String careLevel, int minAge, int maxAge,
                List<String> exclusions) {
            Map<String, Object> offering = new LinkedHashMap<>();
            offering.put("diagnosisGroups", groups);
            offering.put("careLevel", careLevel);
            offering.put("minAge", minAge);
            offering.put("maxAge", maxAge);
            offering.put("exclusions", exclusions);
            offerings.add(offering);
            return this;
        }

        /** One location in Rotterdam and one specialist offering for depression and anxiety, 18-65, no crisis-prone clients. */
        public ProviderBuilder typical() {
            return withLocation("3012 KK", "rotterdam")
                    .withOffering(List.of("DEPRESSION", "ANXIETY"), "SPECIALIST", 18, 65, List.of("CRISIS_PRONE"));
        }

        public Map<String, Object> build() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("type", type);
            body.put("region", region);
            if (representativeAgb != null) {
                body.put("representativeAgb", representativeAgb);
            }
            if (active != null) {
                body.put("active", active);
            }
            if (version != null) {
                body.put("version", version);
            }
            body.put("locations", locations);
            body.put("offerings", offerings);
            return body;
        }
    }
}
