package nl.transfertafel.intake.validation.web;

import java.util.List;
import nl.transfertafel.intake.validation.domain.Answer;
import nl.transfertafel.intake.validation.web.AnswerPageTexts.Lang;
import nl.transfertafel.intake.validation.web.AnswerPageTexts.Words;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer page as HTML: one form, native controls (a fieldset of radio buttons with labels, a
 * submit button), so it works with a keyboard and a screen reader and without JavaScript; the page's
 * language in {@code lang}, a link to the other language. The token sits only in the form's action.
 */
final class AnswerPage {

    /** The answers in the order the page offers them. */
    static final List<Answer> ORDER = List.of(Answer.STILL_WAITING, Answer.WAITING_AS_PRECAUTION,
            Answer.NO_TRANSFER_SCREENING, Answer.NO_LONGER_NEEDED);

    private AnswerPage() {
    }

    static String form(String token, Lang lang, boolean missingChoice) {
        Words words = AnswerPageTexts.of(lang);
        String action = "/answer/" + HtmlUtils.htmlEscape(token);
        StringBuilder options = new StringBuilder();
        for (Answer answer : ORDER) {
            String id = "answer-" + answer.name().toLowerCase().replace('_', '-');
            options.append("""
                      <div class="option"><input type="radio" id="%s" name="answer" value="%s"%s>
                      <label for="%s">%s</label></div>
                    """.formatted(id, answer.name(), missingChoice ? " aria-describedby=\"choose-one\"" : "", id,
                    HtmlUtils.htmlEscape(words.answers().get(answer))));
        }
        String error = missingChoice
                ? "<p id=\"choose-one\" class=\"error\" role=\"alert\">" + esc(words.chooseOne()) + "</p>\n" : "";
        String body = """
                <p>%s</p>
                <form method="post" action="%s?lang=%s">
                  <input type="hidden" name="lang" value="%s">
                  <fieldset%s>
                    <legend>%s</legend>
                    %s%s  </fieldset>
                  <button type="submit">%s</button>
                </form>
                """.formatted(esc(words.intro()), action, lang.code, lang.code,
                missingChoice ? " aria-invalid=\"true\"" : "", esc(words.legend()), error, options, esc(words.submit()));
        return page(lang, words.title(), body, action + "?lang=" + lang.other().code, words);
    }

    static String message(Lang lang, String heading, String text, String switchHref) {
        Words words = AnswerPageTexts.of(lang);
        return page(lang, heading, "<p role=\"status\">" + esc(text) + "</p>\n", switchHref, words);
    }

    private static String page(Lang lang, String heading, String body, String switchHref, Words words) {
        String switcher = switchHref == null ? ""
                : "<p><a href=\"%s\" lang=\"%s\" hreflang=\"%s\">%s</a></p>\n".formatted(switchHref,
                        lang.other().code, lang.other().code, esc(words.switchTo()));
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex, nofollow">
                <title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;
                       line-height: 1.5; color: #1a1a1a; background: #fff; }
                fieldset { border: 1px solid #555; padding: 1rem; margin: 1rem 0; }
                .option { margin: 0.5rem 0; }
                button { font-size: 1rem; padding: 0.5rem 1rem; }
                :focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
                .error { color: #b00020; font-weight: bold; }
                a { color: #1d4ed8; }
                </style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s%s<p><small>%s</small></p>
                </main>
                </body>
                </html>
                """.formatted(lang.code, esc(heading), esc(heading), switcher, body, esc(words.privacy()));
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
