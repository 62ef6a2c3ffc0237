package nl.citydeal.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser of the browser tests: Debian's {@code chromium} and {@code chromium-driver} (which {@code .ci/run}
 * installs), headless, with the console and the network log kept for the test to read. Without the browser a test
 * fails: it does not skip. Screenshots go to {@code target/screenshots/}.
 */
public final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {}

    /** A browser whose pages ask for this language ({@code nl-NL}, {@code en-US}). */
    public static ChromeDriver start(String language) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as(
                        "Browser tests need Debian's Chromium at %s and its driver at %s: "
                                + "apt-get install -y chromium chromium-driver (.ci/run installs them)",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        // The driver and the browser are given: Selenium Manager has nothing to look up or download.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1500,1100",
                "--lang=" + language);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                        .usingAnyFreePort()
                        .build(),
                options);
    }

    /** A screenshot of the whole page, beyond the window (through the DevTools protocol). */
    public static void screenshot(ChromeDriver browser, String file) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        JavascriptExecutor page = browser;
        long width = (Long) page.executeScript("return document.documentElement.scrollWidth");
        long height = (Long) page.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = browser.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 10_000), "scale", 1)));
        Files.write(SCREENSHOTS.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * Logs in on the app's login page, where {@code baseUrl + "/"} sends a browser without a login, and waits for
     * the masthead.
     */
    public static void logIn(ChromeDriver browser, String baseUrl, String user) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".mainnav")));
    }

    /**
     * Logs in on the login form of one of Camunda's own webapps ({@code tasklist}, {@code cockpit}, {@code admin})
     * and waits until the form is gone. What is typed is read back from the field first: the form is rendered by
     * the webapp's scripts, and a field replaced while the test typed would send an empty name or password.
     */
    public static void logInToCamundaApp(ChromeDriver browser, String baseUrl, String app, String user) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/camunda/app/" + app + "/default/");
        By password = By.cssSelector("form input[type=password]");
        FluentWait<WebDriver> wait =
                new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.elementToBeClickable(password));
        wait.until(typed(By.cssSelector("form input:not([type=password])"), user));
        wait.until(typed(password, "demo"));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(password));
    }

    /** Types the text into the field unless it holds it already; true once the field holds it. */
    private static ExpectedCondition<Boolean> typed(By field, String text) {
        return driver -> {
            WebElement input = driver.findElement(field);
            if (!text.equals(input.getDomProperty("value"))) {
                input.clear();
                input.sendKeys(text);
            }
            return text.equals(driver.findElement(field).getDomProperty("value"));
        };
    }

    /** No errors in the console since the last look (Content Security Policy violations, script errors, 404s). */
    public static void assertNoConsoleErrors(ChromeDriver browser) {
        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(problems)
                .as("errors in the browser console, such as Content Security Policy violations")
                .isEmpty();
    }
}
