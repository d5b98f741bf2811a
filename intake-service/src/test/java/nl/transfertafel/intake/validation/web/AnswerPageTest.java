package nl.transfertafel.intake.validation.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.intake.validation.web.AnswerPageTexts.Lang;
import org.junit.jupiter.api.Test;

class AnswerPageTest {

    @Test
    void the_form_is_labelled_in_the_clients_language_and_offers_the_other() {
        String nl = AnswerPage.form("tok", Lang.NL, false);
        assertThat(nl).contains("<html lang=\"nl\">", "<legend>Wacht u nog, en wilt u deze zorg nog?</legend>",
                "<label for=\"answer-no-longer-needed\">", "id=\"answer-no-longer-needed\"",
                "action=\"/answer/tok?lang=nl\"", "hreflang=\"en\"");
        String en = AnswerPage.form("tok", Lang.EN, false);
        assertThat(en).contains("<html lang=\"en\">", "Are you still waiting", "hreflang=\"nl\"");
    }

    @Test
    void a_missing_choice_is_announced_and_tied_to_the_options() {
        String page = AnswerPage.form("tok", Lang.EN, true);
        assertThat(page).contains("role=\"alert\"", "aria-describedby=\"choose-one\"", "Please choose one of the answers.");
    }

    @Test
    void whatever_sits_in_the_address_is_escaped() {
        assertThat(AnswerPage.form("<script>", Lang.NL, false)).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void an_unknown_language_falls_back_to_dutch() {
        assertThat(Lang.of("fr")).isEqualTo(Lang.NL);
        assertThat(Lang.of(null)).isEqualTo(Lang.NL);
        assertThat(Lang.of("EN")).isEqualTo(Lang.EN);
    }
}
