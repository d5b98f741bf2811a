package nl.transfertafel.intake.validation.web;

import java.util.Map;
import nl.transfertafel.intake.validation.domain.Answer;

/** The answer page's words, Dutch and English. No names, no provider, nothing but the question. */
final class AnswerPageTexts {

    enum Lang {
        NL("nl"), EN("en");

        final String code;

        Lang(String code) {
            this.code = code;
        }

        static Lang of(String code) {
            return "en".equalsIgnoreCase(code) ? EN : NL;
        }

        Lang other() {
            return this == NL ? EN : NL;
        }
    }

    record Words(String title, String intro, String legend, Map<Answer, String> answers, String submit,
            String switchTo, String thanks, String thanksDetail, String unknown, String used, String expired,
            String tooMany, String chooseOne, String privacy) {
    }

    private static final Words NL = new Words(
            "Wacht u nog op zorg?",
            "U staat op een wachtlijst voor ggz-zorg. We vragen iedereen op de wachtlijst of dat nog klopt, zodat "
                    + "de wachtlijst klopt en niemand onnodig wacht.",
            "Wacht u nog, en wilt u deze zorg nog?",
            Map.of(Answer.STILL_WAITING, "Ja, ik wacht nog en wil deze zorg nog steeds.",
                    Answer.WAITING_AS_PRECAUTION, "Ja, maar ik wil nu nog niet beginnen: ik wacht uit voorzorg.",
                    Answer.NO_TRANSFER_SCREENING, "Ja, maar er hoeft niet meer gekeken te worden of ik elders eerder "
                            + "terecht kan.",
                    Answer.NO_LONGER_NEEDED, "Nee, ik heb deze zorg niet meer nodig."),
            "Antwoord versturen",
            "English",
            "Dank u wel",
            "Uw antwoord is ontvangen. U hoeft verder niets te doen. Deze link werkt nu niet meer.",
            "Deze link kennen we niet. Controleer of u de hele link uit de e-mail heeft gebruikt.",
            "Deze link is al gebruikt. Wilt u iets veranderen? Neem contact op met uw huisarts.",
            "Deze link is verlopen. Neem contact op met uw huisarts als u nog wacht.",
            "Te veel pogingen. Probeer het over een kwartier opnieuw.",
            "Kies een van de antwoorden.",
            "Op deze pagina staan geen persoonsgegevens. De link werkt één keer.");

    private static final Words EN = new Words(
            "Are you still waiting for care?",
            "You are on a waiting list for mental-health care. We ask everyone on the list whether that is still "
                    + "right, so that the list is true and nobody waits without need.",
            "Are you still waiting, and do you still want this care?",
            Map.of(Answer.STILL_WAITING, "Yes, I am still waiting and still want this care.",
                    Answer.WAITING_AS_PRECAUTION, "Yes, but I do not want to start yet: I wait as a precaution.",
                    Answer.NO_TRANSFER_SCREENING, "Yes, but nobody needs to look any more whether I could start "
                            + "sooner elsewhere.",
                    Answer.NO_LONGER_NEEDED, "No, I no longer need this care."),
            "Send answer",
            "Nederlands",
            "Thank you",
            "Your answer has been received. You need not do anything else. This link no longer works.",
            "We do not know this link. Please check that you used the whole link from the e-mail.",
            "This link has been used already. Want to change something? Please contact your GP.",
            "This link has expired. Please contact your GP if you are still waiting.",
            "Too many attempts. Please try again in a quarter of an hour.",
            "Please choose one of the answers.",
            "This page shows no personal data. The link works once.");

    static Words of(Lang lang) {
        return lang == Lang.EN ? EN : NL;
    }

    private AnswerPageTexts() {
    }
}
