package nl.transfertafel.transfertable.screening.domain;

import java.util.Locale;

/**
 * An organisation code as the four-eyes rule compares it (AGB code of a provider, an organisation
 * code of a coordinator's employer). Tokens, events and stored approvals write the same
 * organisation differently ("022000001", " 22000001", "cos-rdam"), so the rule never compares raw
 * strings: {@link #normalised()} trims, upper-cases and drops the leading zeros of an all-digit
 * code (AGB codes are numbers; a zero-padded nine-digit export and the eight-digit code are one
 * organisation). A missing or blank code is not an organisation at all: {@link #of} answers null,
 * and the policy refuses instead of counting "unknown" as "another organisation" (ADR 0710).
 */
public record OrganisationCode(String value) {

    public OrganisationCode {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an organisation code is not blank");
        }
        value = normalise(value);
    }

    /** The normalised code, or null when the text names no organisation. */
    public static OrganisationCode of(String text) {
        return text == null || text.isBlank() ? null : new OrganisationCode(text);
    }

    /** Whether both texts name the same organisation; an unknown organisation is never the same as anything. */
    public static boolean same(String a, String b) {
        OrganisationCode left = of(a);
        return left != null && left.equals(of(b));
    }

    public String normalised() {
        return value;
    }

    private static String normalise(String text) {
        String trimmed = text.strip().toUpperCase(Locale.ROOT);
        if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String stripped = trimmed.replaceFirst("^0+", "");
            return stripped.isEmpty() ? "0" : stripped;
        }
        return trimmed;
    }

    @Override
    public String toString() {
        return value;
    }
}
