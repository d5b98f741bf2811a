package nl.transfertafel.intake.client.domain;

import java.time.LocalDate;

/**
 * Who the client is and how to reach them: the personal data that never leaves intake-service. It is
 * stored encrypted and read only with an audit row. {@code toString} is overridden so a stray log
 * line or exception message cannot leak it.
 */
public record ClientDetails(
        String bsn,
        String name,
        LocalDate dateOfBirth,
        String postcode,
        String email,
        String phone,
        Language language) {

    public enum Language { NL, EN }

    /** Postcodes are kept as {@code 1234AB}: no space, upper case. */
    public static String normalisePostcode(String postcode) {
        return postcode.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The four digits of the postcode: what matching may know of the address. */
    public String postcodeArea() {
        return postcode.substring(0, 4);
    }

    @Override
    public String toString() {
        return "ClientDetails[redacted]";
    }
}
