package nl.transfertafel.intake.client.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client's pseudonym: a keyed HMAC-SHA256 of the BSN. Without the key it cannot be reversed or
 * recomputed from a guessed BSN, yet the same client always gets the same pseudonym, so a client on
 * two lists counts once (criterion h).
 */
public final class ClientPseudonyms {

    private final SecretKeySpec key;

    public ClientPseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pseudonym key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String bsn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(bsn.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
