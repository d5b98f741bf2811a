package nl.transfertafel.notification.startup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.PropertyResolver;

/**
 * The secrets written in this repository are public: the local token issuer's service client secret
 * ({@code local-service-secret}, which the platform's defaults fall back to when
 * {@code TRANSFERTAFEL_SERVICE_SECRET} is missing) and the embedded database's password
 * ({@code transfertafel}, this service's default when {@code NOTIFICATION_DB_PASSWORD} is missing).
 * With them anybody could fetch this service's token and read clients' contacts at intake, or log in
 * to its database. Outside the local stack and tests the service therefore refuses to start with
 * any of them, or without a service client secret at all (issue 11 item 12). The local stack and
 * the tests say so explicitly with {@code transfertafel.dev-keys=true} (the same property intake's
 * development keys use). Webhook secrets have no default: subscribers bring their own.
 */
public final class DevelopmentDefaults {

    /** The property that allows the public development secrets: the local stack and tests only. */
    public static final String PROPERTY = "transfertafel.dev-keys";

    /** property → {public value, the environment variable that sets the real one} */
    private static final Map<String, String[]> PUBLIC = new LinkedHashMap<>();

    static {
        PUBLIC.put("transfertafel.service-auth.client-secret", new String[] {"local-service-secret", "TRANSFERTAFEL_SERVICE_SECRET"});
        PUBLIC.put("spring.r2dbc.password", new String[] {"transfertafel", "NOTIFICATION_DB_PASSWORD"});
        PUBLIC.put("spring.flyway.password", new String[] {"transfertafel", "NOTIFICATION_DB_PASSWORD"});
    }

    private DevelopmentDefaults() {
    }

    /** Throws (and so stops the start) when a public or missing secret is used outside development. */
    public static void check(PropertyResolver environment) {
        if (environment.getProperty(PROPERTY, Boolean.class, false)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        PUBLIC.forEach((property, known) -> {
            String value = environment.getProperty(property);
            if (value != null && value.equals(known[0])) {
                problems.add(property + " is the public development value (set " + known[1] + ")");
            }
        });
        String secret = environment.getProperty("transfertafel.service-auth.client-secret");
        if (secret == null || secret.isBlank()) {
            problems.add("transfertafel.service-auth.client-secret is missing (set TRANSFERTAFEL_SERVICE_SECRET)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("notification-service refuses to start with public development secrets: "
                    + String.join("; ", problems) + ". Only the local stack and tests may use them, with "
                    + PROPERTY + "=true.");
        }
    }
}
