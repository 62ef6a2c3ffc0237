package nl.citydeal.engine.portfolio.web;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import nl.citydeal.engine.HeadlessChromium;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.Prompts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness grid and the charts as petra sees them in headless Chromium, over the demo portfolio and a deal of
 * this test whose ownership conversation lapsed: she sorts the grid by ownership, finds the "nee", reads why and the
 * lesson in its title, follows the row to the deal's page; on the charts page every figure has its drawing and its
 * table. No errors in the console (the pages' strict Content Security Policy). Screenshots go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:readiness-charts-browser-it;DB_CLOSE_DELAY=-1",
            "camunda.bpm.generate-unique-process-engine-name=false",
            "camunda.bpm.job-execution.enabled=false"
        })
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadinessAndChartsBrowserIT {

    static final Duration WAIT = Duration.ofSeconds(20);

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    DealRegistry registry;

    @Autowired
    Prompts promptLog;

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
    void petraSortsTheGridByOwnershipReadsWhyADealSaysNoAndFollowsItToItsPage() throws IOException {
        Deal lapsed = lapsedOwnership();
        logIn("petra");

        browser.get(url("/portfolio/readiness"));
        WebElement grid = wait(By.id("gereedheid"));
        assertThat(grid.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
        WebElement ownershipHeader = browser.findElement(By.id("sort-ownership"));
        assertThat(ownershipHeader.findElement(By.xpath("..")).getAttribute("title"))
                .startsWith("Eigenaarschap vroeg");

        ownershipHeader.click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("sort=ownership"));
        grid = wait(By.id("gereedheid"));
        assertThat(browser.findElement(By.id("sort-ownership"))
                        .findElement(By.xpath(".."))
                        .getAttribute("aria-sort"))
                .isEqualTo("ascending");
        List<WebElement> ownership = grid.findElements(By.cssSelector("td[data-item=ownership]"));
        // sorted ascending, the noes come first and together
        assertThat(ownership.get(0).getAttribute("class")).contains("status-no");
        assertThat(ownership.get(0).getText()).contains("nee");

        WebElement row = grid.findElement(By.cssSelector("tr[data-deal='" + lapsed.getId() + "']"));
        WebElement cell = row.findElement(By.cssSelector("td[data-item=ownership]"));
        new Actions(browser).moveToElement(cell).perform();
        assertThat(cell.getAttribute("title"))
                .contains("Eigenaarschapsgesprek vervallen zonder uitvoering.")
                .contains("Les: ");
        screenshot("readiness-grid.png");

        assertThat(browser.findElements(By.cssSelector("#aandelen figure svg.chart")))
                .isNotEmpty();
        row.findElement(By.cssSelector("th a")).click();
        assertThat(wait(By.tagName("h1")).getText()).isEqualTo(lapsed.getName());
        assertNoConsoleErrors();
    }

    @Test
    void onTheChartsPageEveryFigureHasItsDrawingAndATableWithTheSameNumbers() throws IOException {
        logIn("petra");
        browser.get(url("/portfolio/charts"));
        wait(By.id("fasen"));
        List<WebElement> figures = browser.findElements(By.cssSelector("figure.chart-figure"));
        assertThat(figures).hasSize(4);
        for (WebElement figure : figures) {
            assertThat(figure.findElements(By.tagName("figcaption"))).hasSize(1);
            if (!figure.findElements(By.cssSelector("p.empty")).isEmpty()) {
                assertThat(figure.findElements(By.cssSelector("svg.chart"))).isEmpty();
                continue;
            }
            WebElement svg = figure.findElement(By.cssSelector("svg.chart"));
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            assertThat(svg.getAttribute("aria-label")).isNotBlank();
            assertThat(svg.findElements(By.cssSelector("rect.seg"))).isNotEmpty();
            WebElement table = figure.findElement(By.cssSelector("table.chart-table"));
            assertThat(table.isDisplayed()).isTrue();
            long drawn = svg.findElements(By.cssSelector("rect.seg")).stream()
                    .mapToLong(rect -> Long.parseLong(rect.getAttribute("data-value")))
                    .sum();
            long tabled = table.findElements(By.cssSelector("td[data-value]")).stream()
                    .mapToLong(td -> Long.parseLong(td.getAttribute("data-value")))
                    .sum();
            assertThat(drawn).as(figure.getAttribute("id")).isEqualTo(tabled);
        }
        // the demo has running deals: the phase chart is drawn, with its legend
        assertThat(browser.findElements(By.cssSelector("#fasen svg.chart rect.seg")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#fasen .chart-legend li")))
                .isNotEmpty();
        screenshot("charts.png");

        // the tabs lead from the overview to both pages
        browser.get(url("/"));
        browser.findElement(By.linkText("Opschalingsgereedheid")).click();
        assertThat(wait(By.tagName("h1")).getText()).isEqualTo("Opschalingsgereedheid");
        browser.findElement(By.linkText("Grafieken")).click();
        assertThat(wait(By.tagName("h1")).getText()).isEqualTo("Grafieken");
        assertNoConsoleErrors();
    }

    /** A deal signed a month ago whose ownership conversation was cancelled: its ownership item says "nee". */
    private Deal lapsedOwnership() {
        LocalDate signed = LocalDate.now().minusMonths(1);
        Deal deal = registry.register(
                new NewDeal(
                        "City Deal Eigenaarschap Vergeten",
                        "Browsertest",
                        "Gemeente Zwolle",
                        "anna",
                        "petra",
                        "Een ambitie",
                        DealSetup.ONE_PART,
                        signed,
                        signed.plusYears(4),
                        "Stcrt. " + signed.getYear() + ", 1",
                        List.of(new NewDeal.NewParticipant(
                                "Waterschap Test", ParticipantType.WATER_BOARD, "Kennis van water", true)),
                        null),
                "petra");
        promptLog.cancel(deal.getId(), PromptKind.OWNERSHIP_CONVERSATION);
        return deal;
    }

    private void logIn(String user) {
        HeadlessChromium.logIn(browser, url(""), user);
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
