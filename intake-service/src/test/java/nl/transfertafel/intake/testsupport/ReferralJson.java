package nl.transfertafel.intake.testsupport;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.transfertafel.contracts.events.EventJson;

/**
 * Test-data builder for referral (and onboarding) bodies: a valid referral of a fresh client unless
 * a test says otherwise ({@code aReferral().to(provider).urgent().json()}).
 */
public final class ReferralJson {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ReferralJson() {
        fields.put("bsn", TestData.bsn());
        fields.put("name", "Test Cliënt " + Integer.toHexString(System.identityHashCode(this)));
        fields.put("dateOfBirth", "1990-04-01");
        fields.put("postcode", "3011 AB");
        fields.put("email", "client" + Integer.toHexString(System.identityHashCode(this)) + "@example.org");
        fields.put("phone", "+31 6 1234 5678");
        fields.put("language", "nl");
        fields.put("insurerUzovi", "3311");
        fields.put("diagnosisGroup", "ANXIETY");
        fields.put("careLevel", "SPECIALIST");
        fields.put("urgency", "REGULAR");
        fields.put("maxTravelKm", 25);
        fields.put("eHealthAcceptable", true);
        fields.put("waitForPreferredProvider", false);
        fields.put("screeningConsent", true);
    }

    public static ReferralJson aReferral() {
        return new ReferralJson();
    }

    /** An onboarding body: the same client fields plus the referring GP and the original registration date. */
    public static ReferralJson anOnboardedEntry(String referrerAgb, LocalDate registeredOn) {
        return new ReferralJson().with("referrerAgb", referrerAgb).with("registeredOn", registeredOn.toString());
    }

    public ReferralJson to(String preferredProviderAgb) {
        return with("preferredProviderAgb", preferredProviderAgb);
    }

    public ReferralJson urgent() {
        return with("urgency", "URGENT");
    }

    public ReferralJson group(String diagnosisGroup) {
        return with("diagnosisGroup", diagnosisGroup);
    }

    public ReferralJson bsn(String bsn) {
        return with("bsn", bsn);
    }

    public ReferralJson with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public ReferralJson without(String field) {
        fields.remove(field);
        return this;
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public String json() {
        return EventJson.mapper().writeValueAsString(fields);
    }
}
