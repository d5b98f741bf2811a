package nl.transfertafel.intake.validation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkVerdictTest {

    private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void a_link_works_until_it_expires_and_only_once() {
        assertThat(LinkVerdict.of(question(null, null, now.plusSeconds(60)), now)).isInstanceOf(LinkVerdict.Usable.class);
        assertThat(LinkVerdict.of(question(null, null, now), now)).isInstanceOf(LinkVerdict.Expired.class);
        assertThat(LinkVerdict.of(question(null, now.minusSeconds(1), now.plusSeconds(60)), now))
                .isInstanceOf(LinkVerdict.Used.class);
    }

    @Test
    void a_question_answered_by_the_gp_spends_the_link_too() {
        assertThat(LinkVerdict.of(question(Answer.STILL_WAITING, null, now.plusSeconds(60)), now))
                .isInstanceOf(LinkVerdict.Used.class);
    }

    @Test
    void no_question_for_the_hash_is_an_unknown_link() {
        assertThat(LinkVerdict.of(null, now)).isInstanceOf(LinkVerdict.Unknown.class);
    }

    private static Question question(Answer answer, Instant usedAt, Instant expiresAt) {
        return new Question(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "rotterdam",
                "pseudonym_0123456789abcdef", "01000001", "22000002", answer,
                answer == null ? null : Question.Channel.GP, null, null, null, expiresAt, usedAt);
    }
}
