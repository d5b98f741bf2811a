package nl.transfertafel.intake.referral.web;

import java.time.LocalDate;
import java.util.Locale;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.intake.client.domain.ClientDetails;
import nl.transfertafel.intake.referral.domain.ReferralRequest;

/**
 * The client and care fields a referral and an onboarded waiting-list entry share, so both bodies
 * turn into the same request the same way. The validation rules sit on each body's fields.
 */
public interface ClientFields {

    String POSTCODE = "[1-9][0-9]{3} ?(?![sS][aAdDsS])[A-Za-z]{2}";
    String POSTCODE_MESSAGE = "must be a Dutch postcode like 3011 AB";
    String EMAIL = "[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}";
    String PHONE = "\\+?[0-9][0-9 ()-]{7,19}";
    String PHONE_MESSAGE = "must be a phone number of 8 to 20 digits, spaces, '-', '(' or ')', optionally starting with +";
    String LANGUAGE = "nl|en";
    /** An organisation code for client support, as ClientSupportChanged carries it. */
    String SUPPORT_ORGANISATION = "[A-Za-z0-9-]{2,40}";
    String SUPPORT_ORGANISATION_MESSAGE = "must be an organisation code of 2 to 40 letters, digits or '-'";
    String UZOVI = "\\d{4}";
    String AGB = "\\d{8}";

    /**
     * Plausibility of a date of birth (issue 11 item 19): a client is born before today and at most
     * 120 years ago (the oldest person on record reached 122; a referral of someone older is a typo,
     * and the age band would silently say 65+).
     */
    int MAX_AGE_YEARS = 120;
    String MAX_AGE_MESSAGE = "must be at most 120 years ago";

    String bsn();

    String name();

    LocalDate dateOfBirth();

    String postcode();

    String email();

    String phone();

    String language();

    String insurerUzovi();

    DiagnosisGroup diagnosisGroup();

    CareLevel careLevel();

    Urgency urgency();

    Integer maxTravelKm();

    Boolean eHealthAcceptable();

    Boolean waitForPreferredProvider();

    Boolean screeningConsent();

    /** The client-support organisation acting for the client; none unless the body names one. */
    default String clientSupportOrganisation() {
        return null;
    }

    default ClientDetails client() {
        return new ClientDetails(bsn(), name().strip(), dateOfBirth(), ClientDetails.normalisePostcode(postcode()),
                blankToNull(email()), blankToNull(phone()),
                language() == null ? ClientDetails.Language.NL
                        : ClientDetails.Language.valueOf(language().toUpperCase(Locale.ROOT)));
    }

    default ReferralRequest toRequest(String preferredProviderAgb) {
        return new ReferralRequest(client(), insurerUzovi(), diagnosisGroup(), careLevel(), urgency(), preferredProviderAgb,
                new ReferralRequest.Preferences(maxTravelKm(), Boolean.TRUE.equals(eHealthAcceptable()),
                        Boolean.TRUE.equals(waitForPreferredProvider())),
                screeningConsent(), clientSupportOrganisation());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
