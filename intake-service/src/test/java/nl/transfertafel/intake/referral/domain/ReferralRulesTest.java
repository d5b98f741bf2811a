package nl.transfertafel.intake.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import org.junit.jupiter.api.Test;

class ReferralRulesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final ClientPseudonyms pseudonyms = new ClientPseudonyms("a-test-key-of-sufficient-length");

    @Test
    void the_eleven_test_accepts_valid_and_rejects_invalid_bsns() {
        assertThat(Bsn.isValid("111222333")).isTrue();
        assertThat(Bsn.isValid("123456782")).isTrue();
        assertThat(Bsn.isValid("123456789")).isFalse();
        assertThat(Bsn.isValid("12345678")).isFalse();
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
    void registering_starts_both_treeknorm_clocks_and_emits_a_pseudonymous_event() {
        var registered = Referral.register(new ReferralRequest("111222333", LocalDate.of(1990, 4, 1), "3011AB",
                "3311", DiagnosisGroup.TRAUMA, CareLevel.SPECIALIST, Urgency.REGULAR, 30, true, true),
                "01000001", "rotterdam", pseudonyms, clock);

        assertThat(registered.referral().registeredOn()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(registered.referral().intakeDeadline()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(registered.referral().treatmentDeadline()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(registered.event().occurredAt()).isEqualTo(clock.instant());
        ReferralReceived payload = (ReferralReceived) registered.event().payload();
        assertThat(payload.clientPseudonym()).isEqualTo(pseudonyms.of("111222333"));
        assertThat(payload.postcodeArea()).isEqualTo("3011");
        assertThat(payload.toString()).doesNotContain("111222333").doesNotContain("1990");
    }
}
