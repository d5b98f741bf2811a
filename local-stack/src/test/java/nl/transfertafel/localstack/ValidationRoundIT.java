package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.transfertafel.localstack.browser.Accessibility;
import nl.transfertafel.localstack.browser.Browser;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * A "still waiting?" round end to end in the local stack (issue 15 item 1, "Done when"): a
 * coordinator starts a round for the region; one client answers through the single-use link in its
 * e-mail (read from the stack's SMTP sink) in headless Chromium, in Dutch and English, checked with
 * axe and driven by keyboard; another is answered for by the GP; the third does not answer, gets
 * the reminder and is flagged for the GP, never removed. The round's figures show all three.
 *
 * <p>So that the test waits a minute and not days, it sets intake's round settings as system
 * properties while its stack starts (and clears them after): a deadline may lie 5
 * seconds ahead, the reminder period is 15 seconds, the deadline job runs every second. Everything
 * else is the stack as it ships.
 */
class ValidationRoundIT {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/answer/[A-Za-z0-9_-]{43}\\?lang=(nl|en)");
    private static final List<String> SETTINGS = List.of(
            "transfertafel.intake.validation.min-deadline-ahead=PT5S",
            "transfertafel.intake.validation.reminder-period=PT15S",
            "transfertafel.intake.validation.interval=PT1S",
            "transfertafel.intake.validation.initial-delay=PT1S");

    /** How long the round stays open for the two answers; {@link #answeredBeforeTheDeadline} says when it was too short. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(45);

    private static LocalStack stack;
    private static Browser browser;

    @RegisterExtension
    final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.saveFailure("validation-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        SETTINGS.forEach(setting -> System.setProperty(setting.substring(0, setting.indexOf('=')),
                setting.substring(setting.indexOf('=') + 1)));
        try {
            stack = LocalStack.start(LocalStack.Options.randomPorts(false));
        } finally {
            SETTINGS.forEach(setting -> System.clearProperty(setting.substring(0, setting.indexOf('='))));
        }
        browser = Browser.startOrSkip(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void one_client_answers_by_link_one_through_the_gp_and_one_not_at_all() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String linkAddress = "link-" + suffix + "@mail.example";
        String silentAddress = "silent-" + suffix + "@mail.example";
        String byLink = refer("Johanna de Vries", linkAddress, "nl");
        String byGp = refer("Pieter Jansen", null, "nl");
        String silent = refer("Anna Bakker", silentAddress, "en");

        // the deadline leaves time for the two answers; the job then reminds and flags the third
        Instant deadline = Instant.now().plus(ANSWER_TIME).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> started = post(ServiceKind.INTAKE, "/api/v1/validation-rounds", DemoUsers.COORDINATOR_A,
                "{\"deadline\":\"" + deadline + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode round = StackHttp.json(started.body());
        assertThat(round.get("asked").asInt()).isEqualTo(3);
        String roundId = round.get("roundId").asText();

        // 1. the client with an e-mail answers through the link, in Chromium, without an account
        MimeMessage question = awaitMails(linkAddress, 1).get(0);
        assertThat(question.getSubject()).isEqualTo("Wacht u nog op zorg?");
        String mailBody = question.getContent().toString();
        assertThat(mailBody).doesNotContain("Johanna").doesNotContain(byLink);
        String link = linkIn(mailBody);
        assertThat(link).endsWith("?lang=nl");

        ChromeDriver driver = browser.driver();
        driver.get(link);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Wacht u nog op zorg?");
        assertThat(driver.getPageSource()).doesNotContain("Johanna").doesNotContain("Vries").doesNotContain(linkAddress);
        assertThat(Accessibility.violations(driver)).as("axe on the Dutch page").isEmpty();
        browser.screenshot("validation-link-nl");

        driver.findElement(By.linkText("English")).click();
        browser.waiting(Duration.ofSeconds(10)).until(d -> "en".equals(
                d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Are you still waiting for care?");
        assertThat(Accessibility.violations(driver)).as("axe on the English page").isEmpty();

        // by keyboard only: Tab to the first answer, arrow down to "no longer needed", Tab to the button, Enter
        WebElement body = driver.findElement(By.tagName("body"));
        body.click();
        WebElement focused = tabUntil(driver, "answer-still-waiting");
        for (int i = 0; i < 3; i++) {
            focused.sendKeys(Keys.ARROW_DOWN);
            focused = driver.switchTo().activeElement();
        }
        assertThat(focused.getAttribute("id")).isEqualTo("answer-no-longer-needed");
        assertThat(focused.isSelected()).isTrue();
        assertThat(driver.findElement(By.cssSelector("label[for=answer-no-longer-needed]")).getText())
                .isEqualTo("No, I no longer need this care.");
        browser.screenshot("validation-link-en-chosen");
        focused.sendKeys(Keys.TAB);
        WebElement send = driver.switchTo().activeElement();
        assertThat(send.getTagName()).isEqualTo("button");
        assertThat(send.getText()).isEqualTo("Send answer");
        send.sendKeys(Keys.ENTER);
        browser.waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("h1")).getText().equals("Thank you"));
        browser.screenshot("validation-link-answered");

        driver.get(link);
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("al gebruikt");

        // 2. the GP answers for the second client, from its worklist
        JsonNode item = StackHttp.json(get(ServiceKind.INTAKE, "/api/v1/referrals/" + byGp, DemoUsers.GP).body());
        String questionId = item.get("validationQuestion").get("questionId").asText();
        HttpResponse<String> answered = post(ServiceKind.INTAKE, "/api/v1/validation-questions/" + questionId + "/answer",
                DemoUsers.GP, "{\"answer\":\"STILL_WAITING\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        answeredBeforeTheDeadline(deadline);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                get(ServiceKind.NOTIFICATION, "/api/v1/inbox", DemoUsers.GP).body()).contains("VALIDATION_QUESTION"));

        // 3. the third does not answer: a reminder at the deadline, a flag after the reminder period
        MimeMessage reminder = awaitMails(silentAddress, 2).get(1);
        assertThat(reminder.getSubject()).isEqualTo("Reminder: are you still waiting for care?");
        assertThat(linkIn(reminder.getContent().toString())).endsWith("?lang=en");
        assertThat(awaitMails(linkAddress, 1)).as("an answered client is not reminded").hasSize(1);

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode flagged = StackHttp.json(get(ServiceKind.INTAKE, "/api/v1/referrals/" + silent, DemoUsers.GP).body());
            assertThat(flagged.get("validationQuestion").get("flagged").asBoolean()).isTrue();
            assertThat(flagged.get("waiting").get("stale").asBoolean()).isTrue();
            assertThat(flagged.get("waiting").get("stage").asText()).as("flagged, never removed").isEqualTo("WAITING");
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                get(ServiceKind.NOTIFICATION, "/api/v1/inbox", DemoUsers.GP).body()).contains("VALIDATION_UNANSWERED"));
        assertThat(StackHttp.json(get(ServiceKind.INTAKE, "/api/v1/referrals/" + byLink, DemoUsers.GP).body())
                .get("waiting").get("stage").asText()).isEqualTo("WITHDRAWN");

        // the figures: the round and the list before and after, as the dashboard reads them
        JsonNode figures = StackHttp.json(get(ServiceKind.INTAKE, "/api/v1/figures", DemoUsers.COORDINATOR_A).body());
        JsonNode newest = figures.get("validationRounds").get(0);
        assertThat(newest.get("roundId").asText()).isEqualTo(roundId);
        assertThat(newest.get("status").asText()).isEqualTo("CLOSED");
        assertThat(List.of(newest.get("asked").asInt(), newest.get("answered").asInt(), newest.get("stillWaiting").asInt(),
                newest.get("withdrawn").asInt(), newest.get("changed").asInt(), newest.get("noAnswer").asInt(),
                newest.get("waitingBefore").asInt(), newest.get("waitingAfter").asInt()))
                .containsExactly(3, 2, 1, 1, 0, 1, 3, 2);
    }

    /** The two answers must come before the deadline, or the test would check a reminder to an answered client. */
    private static void answeredBeforeTheDeadline(Instant deadline) {
        assertThat(Instant.now()).as("both answers were given before the round's deadline (ANSWER_TIME is too short"
                + " for this machine if not)").isBefore(deadline);
    }

    private static WebElement tabUntil(ChromeDriver driver, String id) {
        for (int i = 0; i < 10; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private static String linkIn(String mailBody) {
        Matcher matcher = LINK.matcher(mailBody);
        assertThat(matcher.find()).as("an answer link in: " + mailBody).isTrue();
        return matcher.group();
    }

    private static String refer(String name, String email, String language) {
        HttpResponse<String> created = post(ServiceKind.INTAKE, "/api/v1/referrals", DemoUsers.GP, """
                {"bsn":"%s","dateOfBirth":"1990-04-01","postcode":"3011 AB","insurerUzovi":"3311",
                 "diagnosisGroup":"DEPRESSION","careLevel":"SPECIALIST","urgency":"REGULAR","maxTravelKm":25,
                 "eHealthAcceptable":true,"screeningConsent":true,"preferredProviderAgb":"%s",
                 "name":"%s",%s"phone":"0612345678","language":"%s"}"""
                .formatted(bsn(), DemoUsers.PROVIDER_AGB, name, email == null ? "" : "\"email\":\"" + email + "\",",
                        language));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return StackHttp.json(created.body()).get("referralId").asText();
    }

    /** A random number that passes the eleven test (a BSN's shape), so that each client is another person. */
    private static String bsn() {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            digits[0] = 1 + ThreadLocalRandom.current().nextInt(9);
            for (int i = 0; i < 8; i++) {
                if (i > 0) {
                    digits[i] = ThreadLocalRandom.current().nextInt(10);
                }
                sum += (9 - i) * digits[i];
            }
            int last = sum % 11;
            if (last < 10) {
                digits[8] = last;
                StringBuilder out = new StringBuilder();
                for (int digit : digits) {
                    out.append(digit);
                }
                return out.toString();
            }
        }
    }

    private static List<MimeMessage> awaitMails(String address, int count) {
        return await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> mailsTo(address), list -> list.size() >= count);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return SinkMails.to(stack.mailSink(), address);
    }

    private static HttpResponse<String> get(ServiceKind kind, String path, DemoUser user) {
        return StackHttp.get(stack.url(kind) + path, user == null ? null : stack.tokenFor(user));
    }

    private static HttpResponse<String> post(ServiceKind kind, String path, DemoUser user, String body) {
        return StackHttp.post(stack.url(kind) + path, stack.tokenFor(user), body,
                "Idempotency-Key", UUID.randomUUID().toString());
    }
}
