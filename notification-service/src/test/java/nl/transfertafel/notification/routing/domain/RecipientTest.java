package nl.transfertafel.notification.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecipientTest {

    @Test
    void a_nine_digit_code_is_the_shape_of_a_bsn_and_never_an_organisation() {
        assertThatThrownBy(() -> Recipient.parse("123456782"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("123456782"));
    }

    @Test
    void agb_uzovi_and_name_codes_are_organisations() {
        assertThat(Recipient.parse("01000001")).isEqualTo(new Recipient.Organisation("01000001"));
        assertThat(Recipient.parse("3311")).isEqualTo(new Recipient.Organisation("3311"));
        assertThat(Recipient.parse("TRANSFERTAFEL")).isEqualTo(new Recipient.Organisation("TRANSFERTAFEL"));
    }
}
