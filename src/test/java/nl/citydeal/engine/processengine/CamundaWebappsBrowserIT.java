package nl.citydeal.engine.processengine;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every view of Cockpit, Tasklist and Admin that a programme office or an administrator opens works on the demo
 * portfolio: none of the calls a view makes fails (no 4xx or 5xx answer, no failed load), as the browser's network
 * log records them. The engine's {@code query-max-results-limit} stays for the REST API's clients
 * ({@code WebappQueryLimitFilter} pages the webapps' own list calls). Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:webapps-browser-it;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH",
            "camunda.bpm.generate-unique-process-engine-name=false",
            "camunda.bpm.job-execution.enabled=false"
        })
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CamundaWebappsBrowserIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

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
    void everyCockpitAndAdminViewTheAdministratorOpensLoadsWithoutAFailedCall() throws IOException {
        String definition = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .latestVersion()
                .singleResult()
                .getId();
        String instance = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .listPage(0, 1)
                .get(0)
                .getId();
        String decision = repositoryService
                .createDecisionDefinitionQuery()
                .latestVersion()
                .listPage(0, 1)
                .get(0)
                .getId();
        logIn("admin", "cockpit");

        Map<String, String> views = new java.util.LinkedHashMap<>();
        views.put("cockpit-dashboard", "/camunda/app/cockpit/default/#/dashboard");
        views.put("cockpit-processes", "/camunda/app/cockpit/default/#/processes");
        views.put(
                "cockpit-process-definition",
                "/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
        views.put(
                "cockpit-process-definition-jobs",
                "/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime?tab=job-definitions-tab");
        views.put(
                "cockpit-process-instance", "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
        views.put(
                "cockpit-process-instance-tasks",
                "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?tab=user-tasks-tab");
        views.put(
                "cockpit-process-instance-jobs",
                "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?tab=job-tab");
        views.put("cockpit-decisions", "/camunda/app/cockpit/default/#/decisions");
        views.put("cockpit-decision-definition", "/camunda/app/cockpit/default/#/decision-definition/" + decision);
        views.put("cockpit-tasks", "/camunda/app/cockpit/default/#/tasks");
        views.put("cockpit-batch", "/camunda/app/cockpit/default/#/batch");
        views.put("cockpit-repository", "/camunda/app/cockpit/default/#/repository");
        views.put("admin-users", "/camunda/app/admin/default/#/users");
        views.put("admin-user", "/camunda/app/admin/default/#/users/anna?tab=profile");
        views.put("admin-user-groups", "/camunda/app/admin/default/#/users/anna?tab=groups");
        views.put("admin-groups", "/camunda/app/admin/default/#/groups");
        views.put("admin-group", "/camunda/app/admin/default/#/groups/programme-office?tab=group");
        views.put("admin-tenants", "/camunda/app/admin/default/#/tenants");
        views.put("admin-authorizations", "/camunda/app/admin/default/#/authorization?resource=0");
        views.put("admin-authorizations-process", "/camunda/app/admin/default/#/authorization?resource=6");
        views.put("admin-system", "/camunda/app/admin/default/#/system?section=system-settings-general");
        views.put("tasklist", "/camunda/app/tasklist/default/");

        Map<String, List<String>> failed = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> view : views.entrySet()) {
            List<String> calls = open(view.getValue());
            HeadlessChromium.screenshot(browser, "webapp-" + view.getKey() + ".png");
            if (!calls.isEmpty()) {
                failed.put(view.getKey(), calls);
            }
        }
        assertThat(failed).as("calls that failed, per view").isEmpty();
    }

    @Test
    void theProgrammeOfficesTasklistAndCockpitViewsLoadWithoutAFailedCall() throws IOException {
        logIn("petra", "tasklist");
        Map<String, List<String>> failed = new java.util.LinkedHashMap<>();
        for (String view : List.of(
                "/camunda/app/tasklist/default/",
                "/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&filter=",
                "/camunda/app/cockpit/default/#/dashboard",
                "/camunda/app/cockpit/default/#/processes")) {
            List<String> calls = open(view);
            if (!calls.isEmpty()) {
                failed.put(view, calls);
            }
        }
        HeadlessChromium.screenshot(browser, "webapp-petra-cockpit-processes.png");
        assertThat(failed).as("calls that failed, per view").isEmpty();
    }

    @Test
    void everyWebappHeaderLinksBackToThePortfolio() throws IOException {
        // logged in on the app's page, as the masthead's links to the webapps expect (WebappSingleSignOn)
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".mainnav")));
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            browser.get(url("/camunda/app/" + app + "/default/"));
            WebElement link = new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("[cam-widget-header] a.cde-portfolio-link")));
            assertThat(link.getText()).as(app).isEqualTo("Portfolio");
            assertThat(link.getAttribute("href")).as(app).isEqualTo(url("/"));
            assertThat(browser.findElements(By.cssSelector("[cam-widget-header] a.cde-portfolio-link")))
                    .as("one link in the header of " + app)
                    .hasSize(1);
            HeadlessChromium.screenshot(browser, "webapp-" + app + "-portfolio-link.png");
        }
        browser.findElement(By.cssSelector("[cam-widget-header] a.cde-portfolio-link"))
                .click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Portfolio"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
    }

    /** Opens the view, waits until its calls are done and answers the calls that failed, with their status. */
    private List<String> open(String path) {
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(url(path));
        settle();
        return failedCalls();
    }

    /** Until the page is loaded and no new resource has been fetched for a second. */
    private void settle() {
        AtomicLong seen = new AtomicLong(-1);
        AtomicLong stableSince = new AtomicLong(System.nanoTime());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            Object state = browser.executeScript(
                    "return document.readyState + ':'" + " + performance.getEntriesByType('resource').length");
            String[] parts = String.valueOf(state).split(":");
            long resources = Long.parseLong(parts[1]);
            long now = System.nanoTime();
            if (!"complete".equals(parts[0]) || resources != seen.getAndSet(resources)) {
                stableSince.set(now);
                return false;
            }
            return Duration.ofNanos(now - stableSince.get()).compareTo(Duration.ofSeconds(1)) >= 0;
        });
    }

    /** The calls of this origin that answered 4xx or 5xx or failed to load, since the last look. */
    private List<String> failedCalls() {
        String origin = url("");
        Map<String, String> urls = new HashMap<>();
        List<String> failed = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message;
            try {
                message = JSON.readTree(entry.getMessage()).path("message");
            } catch (IOException e) {
                continue;
            }
            JsonNode params = message.path("params");
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" ->
                    urls.put(
                            params.path("requestId").asText(),
                            params.path("request").path("url").asText());
                case "Network.responseReceived" -> {
                    String address = params.path("response").path("url").asText();
                    int status = params.path("response").path("status").asInt();
                    if (address.startsWith(origin) && status >= 400) {
                        failed.add(status + " " + address.substring(origin.length()));
                    }
                }
                case "Network.loadingFailed" -> {
                    String address = urls.getOrDefault(params.path("requestId").asText(), "");
                    if (address.startsWith(origin) && !params.path("canceled").asBoolean(false)) {
                        failed.add(params.path("errorText").asText() + " " + address.substring(origin.length()));
                    }
                }
                default -> {}
            }
        }
        return failed;
    }

    private void logIn(String user, String app) {
        HeadlessChromium.logInToCamundaApp(browser, url(""), app, user);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
