package nl.citydeal.engine.portfolio.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import nl.citydeal.engine.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio as a person sees it, in headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): log in as the programme office, see the demo portfolio, filter it, open a deal
 * and see its timeline, readiness checklist and process diagram, drawn by bpmn-js under the page's Content
 * Security Policy. Screenshots go to {@code target/screenshots/}. Without the browser this test fails: it does not
 * skip.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:portfolio-browser-it;DB_CLOSE_DELAY=-1",
            "camunda.bpm.generate-unique-process-engine-name=false",
            "camunda.bpm.job-execution.enabled=false"
        })
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PortfolioBrowserIT {

    static final Duration WAIT = Duration.ofSeconds(20);

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start("nl-NL");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theProgrammeOfficeLogsInSeesTheDemoPortfolioAndOpensADealWithItsTimeline() throws IOException {
        logIn("petra");

        WebElement table = wait(By.id("portfolio"));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr.deal-row"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(20);
        assertThat(table.getText())
                .contains(
                        "City Deal Klimaatadaptatie",
                        "City Deal Roadmap Next Economy",
                        "Experimenteerfase",
                        "Voorbereiding",
                        "nog niet ondertekend");
        assertThat(table.findElements(By.cssSelector(".badge-danger"))).isNotEmpty();
        assertThat(table.findElements(By.cssSelector("svg.term rect.bar"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".mainnav")).getText())
                .contains("Portfolio", "Takenlijst", "Cockpit");
        screenshot("portfolio-overview.png");

        // a filter applies as soon as it changes (static/js/portfolio.js)
        new Select(browser.findElement(By.id("phase"))).selectByVisibleText("Experimenteerfase");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("phase=EXPERIMENTATION"));
        List<WebElement> running = wait(By.id("portfolio")).findElements(By.cssSelector("tbody tr.deal-row"));
        assertThat(running).isNotEmpty().hasSizeLessThan(rows.size());
        assertThat(running)
                .allSatisfy(row -> assertThat(
                                row.findElement(By.cssSelector(".phase")).getText())
                        .isEqualTo("Experimenteerfase"));

        WebElement deal = running.get(0).findElement(By.cssSelector("a.deal-name"));
        String name = deal.getText();
        deal.click();

        WebElement timeline = wait(By.id("tijdlijn"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        List<WebElement> prompts = timeline.findElements(By.cssSelector("ol.timeline li.prompt"));
        assertThat(prompts).hasSizeGreaterThanOrEqualTo(5);
        assertThat(timeline.getText())
                .contains(
                        "Eigenaarschapsgesprek voeren",
                        "Opschaling verkennen",
                        "Tussenbalans houden",
                        "Opschalingsplan opstellen",
                        "Einde looptijd");
        assertThat(timeline.findElements(By.cssSelector("svg.timeline-axis circle.marker")))
                .hasSize(prompts.size());
        assertThat(browser.findElement(By.id("gereedheid")).findElements(By.cssSelector("ul.checklist li")))
                .hasSize(5);

        // the process diagram, drawn in the browser with the current position marked
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#diagram.rendered, #diagram.failed")));
        assertThat(browser.findElement(By.id("diagram")).getAttribute("class")).contains("rendered");
        assertThat(browser.findElements(By.cssSelector("#diagram .djs-element.cde-current")))
                .isNotEmpty();
        screenshot("deal-page.png");

        // "Hele proces" shows the whole diagram, "Huidige stap" goes back to where the deal stands
        String currentView = viewbox();
        browser.findElement(By.id("diagram-all")).click();
        new WebDriverWait(browser, WAIT).until(driver -> !viewbox().equals(currentView));
        browser.findElement(By.id("diagram-current")).click();
        new WebDriverWait(browser, WAIT).until(driver -> viewbox().equals(currentView));

        assertNoConsoleErrors();
    }

    @Test
    void aPageThatIsNotThereOrNotForTheUsersRoleIsADutchPageWithAWayBackAndSwaggerUiShowsTheApi() throws IOException {
        logIn("petra");

        browser.get(url("/admin"));
        WebElement heading = wait(By.tagName("h1"));
        assertThat(heading.getText()).isEqualTo("Geen toegang");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        assertThat(browser.findElement(By.linkText("← Terug naar het portfolio"))
                        .getAttribute("href"))
                .isEqualTo(url("/"));
        screenshot("error-403.png");

        browser.get(url("/bestaat-niet"));
        assertThat(wait(By.tagName("h1")).getText()).isEqualTo("Niet gevonden");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        screenshot("error-404.png");

        // the OpenAPI document comes with the session of the pages' login
        browser.get(url("/swagger-ui/index.html"));
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "City Deal Engine API"));
        assertThat(browser.findElements(By.cssSelector(".opblock"))).isNotEmpty();
        screenshot("swagger-ui.png");

        // the 403 and 404 above are logged as failed loads, as they should be: look only from here on
        browser.manage().logs().get(LogType.BROWSER);
        browser.get(url("/"));
        wait(By.id("portfolio"));
        assertNoConsoleErrors();
    }

    /** Logs in afresh as {@code user} (the demo's password) through the login page. */
    private void logIn(String user) {
        HeadlessChromium.logIn(browser, url(""), user);
    }

    private String viewbox() {
        return String.valueOf(((JavascriptExecutor) browser)
                .executeScript("return document.querySelector('#diagram svg g.viewport').getAttribute('transform')"));
    }

    private static void assertNoConsoleErrors() {
        HeadlessChromium.assertNoConsoleErrors(browser);
    }

    private WebElement wait(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void screenshot(String file) throws IOException {
        HeadlessChromium.screenshot(browser, file);
    }
}
