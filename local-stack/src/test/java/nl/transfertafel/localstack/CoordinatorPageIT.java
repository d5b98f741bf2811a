package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import nl.transfertafel.localstack.browser.Browser;
import nl.transfertafel.localstack.browser.CoordinatorPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
    static void start() {
        Browser.assumeAvailable();
        stack = LocalStack.start(LocalStack.Options.randomPorts(true));
        browser = Browser.startOrSkip(SCREENSHOTS);
        page = new CoordinatorPage(browser, stack.url(ServiceKind.TRANSFER_TABLE));
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
        assertThat(Files.size(browser.screenshot("queue"))).isPositive();
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

    @Test
    @Order(4)
    void the_dashboard_shows_the_regions_figures_from_the_services_that_own_them() throws Exception {
        page.open("#/dashboard");
        page.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dash-waiting")));
        browser.screenshot("dashboard");
        assertThat(page.driver().findElements(By.cssSelector(".dashboard-grid section.card"))).hasSize(6);
    }
}
