package nl.transfertafel.intake.client.infrastructure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest with AES-GCM (authenticated: a changed value fails to decrypt).
 * Each value is stored as {@code <key id>:<base64(nonce || ciphertext || tag)>} with a fresh random
 * 96-bit nonce, and bound to its row and column through the associated data, so a value cannot be
 * copied to another client or column. New values use the current key; values written with an
 * earlier key still decrypt as long as that key is configured under its id, so keys can rotate.
 */
public final class PersonalDataCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId  id of the key for new values (letters, digits, '-', '_')
     * @param currentKey    base64 of a 128-, 192- or 256-bit AES key
     * @param previousKeys  earlier keys by id, for reading values written before a rotation
     */
    public PersonalDataCipher(String currentKeyId, String currentKey, Map<String, String> previousKeys) {
        if (currentKeyId == null || !currentKeyId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("the encryption key id must be 1-32 letters, digits, '-' or '_'");
        }
        this.currentKeyId = currentKeyId;
        previousKeys.forEach((id, key) -> keys.put(id, key(id, key)));
        keys.put(currentKeyId, key(currentKeyId, currentKey));
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** Null stays null (an absent e-mail address is not a secret). */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("stored value is not in the encrypted format");
        }
        SecretKey key = keys.get(stored.substring(0, colon));
        if (key == null) {
            // the value is never part of the message: only which key is missing
            throw new IllegalStateException("no encryption key configured with id " + stored.substring(0, colon));
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("decryption failed (wrong key, or the value was altered)", e);
        }
    }

    private static SecretKey key(String id, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("encryption key " + id + " is empty");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption key " + id + " is not base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("encryption key " + id + " must be 128, 192 or 256 bits");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
