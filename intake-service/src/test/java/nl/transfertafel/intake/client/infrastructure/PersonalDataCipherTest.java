package nl.transfertafel.intake.client.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 = Base64.getEncoder().encodeToString("another-thirty-two-byte-aes-key!".getBytes());

    private final PersonalDataCipher cipher = new PersonalDataCipher("k1", KEY_1, Map.of());

    @Test
    void a_value_round_trips_and_is_not_readable_at_rest() {
        String sealed = cipher.encrypt("111222333", "ref-1/bsn");

        assertThat(sealed).startsWith("k1:").doesNotContain("111222333");
        assertThat(cipher.decrypt(sealed, "ref-1/bsn")).isEqualTo("111222333");
    }

    @Test
    void the_same_value_encrypts_differently_each_time() {
        assertThat(cipher.encrypt("Jan Jansen", "ref-1/name")).isNotEqualTo(cipher.encrypt("Jan Jansen", "ref-1/name"));
    }

    @Test
    void a_value_copied_to_another_row_or_column_does_not_decrypt() {
        String sealed = cipher.encrypt("111222333", "ref-1/bsn");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "ref-2/bsn")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "ref-1/phone")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_altered_value_does_not_decrypt() {
        String sealed = cipher.encrypt("111222333", "ref-1/bsn");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt("k1:" + Base64.getEncoder().encodeToString(raw), "ref-1/bsn"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("111222333");
    }

    @Test
    void after_a_rotation_old_values_still_decrypt_and_new_ones_use_the_new_key() {
        String old = cipher.encrypt("jan@example.org", "ref-1/email");
        PersonalDataCipher rotated = new PersonalDataCipher("k2", KEY_2, Map.of("k1", KEY_1));

        assertThat(rotated.decrypt(old, "ref-1/email")).isEqualTo("jan@example.org");
        assertThat(rotated.encrypt("jan@example.org", "ref-1/email")).startsWith("k2:");
        PersonalDataCipher withoutOldKey = new PersonalDataCipher("k2", KEY_2, Map.of());
        assertThatThrownBy(() -> withoutOldKey.decrypt(old, "ref-1/email")).hasMessageContaining("k1");
    }

    @Test
    void null_stays_null_and_bad_keys_are_refused_at_start() {
        assertThat(cipher.encrypt(null, "ref-1/phone")).isNull();
        assertThat(cipher.decrypt(null, "ref-1/phone")).isNull();
        assertThatThrownBy(() -> new PersonalDataCipher("k1", "c2hvcnQ=", Map.of())).hasMessageContaining("bits");
        assertThatThrownBy(() -> new PersonalDataCipher("k:1", KEY_1, Map.of())).hasMessageContaining("id");
    }
}
