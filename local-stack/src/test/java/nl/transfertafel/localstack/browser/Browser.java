package nl.transfertafel.localstack.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through ChromeDriver, both from the operating system (Debian's
 * {@code chromium} and {@code chromium-driver}; Selenium Manager never downloads anything here).
 * When either is missing the calling test class is skipped with a message saying how to install
 * them, so the rest of the suite still runs.
 *
 * <p>{@code CHROME_BIN} and {@code CHROMEDRIVER} (environment or system properties) point at other
 * executables. Each browser gets a fresh profile directory, removed on {@link #close()}.
 */
public final class Browser implements AutoCloseable {

    public static final String INSTALL_HINT = "Browser tests need Chromium and ChromeDriver: "
            + "apt-get install chromium chromium-driver (or set CHROME_BIN and CHROMEDRIVER)";

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
            "/usr/lib/chromium-browser/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Browser(Path browserBinary, Path driverBinary, Path screenshots) {
        this.screenshots = screenshots;
        try {
            profile = Files.createTempDirectory("transfertafel-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserBinary.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--mute-audio",
                // a laptop screen
                "--window-size=1440,900", "--lang=nl-NL",
                "--user-data-dir=" + profile.toAbsolutePath());
        // a Dutch coordinator's browser (the page follows the browser's language until one is picked)
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "nl-NL,nl"));
        // the page's console (errors, warnings) is kept for the failure report
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Starts a browser, or skips the calling test (class) when Chromium or ChromeDriver is missing. */
    public static Browser startOrSkip(Path screenshots) {
        Optional<Path> browser = find("CHROME_BIN", BROWSERS);
        Optional<Path> driver = find("CHROMEDRIVER", DRIVERS);
        Assumptions.assumeTrue(browser.isPresent() && driver.isPresent(), INSTALL_HINT);
        return new Browser(browser.get(), driver.get(), screenshots);
    }

    /** Whether a browser can start here (checked before an expensive stack is started). */
    public static boolean available() {
        return find("CHROME_BIN", BROWSERS).isPresent() && find("CHROMEDRIVER", DRIVERS).isPresent();
    }

    /** Skips the calling test, saying how to install what is missing. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), INSTALL_HINT);
    }

    private static Optional<Path> find(String variable, List<String> candidates) {
        String configured = Optional.ofNullable(System.getProperty(variable)).orElse(System.getenv(variable));
        Stream<String> paths = configured == null || configured.isBlank() ? candidates.stream()
                : Stream.of(configured);
        return paths.map(Paths::get).filter(Files::isExecutable).findFirst();
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Saves a PNG of the current page as {@code <screenshots>/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = screenshots.resolve(name + ".png");
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #screenshot(String)}, of the whole page: the window grows to the page's height for the shot. */
    public Path fullPageScreenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(),
                (int) Math.min(4000, height.longValue() + before.getHeight() - viewportHeight())));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private long viewportHeight() {
        return ((Number) driver.executeScript("return window.innerHeight")).longValue();
    }

    /** What the page logged to its console since the last call (for failure reports). */
    public String console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString)
                .collect(Collectors.joining("\n"));
    }

    /** After a failed test: a screenshot, the page's console and its current DOM, named after the test. */
    public void saveFailure(String name) {
        try {
            screenshot("failed-" + name);
            Object requests = driver.executeScript("return performance.getEntriesByType('resource')"
                    + ".map(e => Math.round(e.startTime) + 'ms +' + Math.round(e.duration) + 'ms ' + e.name).join('\\n')");
            Files.writeString(screenshots.resolve("failed-" + name + ".txt"), "URL: " + driver.getCurrentUrl()
                    + "\n\n--- console ---\n" + console() + "\n\n--- requests (finished) ---\n" + requests
                    + "\n\n--- DOM ---\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            // the report is a courtesy; the test's own failure is what counts
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
