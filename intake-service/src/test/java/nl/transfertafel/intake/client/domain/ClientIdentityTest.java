package nl.transfertafel.intake.client.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClientIdentityTest {

    private final ClientPseudonyms pseudonyms = new ClientPseudonyms("a-test-key-of-sufficient-length");

    @Test
    void the_eleven_test_accepts_valid_and_rejects_invalid_bsns() {
        assertThat(Bsn.isValid("111222333")).isTrue();
        assertThat(Bsn.isValid("123456782")).isTrue();
        assertThat(Bsn.isValid("123456789")).isFalse();
        assertThat(Bsn.isValid("12345678")).isFalse();
        assertThat(Bsn.isValid("1234567821")).isFalse();
        assertThat(Bsn.isValid("12345678a")).isFalse();
        assertThat(Bsn.isValid("000000000")).isFalse();
        assertThat(Bsn.isValid(null)).isFalse();
    }

    @Test
    void the_pseudonym_is_stable_per_client_and_depends_on_the_key() {
        assertThat(pseudonyms.of("111222333")).isEqualTo(pseudonyms.of("111222333"))
                .isNotEqualTo(pseudonyms.of("123456782"))
                .isNotEqualTo(new ClientPseudonyms("another-key-of-sufficient-length").of("111222333"))
                .doesNotContain("111222333");
    }

    @Test
    void age_bands_hide_the_date_of_birth() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        assertThat(AgeBand.of(LocalDate.of(2010, 1, 1), today)).isEqualTo("0-17");
        assertThat(AgeBand.of(LocalDate.of(2004, 1, 1), today)).isEqualTo("18-24");
        assertThat(AgeBand.of(LocalDate.of(1990, 4, 1), today)).isEqualTo("35-44");
        assertThat(AgeBand.of(LocalDate.of(1950, 4, 1), today)).isEqualTo("65+");
    }

    @Test
    void personal_data_never_shows_in_its_string_form() {
        ClientDetails client = new ClientDetails("111222333", "Jan Jansen", LocalDate.of(1990, 4, 1), "3011AB",
                "jan@example.org", "+31612345678", ClientDetails.Language.NL);

        assertThat(client.toString()).doesNotContain("111222333", "Jan", "1990", "3011", "jan@", "+316");
        assertThat(new ClientContact("jan@example.org", "+31612345678", ClientDetails.Language.EN).toString())
                .doesNotContain("jan@", "+316");
        assertThat(client.postcodeArea()).isEqualTo("3011");
        assertThat(ClientDetails.normalisePostcode("3011 ab")).isEqualTo("3011AB");
    }
}
