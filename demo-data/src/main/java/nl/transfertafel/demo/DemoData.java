package nl.transfertafel.demo;

import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.contracts.vocabulary.Urgency;

/**
 * A generated world: regions with GPs, providers of each kind and their locations and offerings,
 * insurers with contracts, capacity, and waiting clients. Plain data, so the local stack loads it
 * through the public APIs and benchmarks can scale it up to the whole country.
 */
public record DemoData(
        List<String> regions,
        List<GpPractice> gpPractices,
        List<Provider> providers,
        List<Insurer> insurers,
        List<Contract> contracts,
        List<Capacity> capacity,
        List<Client> clients) {

    public record GpPractice(String agb, String name, String region) {
    }

    public record Provider(String agb, String name, ProviderType type, String region, List<Location> locations,
            List<Offering> offerings) {
    }

    public record Location(String postcode, String city) {
    }

    public record Offering(List<DiagnosisGroup> diagnosisGroups, CareLevel careLevel, int minAge, int maxAge,
            List<String> exclusions) {
    }

    public record Insurer(String uzovi, String name) {
    }

    /** Per insurer and provider: contracted or not, and the budget ceiling (amounts in euro) with what is used. */
    public record Contract(String insurerUzovi, String providerAgb, boolean contracted, long ceilingEuro, long usedEuro) {
    }

    public record Capacity(String providerAgb, String region, ProviderType providerType, String locationPostcode,
            List<DiagnosisGroup> diagnosisGroups, CareLevel careLevel, int places, LocalDate availableFrom,
            LocalDate availableUntil) {
    }

    /**
     * A waiting client as their GP would refer them. The personal data is made up (BSNs pass the
     * eleven test but are drawn at random, names are combined from common Dutch names, e-mail
     * addresses use the reserved domain example.org) and never leaves intake-service once loaded.
     * {@code email} and {@code phone} may be null; {@code language} is "nl" or "en".
     */
    public record Client(String gpAgb, String region, String bsn, LocalDate dateOfBirth, String postcode,
            String insurerUzovi, DiagnosisGroup diagnosisGroup, CareLevel careLevel, Urgency urgency,
            String preferredProviderAgb, Integer maxTravelKm, boolean eHealthAcceptable, boolean screeningConsent,
            int daysWaited, String name, String email, String phone, String language) {
    }
}
