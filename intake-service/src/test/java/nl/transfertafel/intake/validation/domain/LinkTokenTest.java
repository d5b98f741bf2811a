package nl.transfertafel.intake.validation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTokenTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void a_token_carries_256_random_bits_and_only_its_hash_is_kept() {
        LinkToken.Minted minted = LinkToken.mint(random);

        assertThat(Base64.getUrlDecoder().decode(minted.token())).hasSize(32);
        assertThat(minted.hash()).hasSize(32).isEqualTo(LinkToken.hash(minted.token()));
        assertThat(new String(minted.hash(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(minted.token());
        assertThat(LinkToken.wellFormed(minted.token())).isTrue();
    }

    @Test
    void two_tokens_are_never_the_same() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(LinkToken.mint(random).token())).isTrue();
        }
    }

    @Test
    void anything_but_43_base64url_characters_is_no_token() {
        assertThat(LinkToken.wellFormed(null)).isFalse();
        assertThat(LinkToken.wellFormed("short")).isFalse();
        assertThat(LinkToken.wellFormed("a".repeat(42) + "/")).isFalse();
        assertThat(LinkToken.wellFormed("a".repeat(44))).isFalse();
        assertThat(LinkToken.wellFormed("a".repeat(43))).isTrue();
    }
}
