package nl.transfertafel.localstack.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs axe-core (Deque, MPL-2.0; {@code src/test/resources/axe/}) in the page as it is shown and
 * returns the WCAG 2.1 A and AA violations it finds: contrast, names and labels of controls,
 * landmarks, headings, ARIA use, language of the page. An empty answer is the goal; axe cannot see
 * everything (keyboard order, live regions), which the browser tests check on their own.
 */
public final class Accessibility {

    private static final String AXE = load();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                               resultTypes: ['violations']})
              .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + '\\n    '
                  + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' -> ' + (n.failureSummary || '').replace(/\\n/g, ' '))
                      .join('\\n    ')).join('\\n')))
              .catch(error => done('axe failed: ' + error));
            """;

    private Accessibility() {
    }

    /** The violations on the current page, one paragraph each; empty when axe finds none. */
    public static String violations(ChromeDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeScript(AXE);
        return (String) driver.executeAsyncScript(RUN);
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
