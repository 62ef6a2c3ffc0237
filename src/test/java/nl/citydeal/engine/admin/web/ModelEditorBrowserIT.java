package nl.citydeal.engine.admin.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
import nl.citydeal.engine.processengine.ModelDeployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The model editors as an administrator uses them, in headless Chromium on the demo data, under the app's strict
 * Content Security Policy: the BPMN modeler opens city-deal from its version on /admin with the lint results, a task
 * is renamed in the properties panel and deployed, and the new version is offered for a dry run; the decision table
 * editor opens prompt-schedule and a cell is edited; the form editor opens a form. No console errors on the way.
 * Screenshots go to {@code target/screenshots/}. Without the browser this test fails.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:model-editor-browser-it;DB_CLOSE_DELAY=-1",
            "camunda.bpm.generate-unique-process-engine-name=false",
            "camunda.bpm.job-execution.enabled=false"
        })
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ModelEditorBrowserIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TASK = "UserTask_ReviewProposal";
    static final String NEW_NAME = "Dealvoorstel toetsen en beoordelen";

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

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

    /** Removes what a test deployed through the editor, so each test starts from the repository's models. */
    @AfterEach
    void removeEditorDeployments() {
        repositoryService.createDeploymentQuery().list().stream()
                .filter(deployment -> !ModelDeployer.DEPLOYMENT_NAME.equals(deployment.getName()))
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
    }

    @Test
    void administratorRenamesATaskInTheModelerSeesTheLintResultDeploysItAndIsOfferedTheMigration() throws IOException {
        HeadlessChromium.logIn(browser, base(), "admin");
        browser.get(base() + "/admin");
        int versions = browser.findElements(By.cssSelector("a[href*='/admin/models/versions/']"))
                .size();
        browser.findElement(By.cssSelector("a[href*='/admin/models/versions/']"))
                .click();
        waitUntilReady();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("city-deal.bpmn");
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.not(
                        ExpectedConditions.textToBe(By.id("lint-summary"), "Nog niet gecontroleerd.")));
        String lint = browser.findElement(By.id("lint-summary")).getText();
        assertThat(lint).matches("Geen bevindingen.*|\\d+ fout\\(en\\), \\d+ waarschuwing\\(en\\).*");

        // select the task on the canvas and rename it in the properties panel
        browser.executeScript(
                "var m = window.cityDealEditor; var e = m.get('elementRegistry').get(arguments[0]);"
                        + "m.get('canvas').scrollToElement(e); m.get('selection').select(e);",
                TASK);
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header")))
                .click();
        WebElement name = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.id("bio-properties-panel-name")));
        assertThat(name.getAttribute("value")).isEqualTo("Dealvoorstel beoordelen");
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), NEW_NAME);
        new WebDriverWait(browser, WAIT)
                .until(driver -> NEW_NAME.equals(browser.executeScript(
                        "return window.cityDealEditor.get('elementRegistry').get(arguments[0]).businessObject.name",
                        TASK)));
        assertThat(savedContent()).contains("name=\"" + NEW_NAME + "\"");
        HeadlessChromium.screenshot(browser, "model-editor-bpmn.png");

        // the review: the rename in the diff, nothing stored yet
        long deployments = repositoryService.createDeploymentQuery().count();
        browser.findElement(By.id("editor-review")).click();
        WebElement review = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#review-result table.review-changes")));
        assertThat(browser.findElement(By.id("review-result")).getText())
                .contains("Deze wijziging kan worden uitgerold.", "city-deal.bpmn (gewijzigd)");
        assertThat(review.getText())
                .contains("Gewijzigd", TASK, NEW_NAME, "Dealvoorstel beoordelen")
                .as("saving keeps what was not edited, such as camunda:decisionRefBinding=\"latest\"")
                .doesNotContain("Beslissingsbinding");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        HeadlessChromium.screenshot(browser, "model-editor-bpmn-review.png");

        browser.findElement(By.id("editor-deploy")).click();
        WebElement outcome = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deploy-outcome p.notice")));
        assertThat(outcome.getText()).contains("Uitgerold als", "city-deal versie 2");
        List<WebElement> offers = browser.findElements(By.cssSelector("#deploy-outcome form"));
        assertThat(offers).isNotEmpty();
        assertThat(offers.get(0).getText()).contains("naar versie 2");
        HeadlessChromium.screenshot(browser, "model-editor-bpmn-deployed.png");
        HeadlessChromium.assertNoConsoleErrors(browser);

        // the dry run of the existing /admin flow, for the new version
        offers.get(0).findElement(By.cssSelector("button[type=submit]")).click();
        WebElement dryRun = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("proefmigratie")));
        assertThat(dryRun.getText()).contains("Proefmigratie");
        assertThat(browser.findElements(By.cssSelector("a[href*='/admin/models/versions/']")))
                .hasSize(versions + 1);
        HeadlessChromium.assertNoConsoleErrors(browser);
    }

    @Test
    void administratorEditsACellOfThePromptScheduleInTheDecisionTableEditor() throws IOException {
        HeadlessChromium.logIn(browser, base(), "admin");
        browser.get(base() + "/admin");
        browser.findElement(By.linkText("prompt-schedule.dmn")).click();
        waitUntilReady();
        WebElement cell = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "td[data-element-id='LiteralExpression_OwnershipConversation_FractionOfTerm']")));
        assertThat(cell.getText()).isEqualTo("0.25");
        assertThat(browser.findElement(By.id("dmn-views")).getText()).contains("Herinneringsschema");

        new Actions(browser).click(cell).perform();
        WebElement editable = cell.findElement(By.cssSelector("[contenteditable]"));
        editable.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.2");
        new Actions(browser).click(browser.findElement(By.tagName("h1"))).perform();
        new WebDriverWait(browser, WAIT).until(driver -> savedContent().contains("<text>0.2</text>"));
        HeadlessChromium.screenshot(browser, "model-editor-dmn.png");

        // the review: the changed rule, and the preview of the running demo deals' prompts that move
        browser.findElement(By.id("editor-review")).click();
        WebElement changes = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#review-result table.review-changes")));
        assertThat(changes.getText()).contains("Rule_OwnershipConversation", "Deel van de looptijd", "0.25", "0.2");
        assertThat(browser.findElement(By.id("review-result")).getText())
                .contains("Gevolgen voor de herinneringen van lopende deals");
        List<WebElement> moves = browser.findElements(By.cssSelector("#review-result table.review-moves tbody tr"));
        assertThat(moves).isNotEmpty();
        assertThat(moves.get(0).getText()).matches("(?s).*\\d{2}-\\d{2}-\\d{4}.*\\d{2}-\\d{2}-\\d{4}.*");
        HeadlessChromium.screenshot(browser, "model-editor-dmn-review.png");
        HeadlessChromium.assertNoConsoleErrors(browser);
    }

    @Test
    void administratorOpensAFormInTheFormEditor() throws IOException {
        HeadlessChromium.logIn(browser, base(), "admin");
        browser.get(base() + "/admin");
        browser.findElement(By.linkText("agree-setup.form")).click();
        waitUntilReady();
        WebElement editor = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#form-editor .fjs-editor-container")));
        assertThat(editor.getText()).contains("Spelregels");
        assertThat(savedContent()).contains("\"schemaVersion\": 16", "\"key\": \"rulesOfTheGame\"");
        browser.findElement(By.cssSelector("#form-editor .fjs-element[data-id='Text_Guidance']"))
                .click();
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header")))
                .click();
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#form-editor .cm-editor")));
        HeadlessChromium.screenshot(browser, "model-editor-form.png");

        // "Downloaden" saves the form under its repository file name, as the editor holds it
        Path downloads = Files.createDirectories(Path.of("target", "downloads", "model-editor"));
        Files.deleteIfExists(downloads.resolve("agree-setup.form"));
        browser.executeCdpCommand(
                "Browser.setDownloadBehavior",
                Map.of(
                        "behavior",
                        "allow",
                        "downloadPath",
                        downloads.toAbsolutePath().toString()));
        browser.findElement(By.id("editor-download")).click();
        Path downloaded = downloads.resolve("agree-setup.form");
        await().atMost(WAIT).until(() -> Files.exists(downloaded) && Files.size(downloaded) > 0);
        assertThat(Files.readString(downloaded)).contains("\"id\": \"agree-setup\"", "\"key\": \"rulesOfTheGame\"");
        HeadlessChromium.assertNoConsoleErrors(browser);
    }

    /** What "Downloaden" would save: the editor's current content. */
    private String savedContent() {
        Object content =
                browser.executeAsyncScript("var done = arguments[arguments.length - 1]; var e = window.cityDealEditor;"
                        + "if (e.saveSchema) { done(JSON.stringify(e.saveSchema(), null, 2)); }"
                        + "else { e.saveXML({ format: true }).then(function (r) { done(r.xml); }); }");
        return String.valueOf(content);
    }

    private void waitUntilReady() {
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#model-editor.editor-ready")));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
