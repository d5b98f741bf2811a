package nl.transfertafel.testkit.engines;

import java.util.Locale;

/**
 * Which engines the tests run on: the embedded ones (default: no Docker needed) or containers started by
 * Testcontainers ({@code TRANSFERTAFEL_ENGINES=testcontainers}, as environment variable or system property;
 * {@code ./mvnw verify -Ptestcontainers} sets it).
 */
public enum EngineMode {
    EMBEDDED,
    TESTCONTAINERS;

    public static final String VARIABLE = "TRANSFERTAFEL_ENGINES";

    /** The mode this JVM was asked for. */
    public static EngineMode configured() {
        return parse(System.getProperty(VARIABLE, System.getenv(VARIABLE)));
    }

    static EngineMode parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            default -> throw new IllegalArgumentException(VARIABLE + " must be embedded or testcontainers, not '" + value + "'");
        };
    }
}
