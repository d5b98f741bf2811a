package nl.transfertafel.localstack.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The coordinator page as a person uses it: what can be seen and clicked, by visible landmarks and ids. */
public final class CoordinatorPage {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Browser browser;
    private final ChromeDriver driver;
    private final String pageUrl;

    public CoordinatorPage(Browser browser, String transferTableUrl) {
        this.browser = browser;
        this.driver = browser.driver();
        this.pageUrl = transferTableUrl + "/coordinator/";
    }

    public CoordinatorPage open() {
        driver.get(pageUrl);
        return this;
    }

    /** Loads the page afresh at a route (a hash change alone would not reload it); the tab's session stays. */
    public CoordinatorPage open(String hash) {
        driver.get("about:blank");
        driver.get(pageUrl + hash);
        return this;
    }

    /** Signs in through the issuer's own sign-in page (authorization code + PKCE), picking a demo user. */
    public CoordinatorPage signInAs(String username) {
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();
        WebElement choice = waiting().until(ExpectedConditions.elementToBeClickable(By.id("user-" + username)));
        choice.click();
        driver.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
        waiting().until(d -> !d.findElement(By.id("main")).getText().isBlank()
                && d.findElements(By.cssSelector("main h1")).size() == 1);
        return this;
    }

    public void signOut() {
        driver.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("login-button")));
    }

    public String userName() {
        return driver.findElement(By.id("user-name")).getText();
    }

    public String userOrganisation() {
        return driver.findElement(By.id("user-org")).getText();
    }

    public String heading() {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1"))).getText();
    }

    public String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    public void switchLanguage(String code) {
        driver.findElement(By.cssSelector("#lang-switch button[data-lang='" + code + "']")).click();
        waiting().until(d -> code.equals(language()));
    }

    public List<String> navigation() {
        return driver.findElements(By.cssSelector("#app-nav a")).stream().map(WebElement::getText).toList();
    }

    public void go(String route) {
        driver.findElement(By.cssSelector("#app-nav a[data-route='" + route + "']")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("#/" + route));
    }

    /** The screening queue's rows, top (highest priority) first: their proposal ids. */
    public List<String> queueProposalIds() {
        waiting().until(d -> !d.findElements(By.cssSelector("#queue-table tbody tr")).isEmpty());
        return driver.findElements(By.cssSelector("#queue-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-proposal-id")).toList();
    }

    /** Opens a proposal from its row in the queue, as a coordinator would (the row's "open" link). */
    public void openFromQueue(String proposalId) {
        driver.findElement(By.cssSelector("#queue-table tr[data-proposal-id='" + proposalId + "'] a")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("screening-title")));
    }

    public String proposalState() {
        return driver.findElement(By.cssSelector("#proposal-body .state")).getText();
    }

    public String fourEyesCount() {
        return driver.findElement(By.id("four-eyes-count")).getText();
    }

    /** Clicks Approve and returns the answer shown: the service's reason, or its refusal. */
    public Answer approve() {
        driver.findElements(By.cssSelector("#screening-outcome > *")).forEach(element ->
                ((JavascriptExecutor) driver).executeScript("arguments[0].remove()", element));
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("approve"))).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#screening-success, #screening-problem")).isEmpty());
        List<WebElement> refused = driver.findElements(By.id("screening-problem"));
        if (!refused.isEmpty()) {
            return new Answer(false, refused.get(0).findElement(By.className("problem-title")).getText(),
                    refused.get(0).findElement(By.className("problem-detail")).getText());
        }
        return new Answer(true, null, driver.findElement(By.id("screening-success")).getText());
    }

    /** What the page answered to a screening action. */
    public record Answer(boolean accepted, String title, String text) {
    }

    public String liveState() {
        return driver.findElement(By.id("live-state")).getText();
    }

    public String activeElementDescription() {
        WebElement active = driver.switchTo().activeElement();
        return active.getTagName() + "#" + active.getAttribute("id") + ":" + active.getText();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public WebDriverWait waiting() {
        return browser.waiting(WAIT);
    }

    public WebDriverWait waiting(Duration timeout) {
        return browser.waiting(timeout);
    }

    public ChromeDriver driver() {
        return driver;
    }
}
