package nl.transfertafel.intake.client.infrastructure;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.PropertyResolver;

/**
 * The keys of the client's identity: the pseudonym's HMAC key and the AES key (with its id) for
 * personal data at rest. A deployment must bring its own (issue 11 item 12): without them the
 * service refuses to start, and it refuses the public development keys too. Only where
 * {@code transfertafel.dev-keys=true} (the local stack and the tests set it) do the development keys
 * fill in what is missing: they are in this public repository, so pseudonyms made with them can be
 * recomputed from a guessed BSN and "encrypted" data read by anyone.
 */
public record IntakeKeys(String pseudonymKey, String encryptionKeyId, String encryptionKey) {

    public static final String DEV_KEYS = "transfertafel.dev-keys";
    public static final String DEVELOPMENT_PSEUDONYM_KEY = "local-development-pseudonym-key-change-me";
    public static final String DEVELOPMENT_ENCRYPTION_KEY = "bG9jYWwtZGV2ZWxvcG1lbnQta2V5LWNoYW5nZS1tZSE=";
    static final String DEVELOPMENT_KEY_ID = "dev1";

    private static final String PSEUDONYM = "transfertafel.intake.pseudonym-key";
    private static final String ENCRYPTION = "transfertafel.intake.encryption-key";
    private static final String ENCRYPTION_ID = "transfertafel.intake.encryption-key-id";

    @Override
    public String toString() {
        return "IntakeKeys[encryptionKeyId=" + encryptionKeyId + ", keys redacted]";
    }

    public static IntakeKeys from(PropertyResolver environment) {
        boolean devKeys = environment.getProperty(DEV_KEYS, Boolean.class, false);
        String pseudonym = blankToNull(environment.getProperty(PSEUDONYM));
        String encryption = blankToNull(environment.getProperty(ENCRYPTION));
        String keyId = blankToNull(environment.getProperty(ENCRYPTION_ID));
        if (devKeys) {
            return new IntakeKeys(pseudonym == null ? DEVELOPMENT_PSEUDONYM_KEY : pseudonym,
                    keyId == null ? DEVELOPMENT_KEY_ID : keyId, encryption == null ? DEVELOPMENT_ENCRYPTION_KEY : encryption);
        }
        List<String> missing = new ArrayList<>();
        if (pseudonym == null) {
            missing.add(PSEUDONYM + " (environment TRANSFERTAFEL_PSEUDONYM_KEY, at least 16 characters)");
        }
        if (encryption == null) {
            missing.add(ENCRYPTION + " (environment TRANSFERTAFEL_INTAKE_ENCRYPTION_KEY, base64 AES key of 128, 192 or "
                    + "256 bits, with TRANSFERTAFEL_INTAKE_ENCRYPTION_KEY_ID)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("intake-service does not start without its own keys; missing: "
                    + String.join("; ", missing) + ". Only the local stack and tests may use the public development keys, "
                    + "by setting " + DEV_KEYS + "=true.");
        }
        if (DEVELOPMENT_PSEUDONYM_KEY.equals(pseudonym) || DEVELOPMENT_ENCRYPTION_KEY.equals(encryption)) {
            throw new IllegalStateException("intake-service was given the public development key for "
                    + (DEVELOPMENT_PSEUDONYM_KEY.equals(pseudonym) ? PSEUDONYM : ENCRYPTION)
                    + ": it is in the public repository. Set a secret of your own (or " + DEV_KEYS
                    + "=true on the local stack and in tests only).");
        }
        return new IntakeKeys(pseudonym, keyId == null ? "k1" : keyId, encryption);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
