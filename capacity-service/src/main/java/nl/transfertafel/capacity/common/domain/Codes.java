package nl.transfertafel.capacity.common.domain;

import java.util.Optional;
import java.util.regex.Pattern;
import nl.transfertafel.contracts.vocabulary.Regions;

/** Checks of the Dutch codes this service is keyed by (they also arrive as path segments). */
public final class Codes {

    private static final Pattern AGB = Pattern.compile("[0-9]{8}");
    private static final Pattern UZOVI = Pattern.compile("[0-9]{4}");

    private Codes() {
    }

    public static Optional<Refusal> agb(String field, String value) {
        return value != null && AGB.matcher(value).matches() ? Optional.empty()
                : Optional.of(Refusal.invalid(field, "Pattern", "must be an AGB code of 8 digits"));
    }

    public static Optional<Refusal> uzovi(String field, String value) {
        return value != null && UZOVI.matcher(value).matches() ? Optional.empty()
                : Optional.of(Refusal.invalid(field, "Pattern", "must be a UZOVI code of 4 digits"));
    }

    public static Optional<Refusal> region(String field, String value) {
        return Regions.isKnown(value) ? Optional.empty()
                : Optional.of(Refusal.invalid(field, "known-region", "must be one of the ggz region codes"));
    }
}
