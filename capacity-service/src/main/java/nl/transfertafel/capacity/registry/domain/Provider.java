package nl.transfertafel.capacity.registry.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Codes;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Events;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.events.capacity.ProviderProfileChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/**
 * A provider in the registry: the organisation (AGB code, name, type, home region), the locations
 * where it sees clients and the offerings it has (which diagnosis groups, care level, ages and
 * exclusions). Small practices may be represented by another organisation (criterion k of the 2021
 * action plan), which then maintains the record and announces capacity for them.
 */
public record Provider(
        String agb,
        String name,
        ProviderType type,
        String region,
        String representativeAgb,
        boolean active,
        List<Location> locations,
        List<Offering> offerings,
        long version) {

    public Provider {
        locations = List.copyOf(locations);
        offerings = List.copyOf(offerings);
    }

    /** A place where the provider sees clients. The full postcode is the organisation's address, not personal data. */
    public record Location(UUID id, String postcode, String city, String region) {

        /** The four digits the matcher works with (events never carry a full postcode). */
        public String postcodeArea() {
            return postcode.substring(0, 4);
        }
    }

    /** What the provider offers to whom: the terms the matcher applies to every capacity line of it. */
    public record Offering(UUID id, List<DiagnosisGroup> diagnosisGroups, CareLevel careLevel, int minAge, int maxAge,
            List<ExclusionCriterion> exclusions) {

        public Offering {
            diagnosisGroups = List.copyOf(diagnosisGroups);
            exclusions = List.copyOf(exclusions);
        }

        public boolean covers(List<DiagnosisGroup> groups) {
            return diagnosisGroups.containsAll(groups);
        }
    }

    public Optional<Location> location(UUID id) {
        return locations.stream().filter(location -> location.id().equals(id)).findFirst();
    }

    public Optional<Offering> offering(UUID id) {
        return offerings.stream().filter(offering -> offering.id().equals(id)).findFirst();
    }

    public boolean representedBy(String organisation) {
        return representativeAgb != null && representativeAgb.equals(organisation);
    }

    /** The regions the provider works in: its home region and those of its locations. */
    public Set<String> regions() {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(region);
        locations.forEach(location -> regions.add(location.region()));
        return regions;
    }

    /** Registers a new provider (ADMIN only). */
    public static Outcome<Provider> register(String agb, ProviderDetails details, Acting acting, Clock clock) {
        Decision decision = ProviderAuthority.mayRegister(acting)
                .and(() -> Codes.agb("providerAgb", agb).map(Decision::refuse).orElse(Decision.allow()))
                .and(() -> validate(agb, details, null));
        if (decision.refusal().isPresent()) {
            return Outcome.rejected(decision.refusal().get());
        }
        Provider provider = build(agb, details, 1);
        return Outcome.done(provider, provider.profileChanged(clock));
    }

    /** Replaces the record with the given details: by ADMIN, the provider itself or its representative. */
    public Outcome<Provider> change(ProviderDetails details, Acting acting, Clock clock) {
        Decision decision = ProviderAuthority.mayMaintain(acting, this)
                .and(() -> Objects.equals(details.representativeAgb(), representativeAgb) ? Decision.allow()
                        : ProviderAuthority.mayChangeRepresentative(acting, this))
                .and(() -> details.expectedVersion() == null || details.expectedVersion() == version ? Decision.allow()
                        : Decision.refuse(Refusal.conflict("version-conflict", "provider " + agb
                                + " changed meanwhile (now version " + version + "); read it again and retry")))
                .and(() -> validate(agb, details, this));
        if (decision.refusal().isPresent()) {
            return Outcome.rejected(decision.refusal().get());
        }
        Provider changed = build(agb, details, version + 1);
        if (changed.sameAs(this)) {
            return Outcome.unchanged(this);
        }
        return Outcome.done(changed, changed.profileChanged(clock));
    }

    private boolean sameAs(Provider other) {
        return name.equals(other.name) && type == other.type && region.equals(other.region)
                && Objects.equals(representativeAgb, other.representativeAgb) && active == other.active
                && locations.equals(other.locations) && offerings.equals(other.offerings);
    }

    private static Decision validate(String agb, ProviderDetails details, Provider current) {
        List<Refusal> problems = new ArrayList<>();
        Codes.region("region", details.region()).ifPresent(problems::add);
        if (details.representativeAgb() != null) {
            Codes.agb("representativeAgb", details.representativeAgb()).ifPresent(problems::add);
            if (details.representativeAgb().equals(agb)) {
                problems.add(Refusal.invalid("representativeAgb", "not-self", "a provider does not represent itself"));
            }
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < details.locations().size(); i++) {
            ProviderDetails.LocationDetails location = details.locations().get(i);
            String field = "locations[" + i + "]";
            Codes.region(field + ".region", location.region()).ifPresent(problems::add);
            if (location.locationId() != null && (current == null || current.location(location.locationId()).isEmpty())) {
                problems.add(Refusal.invalid(field + ".locationId", "known-location",
                        "leave it out for a new location, or name one of this provider's locations"));
            }
            if (location.locationId() != null && !seen.add(location.locationId())) {
                problems.add(Refusal.invalid(field + ".locationId", "unique", "named twice"));
            }
        }
        for (int i = 0; i < details.offerings().size(); i++) {
            ProviderDetails.OfferingDetails offering = details.offerings().get(i);
            String field = "offerings[" + i + "]";
            if (offering.minAge() > offering.maxAge()) {
                problems.add(Refusal.invalid(field + ".minAge", "age-range", "must not be above maxAge"));
            }
            if (offering.offeringId() != null && (current == null || current.offering(offering.offeringId()).isEmpty())) {
                problems.add(Refusal.invalid(field + ".offeringId", "known-offering",
                        "leave it out for a new offering, or name one of this provider's offerings"));
            }
            if (offering.offeringId() != null && !seen.add(offering.offeringId())) {
                problems.add(Refusal.invalid(field + ".offeringId", "unique", "named twice"));
            }
        }
        return problems.isEmpty() ? Decision.allow() : Decision.refuse(problems.get(0));
    }

    private static Provider build(String agb, ProviderDetails details, long version) {
        List<Location> locations = details.locations().stream()
                .map(l -> new Location(l.locationId() != null ? l.locationId() : UUID.randomUUID(),
                        normalisePostcode(l.postcode()), blankToNull(l.city()), l.region()))
                .toList();
        List<Offering> offerings = details.offerings().stream()
                .map(o -> new Offering(o.offeringId() != null ? o.offeringId() : UUID.randomUUID(),
                        distinct(o.diagnosisGroups()), o.careLevel(), o.minAge(), o.maxAge(), distinct(o.exclusions())))
                .toList();
        return new Provider(agb, details.name().trim(), details.type(), details.region(),
                details.representativeAgb(), details.active(), locations, offerings, version);
    }

    private ProviderProfileChanged.Location toEvent(Location location) {
        return new ProviderProfileChanged.Location(location.id().toString(), location.postcodeArea(), location.region());
    }

    private ProviderProfileChanged.Offering toEvent(Offering offering) {
        return new ProviderProfileChanged.Offering(offering.id().toString(), offering.diagnosisGroups(),
                offering.careLevel(), offering.minAge(), offering.maxAge(),
                offering.exclusions().stream().map(Enum::name).toList());
    }

    private nl.transfertafel.contracts.events.NewEvent profileChanged(Clock clock) {
        return Events.event(clock, region, agb, new ProviderProfileChanged(agb, name, type, representativeAgb,
                locations.stream().map(this::toEvent).toList(), offerings.stream().map(this::toEvent).toList(), active,
                version));
    }

    public static String normalisePostcode(String postcode) {
        return postcode.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E> List<E> distinct(List<E> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }
}
