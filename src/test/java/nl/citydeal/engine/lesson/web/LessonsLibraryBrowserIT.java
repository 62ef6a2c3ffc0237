package nl.citydeal.engine.lesson.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import nl.citydeal.engine.HeadlessChromium;
import nl.citydeal.engine.lesson.Lesson;
import nl.citydeal.engine.lesson.LessonQuery;
import nl.citydeal.engine.lesson.LessonTag;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.lesson.LibraryLesson;
import nl.citydeal.engine.processengine.CityDealProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The lessons library as a person uses it, in headless Chromium on the demo data: the programme office (petra) opens
 * "Lessen" from the masthead, finds the negative lesson about resources by the tag Middelen and by a word of its
 * text, opens it, and opens the handbook with its print button; a deal lead does not see the internal lessons of a
 * deal they do not lead; a deal lead shares tagged, internal lessons in Tasklist. Screenshots go to {@code target/screenshots/}. Without the browser this test fails.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:lessons-browser-it;DB_CLOSE_DELAY=-1",
            "camunda.bpm.generate-unique-process-engine-name=false",
            "camunda.bpm.job-execution.enabled=false"
        })
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LessonsLibraryBrowserIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** The demo's negative lesson about resources (DemoScalingDecisions, City Deal Zorg voor Veiligheid in de Stad). */
    static final String RESOURCES_LESSON = "Zonder structurele middelen liep de uitvoering vast.";
    /** A lesson the demo's City Deal Inclusieve Stad shared with the programme office only. */
    static final String INTERNAL_LESSON = "Eigenaarschap bij het Rijk kwam laat op tafel.";

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Lessons lessons;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

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
    void theProgrammeOfficeFindsTheNegativeLessonAboutResourcesByTagAndByTextAndPrintsTheHandbook() throws IOException {
        logIn("petra");
        browser.findElement(By.cssSelector(".mainnav a[href='/lessons']")).click();

        WebElement list = wait(By.id("lessons"));
        assertThat(browser.findElement(By.cssSelector(".mainnav a.active")).getText())
                .isEqualTo("Lessen");
        assertThat(list.getText()).contains(RESOURCES_LESSON, INTERNAL_LESSON, "Intern");
        int all = list.findElements(By.cssSelector("li.library-lesson")).size();
        screenshot("lessons-library.png");

        // each filter applies as soon as it changes (static/js/portfolio.js)
        new Select(browser.findElement(By.id("tag"))).selectByVisibleText("Middelen");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("tag=MIDDELEN"));
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("Wat niet werkte (negatief)");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("kind=NEGATIVE"));
        List<WebElement> found = wait(By.id("lessons")).findElements(By.cssSelector("li.library-lesson"));
        assertThat(found).isNotEmpty().hasSizeLessThan(all);
        assertThat(found).allSatisfy(lesson -> assertThat(lesson.getText()).contains("Werkte niet", "Middelen"));
        assertThat(found)
                .anySatisfy(lesson -> assertThat(lesson.getText())
                        .contains(
                                RESOURCES_LESSON,
                                "City Deal Zorg voor Veiligheid in de Stad",
                                "Stoppen en lessen delen"));
        screenshot("lessons-middelen-negatief.png");

        browser.findElement(By.linkText("Filters wissen")).click();
        wait(By.id("text")).sendKeys("structurele middelen");
        browser.findElement(By.id("apply-filters")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("text=structurele"));
        WebElement byText = wait(By.id("lessons"));
        assertThat(byText.getText()).contains(RESOURCES_LESSON).doesNotContain(INTERNAL_LESSON);

        byText.findElement(By.linkText(RESOURCES_LESSON)).click();
        WebElement lesson = wait(By.id("lesson"));
        assertThat(lesson.getText())
                .contains(
                        RESOURCES_LESSON,
                        "City Deal Zorg voor Veiligheid in de Stad",
                        "Middelen",
                        "Bestuurlijk commitment moet gepaard gaan met voldoende middelen",
                        "Mislukken");
        screenshot("lesson-page.png");

        browser.navigate().back();
        wait(By.id("handbook-link")).click();
        WebElement chapter = wait(By.id("les-middelen"));
        assertThat(chapter.getText()).contains("Middelen", "Wat niet werkte", RESOURCES_LESSON);
        assertThat(browser.findElements(By.cssSelector("section.handbook-chapter h2")))
                .as("the handbook keeps the search: the chapters of the lesson's tags only")
                .extracting(WebElement::getText)
                .containsExactly("Middelen", "Mislukken");
        WebElement print = browser.findElement(By.id("print-handbook"));
        assertThat(print.isDisplayed())
                .as("the print button, shown by static/js/print-handbook.js")
                .isTrue();
        screenshot("lessons-handbook.png");

        browser.get(url("/lessons/handbook"));
        assertThat(wait(By.id("les-vorm")).getText()).contains("Vorm");
        assertThat(browser.findElements(By.cssSelector("section.handbook-chapter")))
                .hasSizeGreaterThanOrEqualTo(8);
        screenshot("lessons-handbook-all.png");

        // printed: without the masthead, the way back and the button (citydeal.css, @media print)
        browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.cssSelector(".masthead")).isDisplayed())
                    .isFalse();
            assertThat(browser.findElement(By.id("print-handbook")).isDisplayed())
                    .isFalse();
            assertThat(browser.findElement(By.id("les-middelen")).isDisplayed()).isTrue();
            screenshot("lessons-handbook-print.png");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
        assertNoConsoleErrors();
    }

    @Test
    void aDealLeadDoesNotSeeTheInternalLessonsOfADealTheyDoNotLead() throws IOException {
        LibraryLesson internal = lessons.search(new LessonQuery(INTERNAL_LESSON, null, null, null, null), null).stream()
                .findFirst()
                .orElseThrow();
        String other = internal.deal().isLedBy("anna") ? "bram" : "anna";
        logIn(other);
        browser.get(url("/lessons"));

        WebElement list = wait(By.id("lessons"));
        assertThat(list.getText()).contains(RESOURCES_LESSON).doesNotContain(INTERNAL_LESSON);
        browser.get(url("/lessons/" + internal.id()));
        assertThat(wait(By.tagName("h1")).getText()).isEqualTo("Niet gevonden");
        assertThat(browser.findElement(By.cssSelector(".mainnav")).getText()).contains("Lessen");
        screenshot("lesson-internal-not-found.png");
    }

    /**
     * A deal lead shares lessons in the Dutch Tasklist: the form's checklists and the box "Alleen voor het
     * programmabureau" arrive as the tags and the internal choice of each lesson, and the lessons are in the library.
     * The deal is moved to its share-lessons task by a process instance modification (the task's input mapping opens
     * the checklists as text {@code []}, as on the normal way there).
     */
    @Test
    void aDealLeadSharesTaggedInternalLessonsInTasklist() throws Exception {
        ProcessInstance deal = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .variableValueEquals(CityDealProcess.Variable.DEAL_LEAD, "anna")
                .active()
                .list()
                .stream()
                .filter(instance -> taskService
                                .createTaskQuery()
                                .processInstanceId(instance.getId())
                                .taskDefinitionKey(CityDealProcess.Activity.SCREEN_PARTICIPANT)
                                .count()
                        == 1)
                .findFirst()
                .orElseThrow();
        org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder modification = runtimeService
                .createProcessInstanceModification(deal.getId())
                .startBeforeActivity(CityDealProcess.Activity.SHARE_LESSONS);
        for (String active : runtimeService.getActiveActivityIds(deal.getId())) {
            modification = modification.cancelAllForActivity(active);
        }
        modification.execute();
        Task share = taskService
                .createTaskQuery()
                .processInstanceId(deal.getId())
                .taskDefinitionKey(CityDealProcess.Activity.SHARE_LESSONS)
                .singleResult();
        String dealId = (String) runtimeService.getVariable(deal.getId(), CityDealProcess.Variable.DEAL_ID);

        HeadlessChromium.logInToCamundaApp(browser, url(""), "tasklist", "anna");
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + share.getId()));

        formField("Wat werkte (positieve lessen)").sendKeys("Vroeg met de wethouders over opschaling gesproken.");
        formField("Wat werkte niet (negatieve lessen leveren ook kennis op)")
                .sendKeys("Geen geld voor de uitvoering na de pilot.");
        click(option("Waar gaan de positieve lessen over?", "Timing"));
        click(option("Waar gaan de negatieve lessen over?", "Middelen"));
        click(option("Waar gaan de negatieve lessen over?", "Mislukken"));
        click(clickable(By.xpath("//*[contains(@class,'fjs-form-field-checkbox')]//label[contains(normalize-space(.),"
                + "'Alleen voor het programmabureau')]")));
        screenshot("tasklist-share-lessons.png");
        click(clickable(By.xpath("//button[normalize-space(.)='Voltooien']")));

        new WebDriverWait(browser, WAIT)
                .until(driver ->
                        taskService.createTaskQuery().taskId(share.getId()).count() == 0);
        assertThat(lessons.ofDeal(dealId))
                .extracting(Lesson::getText, Lesson::isPositive, Lesson::getTags, Lesson::isInternal)
                .containsExactlyInAnyOrder(
                        tuple(
                                "Vroeg met de wethouders over opschaling gesproken.",
                                true,
                                Set.of(LessonTag.TIMING),
                                true),
                        tuple(
                                "Geen geld voor de uitvoering na de pilot.",
                                false,
                                Set.of(LessonTag.MIDDELEN, LessonTag.MISLUKKEN),
                                true));

        logIn("petra");
        browser.get(url("/lessons?tag=MISLUKKEN&kind=NEGATIVE"));
        assertThat(wait(By.id("lessons")).getText()).contains("Geen geld voor de uitvoering na de pilot.", "Intern");
    }

    /** The input of the form-js field with this label (a required field's label ends in "*"). */
    private WebElement formField(String label) {
        WebElement labelElement = clickable(
                By.xpath("//label[normalize-space(.)='" + label + "' or normalize-space(.)='" + label + "*']"));
        return browser.findElement(By.id(labelElement.getAttribute("for")));
    }

    /** An option of the form-js checklist with this label. */
    private WebElement option(String checklist, String option) {
        return clickable(By.xpath("//*[contains(@class,'fjs-form-field-checklist')][.//label[normalize-space(.)='"
                + checklist + "']]//label[normalize-space(.)='" + option + "']"));
    }

    /** Clicks the element in the middle of the view, clear of Tasklist's fixed bars. */
    private static void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private WebElement clickable(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(locator));
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
