package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.transfertafel.testkit.security.DemoUsers;
import nl.transfertafel.localstack.browser.Accessibility;
import nl.transfertafel.localstack.browser.Browser;
import nl.transfertafel.localstack.browser.CoordinatorPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The coordinator page in headless Chromium against the real local stack (four services, embedded
 * PostgreSQL and Kafka, the local token issuer, demo data). One stack and one browser for the class:
 * both are expensive. Skipped, with the install hint, where Chromium or ChromeDriver is missing.
 * Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorPageIT {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static LocalStack stack;
    private static Browser browser;
    private static CoordinatorPage page;

    @RegisterExtension
    final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.saveFailure(context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.available()) {
            // each test reports itself skipped with the hint (@BeforeEach); the stack is not started
            System.err.println("CoordinatorPageIT skipped: " + Browser.INSTALL_HINT);
            return;
        }
        stack = LocalStack.start(LocalStack.Options.randomPorts(true));
        scenario = proposalThroughTheServices();
        browser = Browser.startOrSkip(SCREENSHOTS);
        page = new CoordinatorPage(browser, stack.url(ServiceKind.TRANSFER_TABLE));
    }

    @BeforeEach
    void browserPresent() {
        Browser.assumeAvailable();
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
    @Order(1)
    void a_coordinator_signs_in_with_the_code_flow_and_lands_on_the_screening_queue_of_the_region() throws Exception {
        page.open();
        assertThat(page.language()).isEqualTo("nl");
        page.signInAs("coordinator-a");

        assertThat(page.userName()).isEqualTo("Coördinator A (GGZ Maasstad)");
        assertThat(page.userOrganisation()).contains("22000001");
        assertThat(page.driver().findElement(By.id("brand-region")).getText()).contains("Rotterdam");
        assertThat(page.heading()).isEqualTo("Screeningswachtrij");
        assertThat(page.driver().getCurrentUrl()).doesNotContain("code=").endsWith("#/queue");
        // the token stays in this tab's sessionStorage, never in a cookie
        assertThat(page.driver().manage().getCookies()).isEmpty();
        assertThat((String) page.script("return sessionStorage.getItem('transfertafel.session')")).contains("accessToken");
        page.waiting().until(d -> "Live".equals(page.liveState()));
    }

    @Test
    @Order(2)
    void the_page_switches_between_dutch_and_english_and_says_so_to_screen_readers() {
        page.switchLanguage("en");

        assertThat(page.language()).isEqualTo("en");
        assertThat(page.heading()).isEqualTo("Screening queue");
        assertThat(page.navigation()).contains("Screening queue", "Offers", "Waiting-list screening", "Escalations",
                "Regional dashboard");
        assertThat(page.driver().findElement(By.id("app-nav")).getAttribute("aria-label")).isEqualTo("Main menu");
        page.waiting().until(d -> d.findElement(By.id("live")).getText().contains("English"));

        page.switchLanguage("nl");
        assertThat(page.heading()).isEqualTo("Screeningswachtrij");
    }

    @Test
    @Order(3)
    void every_part_of_the_page_is_reached_and_operated_with_the_keyboard() {
        page.open("#/queue");
        page.heading();
        // the first Tab reaches the skip link; Enter moves focus to the main content
        new Actions(page.driver()).sendKeys(Keys.TAB).perform();
        assertThat(page.activeElementDescription()).startsWith("a#skip-link");
        new Actions(page.driver()).sendKeys(Keys.ENTER).perform();
        assertThat(page.activeElementDescription()).startsWith("main#main");

        // navigation links are reached by Tab and followed with Enter; focus moves to the new heading
        page.driver().findElement(By.cssSelector("#app-nav a[data-route='dashboard']")).sendKeys(Keys.ENTER);
        page.waiting().until(d -> d.getCurrentUrl().endsWith("#/dashboard"));
        page.waiting().until(d -> page.activeElementDescription().startsWith("h1#"));
        assertThat(page.activeElementDescription()).contains("Regionaal dashboard");
        assertThat(page.driver().findElement(By.cssSelector("#app-nav a[aria-current='page']")).getText())
                .isEqualTo("Regionaal dashboard");
    }

    /**
     * The issue's "done when": two coordinators of different organisations screen one proposal; the
     * first cannot approve twice (the page shows the service's own reason); the second approval
     * turns the proposal into an offer, which the first coordinator's page shows live.
     */
    @Test
    @Order(4)
    void two_coordinators_of_different_organisations_turn_a_proposal_into_an_offer_under_the_four_eyes_rule()
            throws Exception {
        page.open("#/queue");
        List<String> queue = page.queueProposalIds();
        assertThat(queue).contains(scenario.proposalId());
        browser.screenshot("queue");
        String proposal = scenario.proposalId();

        // coordinator A (GGZ Maasstad, 22000001) opens the proposal from the queue and approves it
        page.openFromQueue(proposal);
        assertThat(page.driver().findElement(By.id("score-table")).getText()).contains("Totaal");
        CoordinatorPage.Answer first = page.approve();
        assertThat(first.accepted()).as(first.toString()).isTrue();
        assertThat(first.text()).startsWith("First approval recorded.");
        page.waiting().until(d -> page.fourEyesCount().startsWith("1 van 2"));
        assertThat(page.driver().findElement(By.id("approvals")).getText()).contains("coordinator-a").contains("22000001");

        // approving again is refused by the four-eyes rule, in the service's own words
        CoordinatorPage.Answer again = page.approve();
        assertThat(again.accepted()).isFalse();
        assertThat(again.title()).isEqualTo("Vier-ogenprincipe: al goedgekeurd");
        HttpResponse<String> api = post(ServiceKind.TRANSFER_TABLE, "/api/v1/proposals/" + proposal + "/approve",
                stack.tokenFor(DemoUsers.COORDINATOR_A), null);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(again.text()).isEqualTo(json(api.body()).get("detail").asText())
                .isEqualTo("You already approved this; a second, different coordinator must approve it.");

        // coordinator B (Psychologenpraktijk Kralingen, 22000002) signs in in a second tab and approves
        String firstTab = page.driver().getWindowHandle();
        page.driver().switchTo().newWindow(WindowType.TAB);
        try {
            approveAsSecondCoordinator(proposal);
        } catch (RuntimeException | AssertionError e) {
            browser.saveFailure("second-coordinator-tab");
            throw e;
        } finally {
            page.driver().close();
            page.driver().switchTo().window(firstTab);
        }

        // coordinator A's page follows the stream: the proposal became an offer without a reload
        page.waiting().until(d -> page.proposalState().equals("Aangeboden"));
        assertThat(page.driver().findElements(By.id("approve"))).isEmpty();
        page.go("offers");
        page.waiting().until(d -> !d.findElements(By.cssSelector("#offers-table tr[data-proposal-id='" + proposal + "']")).isEmpty());
    }

    private void approveAsSecondCoordinator(String proposal) {
        page.open("#/proposals/" + proposal).signInAs("coordinator-b");
        assertThat(page.userOrganisation()).contains("22000002");
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("screening-title")));
        CoordinatorPage.Answer second = page.approve();
        assertThat(second.accepted()).as(second.toString()).isTrue();
        assertThat(second.text()).startsWith("Second approval recorded");
        page.waiting().until(d -> page.proposalState().equals("Aangeboden"));
        assertThat(page.driver().findElement(By.id("approvals")).getText()).contains("coordinator-a").contains("coordinator-b");
        browser.fullPageScreenshot("proposal-offered");
    }

    @Test
    @Order(5)
    void the_dashboard_shows_the_regions_figures_as_the_services_that_own_them_give_them() throws Exception {
        // the offer of the four-eyes scenario is accepted by the receiving provider and for the client: a transfer
        String offer = "/api/v1/offers/" + scenario.proposalId();
        assertThat(post(ServiceKind.TRANSFER_TABLE, offer + "/provider-response", providerToken(scenario.receivingProviderAgb()),
                Map.of("accepted", true, "handoverContact", "Intake desk, 010-7654321")).statusCode()).isEqualTo(200);
        HttpResponse<String> completed = post(ServiceKind.TRANSFER_TABLE, offer + "/client-response",
                stack.tokenFor(DemoUsers.GP), Map.of("accepted", true));
        assertThat(json(completed.body()).get("state").asText()).as(completed.body()).isEqualTo("COMPLETED");

        page.open("#/dashboard");
        page.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dash-waiting")));
        page.waiting().until(d -> d.findElements(By.cssSelector("#dashboard-body .loading")).isEmpty());
        browser.fullPageScreenshot("dashboard");
        assertThat(page.driver().findElements(By.cssSelector(".dashboard-grid section.card"))).hasSize(6);

        // each figure is the owner's: intake's unique count, the transfer table's transfers of this month,
        // capacity-service's stops and pauses
        JsonNode intake = json(get(ServiceKind.INTAKE, "/api/v1/figures", stack.tokenFor(DemoUsers.COORDINATOR_A)).body());
        JsonNode transfers = json(get(ServiceKind.TRANSFER_TABLE, "/api/v1/figures?since="
                + LocalDate.now().withDayOfMonth(1), stack.tokenFor(DemoUsers.COORDINATOR_A)).body());
        JsonNode capacity = json(get(ServiceKind.CAPACITY, "/api/v1/figures", stack.tokenFor(DemoUsers.COORDINATOR_A)).body());
        assertThat(tileValue("tile-waiting")).isEqualTo(dutch(intake.get("total").get("uniqueWaiting").asLong()));
        assertThat(tileValue("tile-beyond-intake")).isEqualTo(dutch(intake.get("total").get("beyondIntakeNorm").asLong()));
        assertThat(transfers.get("completedTransfers").asLong()).isPositive();
        assertThat(tileValue("tile-transfers")).isEqualTo(dutch(transfers.get("completedTransfers").asLong()));
        long stops = 0;
        long pauses = 0;
        for (JsonNode restriction : capacity.get("restrictionsInForce")) {
            stops += restriction.get("stops").asLong();
            pauses += restriction.get("pauses").asLong();
        }
        assertThat(tileValue("tile-restrictions")).isEqualTo(dutch(stops) + " / " + dutch(pauses));
        // the chart's last column is this month
        assertThat(page.driver().findElements(By.cssSelector("#dash-transfers svg.chart rect.series-current"))).hasSize(1);
        assertThat(page.driver().findElements(By.cssSelector("#dash-transfers svg.chart rect"))).hasSize(6);
    }

    private static String tileValue(String id) {
        return page.driver().findElement(By.cssSelector("#" + id + " .tile-value")).getText();
    }

    private static String dutch(long number) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("nl-NL")).format(number);
    }

    private static String providerToken(String agb) {
        return stack.tokens().token("desk-" + agb, List.of("PROVIDER"), agb, DemoUsers.REGION);
    }

    /** axe-core's WCAG 2.1 A/AA rules find nothing on any view, in either language, nor on the sign-in pages. */
    @Test
    @Order(6)
    void every_view_passes_the_automated_wcag_checks() {
        Map<String, String> found = new java.util.LinkedHashMap<>();
        for (String route : List.of("#/queue", "#/proposals/" + scenario.proposalId(), "#/offers", "#/waiting-list",
                "#/escalations", "#/dashboard")) {
            page.open(route);
            page.heading();
            page.waiting().until(d -> d.findElements(By.cssSelector("main .loading")).isEmpty());
            found.put(route, Accessibility.violations(page.driver()));
            browser.fullPageScreenshot("view-" + route.substring(2).replaceAll("/.*", ""));
        }
        page.switchLanguage("en");
        found.put("#/queue (en)", Accessibility.violations(page.driver()));
        browser.screenshot("view-queue-en");
        page.switchLanguage("nl");

        // a tab without a session: the page's sign-in screen and the issuer's sign-in page
        String signedIn = page.driver().getWindowHandle();
        page.driver().switchTo().newWindow(WindowType.TAB);
        page.open();
        page.waiting().until(ExpectedConditions.elementToBeClickable(By.id("login-button")));
        found.put("sign-in", Accessibility.violations(page.driver()));
        page.driver().findElement(By.id("login-button")).click();
        page.waiting().until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
        found.put("issuer sign-in page", Accessibility.violations(page.driver()));
        browser.screenshot("issuer-sign-in");
        page.driver().close();
        page.driver().switchTo().window(signedIn);

        found.values().removeIf(String::isEmpty);
        assertThat(found).as("WCAG violations per page").isEmpty();

        // and the check does see a violation when there is one: an image without a text alternative
        page.script("document.getElementById('main').append(Object.assign(document.createElement('img'), {src: 'data:,'}))");
        assertThat(Accessibility.violations(page.driver())).contains("image-alt");
    }

    // ------------------------------------------------------------------ scenario data through the public APIs

    /**
     * A referral and a fitting place at a provider the client's insurer contracts, all through the
     * services' public APIs: the engine proposes
     * (to that place or another equally good one: {@code receivingProviderAgb} is the one it chose).
     */
    record Scenario(String referralId, String receivingProviderAgb, String proposalId) {
    }

    private static Scenario scenario;

    private static Scenario proposalThroughTheServices() throws Exception {
        String provider = "22960001";
        HttpResponse<String> referral = post(ServiceKind.INTAKE, "/api/v1/referrals", stack.tokenFor(DemoUsers.GP),
                Map.ofEntries(Map.entry("bsn", "123456782"), Map.entry("name", "Test Vier-Ogen"),
                        Map.entry("dateOfBirth", "1979-02-11"),
                        Map.entry("postcode", "3011 AB"), Map.entry("insurerUzovi", DemoUsers.INSURER_UZOVI),
                        Map.entry("diagnosisGroup", "TRAUMA"), Map.entry("careLevel", "SPECIALIST"),
                        Map.entry("urgency", "URGENT"), Map.entry("maxTravelKm", 25),
                        Map.entry("eHealthAcceptable", false), Map.entry("screeningConsent", true)));
        assertThat(referral.statusCode()).as(referral.body()).isEqualTo(201);
        String referralId = json(referral.body()).get("referralId").asText();
        // an administrator registers the provider, which announces a place; the insurer records its contract
        HttpResponse<String> record = StackHttp.put(stack.url(ServiceKind.CAPACITY) + "/api/v1/providers/" + provider,
                stack.tokenFor(DemoUsers.ADMIN), Map.of(
                        "name", "Testaanbieder vier ogen", "type", "GGZ_INSTITUTION", "region", DemoUsers.REGION,
                        "locations", List.of(Map.of("postcode", "3012 KK", "city", "Rotterdam", "region", DemoUsers.REGION)),
                        "offerings", List.of(Map.of("diagnosisGroups", List.of("TRAUMA"), "careLevel", "SPECIALIST",
                                "minAge", 18, "maxAge", 120, "exclusions", List.of()))));
        assertThat(record.statusCode()).as(record.body()).isIn(200, 201);
        JsonNode registered = json(record.body());
        HttpResponse<String> line = post(ServiceKind.CAPACITY, "/api/v1/capacity", providerToken(provider),
                Map.of("locationId", registered.path("locations").get(0).path("locationId").asText(),
                        "offeringId", registered.path("offerings").get(0).path("offeringId").asText(),
                        "places", 1, "availableFrom", LocalDate.now().toString(),
                        "availableUntil", LocalDate.now().plusDays(60).toString()));
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        HttpResponse<String> contract = StackHttp.put(stack.url(ServiceKind.CAPACITY) + "/api/v1/contracts/"
                + DemoUsers.INSURER_UZOVI + "/" + provider, stack.tokenFor(DemoUsers.INSURER),
                Map.of("contracted", true, "ceilingReached", false));
        assertThat(contract.statusCode()).as(contract.body()).isIn(200, 201);
        String[] proposal = new String[2];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            proposal[0] = null;
            for (JsonNode item : json(get(ServiceKind.TRANSFER_TABLE, "/api/v1/screening/queue",
                    stack.tokenFor(DemoUsers.COORDINATOR_A)).body())) {
                if (item.path("client").path("referralId").asText().equals(referralId)) {
                    proposal[0] = item.path("proposalId").asText();
                    // the engine places the region as a whole: the client may go to another fitting line
                    proposal[1] = item.path("proposed").path("providerAgb").asText();
                }
            }
            assertThat(proposal[0]).as("a proposal for the scenario's referral").isNotNull();
        });
        return new Scenario(referralId, proposal[1], proposal[0]);
    }

    private static JsonNode json(String body) {
        return StackHttp.json(body);
    }

    private static HttpResponse<String> get(ServiceKind kind, String path, String token) {
        return StackHttp.get(stack.url(kind) + path, token);
    }

    private static HttpResponse<String> post(ServiceKind kind, String path, String token, Object body) {
        return StackHttp.post(stack.url(kind) + path, token, body);
    }
}
