package nl.transfertafel.notification.routing.domain;

import java.util.Objects;

/**
 * Who is told: an organisation (AGB code of a GP practice or provider, UZOVI code of an insurer),
 * the coordinators of a region (the region's screening desk, not one organisation), or the client
 * of a referral (reached only through the contact the GP registered at intake-service). The key is
 * what the database, the delivery lanes and the API use: the organisation code itself,
 * {@code coordinators:<region>} or {@code client:<referralId>}.
 */
public sealed interface Recipient {

    String COORDINATORS_PREFIX = "coordinators:";
    String CLIENT_PREFIX = "client:";
    String SUPPORT_PREFIX = "support:";

    /**
     * What a code, region or referral id may look like: letters, digits, '.', '_' and '-', at most 64
     * (AGB and UZOVI codes, region names, UUIDs). Anything else (control characters, a NUL that
     * PostgreSQL refuses, very long strings) is not a recipient.
     */
    /** Nine digits: the shape of a BSN, which is never an organisation code (and must not be echoed). */
    java.util.regex.Pattern BSN_SHAPED = java.util.regex.Pattern.compile("^[0-9]{9}$");

    java.util.regex.Pattern PART = java.util.regex.Pattern.compile("^[\\p{L}\\p{N}._-]{1,64}$");

    private static String checked(String part, String what) {
        if (part == null || !PART.matcher(part).matches()) {
            throw new IllegalArgumentException(what + " is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return part;
    }

    String key();

    Kind kind();

    enum Kind { ORGANISATION, REGION_COORDINATORS, CLIENT, CLIENT_SUPPORT }

    static Recipient parse(String key) {
        Objects.requireNonNull(key, "key");
        if (key.startsWith(COORDINATORS_PREFIX)) {
            return new RegionCoordinators(key.substring(COORDINATORS_PREFIX.length()));
        }
        if (key.startsWith(CLIENT_PREFIX)) {
            return new Client(key.substring(CLIENT_PREFIX.length()));
        }
        if (key.startsWith(SUPPORT_PREFIX)) {
            return new ClientSupport(key.substring(SUPPORT_PREFIX.length()));
        }
        return new Organisation(key);
    }

    record Organisation(String code) implements Recipient {
        public Organisation {
            if (code == null || code.isBlank() || code.contains(":")) {
                throw new IllegalArgumentException("an organisation code is a plain code such as an AGB or UZOVI");
            }
            checked(code, "an organisation code");
            if (BSN_SHAPED.matcher(code).matches()) {
                // AGB codes have 8 digits and UZOVI codes 4: nine digits is the shape of a BSN, personal data
                throw new IllegalArgumentException("an organisation code is an AGB (8 digits), a UZOVI (4 digits) "
                        + "or an organisation name code, never 9 digits");
            }
        }

        @Override
        public String key() {
            return code;
        }

        @Override
        public Kind kind() {
            return Kind.ORGANISATION;
        }
    }

    record RegionCoordinators(String region) implements Recipient {
        public RegionCoordinators {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("region is required");
            }
            checked(region, "a region");
        }

        @Override
        public String key() {
            return COORDINATORS_PREFIX + region;
        }

        @Override
        public Kind kind() {
            return Kind.REGION_COORDINATORS;
        }
    }

    /** The client of a referral: named by the referral id only, never by anything personal. */
    record Client(String referralId) implements Recipient {
        public Client {
            if (referralId == null || referralId.isBlank()) {
                throw new IllegalArgumentException("referralId is required");
            }
            checked(referralId, "a referral id");
        }

        @Override
        public String key() {
            return CLIENT_PREFIX + referralId;
        }

        @Override
        public Kind kind() {
            return Kind.CLIENT;
        }

        /** How the delivery log names this recipient: never the address. */
        public String description() {
            return "client of referral " + referralId;
        }
    }

    /**
     * A client-support organisation (onafhankelijke cliëntondersteuning) as the supporter of the
     * clients who named it: its own desk, apart from any organisation inbox with the same code, and
     * showing only what concerns the clients whose referral names it now (issue 11 item 6).
     */
    record ClientSupport(String organisation) implements Recipient {
        public ClientSupport {
            if (organisation == null || organisation.isBlank()) {
                throw new IllegalArgumentException("organisation is required");
            }
            checked(organisation, "an organisation code");
        }

        @Override
        public String key() {
            return SUPPORT_PREFIX + organisation;
        }

        @Override
        public Kind kind() {
            return Kind.CLIENT_SUPPORT;
        }
    }
}
