package nl.citydeal.engine.processengine;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import nl.citydeal.engine.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasklist as the deal lead and the programme office use it, in headless Chromium on the demo portfolio: Dutch,
 * only the lead's own tasks in "Mijn taken", listed by due date; a prompt task's Camunda Form filled in and
 * completed; the programme office's escalation filter; a start form the server refuses shows its Dutch message next
 * to the form.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:tasklist-browser-it;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH",
            "camunda.bpm.generate-unique-process-engine-name=false",
            "camunda.bpm.job-execution.enabled=false"
        })
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TasklistBrowserIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @BeforeAll
    static void startBrowser() {
        // an English browser: the Dutch comes from the app, not from the browser's language
        browser = HeadlessChromium.start("en-US");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void dealLeadCompletesAPromptTaskInDutchTasklistAndTheProgrammeOfficeSeesEscalations() throws Exception {
        logIn("anna");

        WebElement myTasks = waitFor(By.xpath("//*[contains(@class,'filters')]//*[contains(text(),'Mijn taken')]"));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Takenlijst", "Mijn taken", "Binnenkort verlopen")
                .doesNotContain("Escalaties", "Start process");
        myTasks.click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("dueDate"));
        List<WebElement> tasks = waitForAll(By.cssSelector(".tasks-list .task"));
        assertThat(tasks).isNotEmpty();
        java.util.Set<String> annas = new java.util.HashSet<>();
        taskService.createTaskQuery().taskAssignee("anna").list().forEach(task -> annas.add(task.getName()));
        java.util.Set<String> brams = new java.util.HashSet<>();
        taskService.createTaskQuery().taskAssignee("bram").list().forEach(task -> brams.add(task.getName()));
        assertThat(tasks).allSatisfy(task -> {
            String name = task.getText().lines().findFirst().orElse("");
            assertThat(annas).as("Anna's tasks").anyMatch(own -> own.startsWith(name) || name.startsWith(own));
            assertThat(brams).as("Bram's tasks").noneMatch(other -> other.equals(name));
        });
        assertThat(browser.getCurrentUrl()).contains("sortBy").contains("dueDate");

        Task ownership = taskService
                .createTaskQuery()
                .taskAssignee("anna")
                .taskDefinitionKey(CityDealProcess.Activity.HOLD_OWNERSHIP_CONVERSATION)
                .orderByDueDate()
                .asc()
                .list()
                .get(0);
        browser.findElement(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(normalize-space(.),\""
                        + ownership.getName() + "\")]"))
                .click();

        WebElement outcome = waitFor(By.cssSelector(".fjs-container textarea"));
        assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
                .contains("Uitkomst van het gesprek over eigenaarschap");
        outcome.sendKeys("De provincie en twee gemeenten nemen het resultaat over.");
        screenshot("tasklist-prompt-form.png");
        waitFor(By.xpath("//button[normalize-space(.)='Voltooien']")).click();

        new WebDriverWait(browser, WAIT)
                .until(driver -> historyService
                                .createHistoricTaskInstanceQuery()
                                .taskId(ownership.getId())
                                .finished()
                                .count()
                        == 1);

        logIn("petra");
        WebElement escalations = waitFor(By.xpath("//*[contains(@class,'filters')]//*[contains(text(),'Escalaties')]"));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Taken programmabureau", "Achterstallige prompts", "Per fase")
                .doesNotContain("Mijn taken");
        escalations.click();
        screenshot("tasklist-escalations.png");
    }

    @Test
    void aRefusedStartFormShowsTheDutchMessageNextToTheFormNotAsANotification() throws Exception {
        logIn("petra");
        waitFor(By.xpath("//a[contains(normalize-space(.),'Proces starten')]")).click();
        waitFor(
                        By.xpath(
                                "//*[contains(@class,'modal-content')]//ul[contains(@class,'processes')]//a[contains(.,'City Deal')]"))
                .click();
        waitFor(By.cssSelector(".modal-content .fjs-container input"));
        field("Naam van de City Deal").sendKeys("City Deal Zonder Trekker");
        field("Thema").sendKeys("wonen");
        field("Trekkende organisatie").sendKeys("Gemeente Proef");
        field("Dealtrekker (gebruikersnaam)").sendKeys("nobody");
        field("Ambitie").sendKeys("Een gedeelde opgave");
        waitFor(By.cssSelector(".modal-footer button.btn-primary")).click();

        WebElement refusal = waitFor(By.cssSelector(".modal-content [cam-tasklist-form] .cde-form-error"));
        assertThat(refusal.getText()).isEqualTo("'nobody' is geen dealtrekker.");
        assertThat(browser.findElements(By.cssSelector(".notifications .alert")))
                .isEmpty();
        screenshot("tasklist-start-form-refused.png");
    }

    @Test
    void anEmptyStartFormSubmittedSaysWhatIsMissingInDutchWithNoEnglishLeftInTheForm() throws Exception {
        logIn("petra");
        waitFor(By.xpath("//a[contains(normalize-space(.),'Proces starten')]")).click();
        waitFor(
                        By.xpath(
                                "//*[contains(@class,'modal-content')]//ul[contains(@class,'processes')]//a[contains(.,'City Deal')]"))
                .click();
        waitFor(By.cssSelector(".modal-content .fjs-container input"));
        waitFor(By.cssSelector(".modal-footer button.btn-primary")).click();

        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".modal-content .fjs-container"), "Dit veld is verplicht."));
        String shown = browser.findElement(By.cssSelector(".modal-content .fjs-container"))
                .getText();
        @SuppressWarnings("unchecked")
        List<String> attributes = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                        return Array.from(document.querySelectorAll('.modal-content .fjs-container *'))
                          .flatMap(e => ['placeholder', 'title', 'aria-label'].map(a => e.getAttribute(a)))
                          .filter(v => v);""");
        for (String english : List.of(
                "Field ",
                "is required",
                "must ",
                "Select",
                "Search",
                "No results",
                "hh:mm",
                "yyyy",
                "Invalid",
                "January",
                "Month")) {
            assertThat(shown).as("the form's text").doesNotContain(english);
            assertThat(attributes).as("placeholders and titles").noneMatch(value -> value.contains(english));
        }
        screenshot("tasklist-start-form-empty.png");
    }

    /** The input of the form-js field with this label. */
    private WebElement field(String label) {
        WebElement labelElement =
                waitFor(By.xpath("//label[normalize-space(.)='" + label + "' or normalize-space(.)='" + label + "*']"));
        return browser.findElement(By.id(labelElement.getAttribute("for")));
    }

    private void logIn(String user) {
        HeadlessChromium.logInToCamundaApp(browser, "http://localhost:" + port, "tasklist", user);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(locator));
    }

    private List<WebElement> waitForAll(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfAllElementsLocatedBy(locator));
    }

    private static void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
