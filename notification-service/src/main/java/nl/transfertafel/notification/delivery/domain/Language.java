package nl.transfertafel.notification.delivery.domain;

import java.util.Locale;

/** The languages of the templates. Organisations get both; a client gets the language registered with its contact. */
public enum Language {
    NL,
    EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Dutch unless English was asked for: the default of a Dutch public service. */
    public static Language of(String code) {
        return code != null && code.trim().equalsIgnoreCase("en") ? EN : NL;
    }
}
