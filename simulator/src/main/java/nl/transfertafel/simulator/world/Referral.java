package nl.transfertafel.simulator.world;

import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * One registration, drawn once per seed and replayed identically under every policy (common random
 * numbers). Everything random that can happen to this client later (leaving the list, answering an
 * offer, screening, the wait from intake to treatment) is a {@link #draw} from the client's own
 * stream, so a client decides the same way under every policy when faced with the same choice.
 *
 * @param providerChoice uniform in [0,1) that picks the provider the GP refers to among those that fit
 * @param eHealthDraw    uniform in [0,1); the client accepts e-health when it is below the share in force
 * @param leaveAfterDays days after registration when the client leaves the list on their own, if still waiting
 */
public record Referral(int id, String region, int day, DiagnosisGroup group, CareLevel level, boolean urgent,
        String ageBand, String postcodeArea, String insurerUzovi, Integer maxTravelKm, double eHealthDraw,
        boolean waitsForPreference, boolean screeningConsent, double providerChoice, int leaveAfterDays, long stream) {

    /** What a later draw is for; each purpose and attempt has its own independent uniform. */
    public enum Purpose { CLIENT_ACCEPTS, PROVIDER_ACCEPTS, SCREENING_REJECTS, ANNOUNCEMENT_STALE, TREATMENT_DELAY }

    public String referralId() {
        return region + "-" + id;
    }

    /** A uniform in [0,1) for the purpose's n-th occurrence, the same under every policy. */
    public double draw(Purpose purpose, int attempt) {
        return Streams.uniform(stream, purpose.ordinal() * 1_000L + attempt);
    }
}
