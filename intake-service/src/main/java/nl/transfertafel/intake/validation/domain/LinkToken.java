package nl.transfertafel.intake.validation.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret in a single-use answer link: 256 bits from {@link SecureRandom}, base64url without
 * padding (43 characters). Only its SHA-256 hash is stored, so whoever reads the database cannot
 * answer for a client; a hash is enough (no salt, no slow hash) because the token has full entropy.
 */
public final class LinkToken {

    public static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    /** A new token and the hash to store. */
    public record Minted(String token, byte[] hash) {
    }

    private LinkToken() {
    }

    public static Minted mint(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Minted(token, hash(token));
    }

    /** Whether a string can be a token at all (anything else is unknown without a database look-up). */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
