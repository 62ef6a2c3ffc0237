package nl.citydeal.engine.admin.web;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.admin.AdminTestSupport;
import nl.citydeal.engine.admin.AuditAction;
import nl.citydeal.engine.admin.AuditEntry;
import nl.citydeal.engine.admin.AuditEntryRepository;
import nl.citydeal.engine.processengine.CityDealProcess;

import static nl.citydeal.engine.admin.AdminTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/admin/deployments}: every upload is checked first; a refused one deploys nothing. */
@CityDealSpringTest
@AlsoOnPostgres
@AutoConfigureMockMvc
@Import(AdminTestSupport.class)
class AdminDeploymentApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AdminTestSupport support;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    AuditEntryRepository auditLog;

    long deployments;
    long processVersions;
    long decisionVersions;

    @BeforeEach
    void setUp() {
        support.setUp();
        deployments = repositoryService.createDeploymentQuery().count();
        processVersions = repositoryService.createProcessDefinitionQuery().count();
        decisionVersions = repositoryService.createDecisionDefinitionQuery().count();
    }

    @AfterEach
    void tearDown() {
        support.tearDown();
    }

    // --- refused uploads

    @Test
    void uploadWithMalformedXmlIsRefusedAndDeploysNothing() throws Exception {
        refused(upload(file(
                        "city-deal.bpmn",
                        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process")))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']", containsString("Geen geldig BPMN-bestand")));
        assertNothingDeployed();
    }

    @Test
    void uploadWithBpmnThatBreaksTheSchemaIsRefusedAndDeploysNothing() throws Exception {
        refused(upload(file(
                        "city-deal.bpmn",
                        changed(
                                "processes/city-deal.bpmn",
                                "<bpmn:userTask id=\"UserTask_CloseDeal\"",
                                "<bpmn:userTaak id=\"UserTask_CloseDeal\""))))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']", containsString("Geen geldig BPMN-bestand")));
        assertNothingDeployed();
    }

    @Test
    void uploadWithBpmnTheEngineCannotParseIsRefusedWithTheEnginesMessageAndDeploysNothing() throws Exception {
        refused(upload(file(
                        "city-deal.bpmn",
                        changed(
                                "processes/city-deal.bpmn",
                                "<bpmn:serviceTask id=\"ServiceTask_PlanPrompts\" name=\"Herinneringen plannen\" camunda:delegateExpression=\"${planPromptsDelegate}\">",
                                "<bpmn:serviceTask id=\"ServiceTask_PlanPrompts\" name=\"Herinneringen plannen\">"))))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']", containsString("is mandatory on serviceTask")))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']", containsString("ServiceTask_PlanPrompts")));
        assertNothingDeployed();
    }

    static final String PLAN_PROMPTS =
            "<bpmn:serviceTask id=\"ServiceTask_PlanPrompts\" name=\"Herinneringen plannen\" "
                    + "camunda:delegateExpression=\"${planPromptsDelegate}\">";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "a Java class | <bpmn:serviceTask id='ServiceTask_PlanPrompts' name='Herinneringen plannen' camunda:class='java.lang.Object'> "
                        + "| 'ServiceTask_PlanPrompts' (Herinneringen plannen): een Java-klasse (camunda:class=",
                "an expression calling Runtime | <bpmn:serviceTask id='ServiceTask_PlanPrompts' name='Herinneringen plannen' "
                        + "camunda:expression='${Runtime.getRuntime().exec(&quot;ls&quot;)}'> "
                        + "| 'ServiceTask_PlanPrompts' (Herinneringen plannen): expressie",
                "a script listener | <bpmn:serviceTask id='ServiceTask_PlanPrompts' name='Herinneringen plannen' "
                        + "camunda:delegateExpression='${planPromptsDelegate}'><bpmn:extensionElements><camunda:executionListener "
                        + "event='start'><camunda:script scriptFormat='groovy'>1</camunda:script></camunda:executionListener>"
                        + "</bpmn:extensionElements> "
                        + "| 'ServiceTask_PlanPrompts' (Herinneringen plannen): een script (camunda:script) is niet toegestaan."
            })
    void uploadWithCodeInTheModelIsRefusedNamingTheElementAndDeploysNothing(
            String what, String planPrompts, String message) throws Exception {
        refused(upload(file(
                        "city-deal.bpmn",
                        changed(
                                "processes/city-deal.bpmn",
                                PLAN_PROMPTS,
                                planPrompts.strip().replace('\'', '"')))))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']", containsString(message)));
        assertNothingDeployed();
    }

    @Test
    void uploadWithAScriptTaskIsRefusedNamingTheElementAndDeploysNothing() throws Exception {
        String model = changed(
                "processes/city-deal.bpmn",
                PLAN_PROMPTS,
                "<bpmn:scriptTask id=\"ServiceTask_PlanPrompts\" name=\"Herinneringen plannen\" scriptFormat=\"groovy\">");
        model = model.replaceFirst(
                "(?s)(<bpmn:scriptTask id=\"ServiceTask_PlanPrompts\".*?)</bpmn:serviceTask>",
                "$1<bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>");

        refused(upload(file("city-deal.bpmn", model)))
                .andExpect(
                        jsonPath(
                                "$.errors['city-deal.bpmn']",
                                containsString(
                                        "'ServiceTask_PlanPrompts' (Herinneringen plannen): een scriptTask is niet toegestaan.")));
        assertNothingDeployed();
    }

    @Test
    void uploadWithFormThatDoesNotParseIsRefusedAndDeploysNothing() throws Exception {
        refused(upload(file("register-deal.form", "{ \"id\": \"register-deal\", \"components\": [ ")))
                .andExpect(jsonPath("$.errors['register-deal.form']", containsString("JSON is onleesbaar")));
        assertNothingDeployed();
    }

    @Test
    void uploadWithFormWithoutIdIsRefusedAndDeploysNothing() throws Exception {
        refused(upload(file("register-deal.form", "{ \"components\": [] }")))
                .andExpect(jsonPath("$.errors['register-deal.form']", containsString("\"id\" ontbreekt")));
        assertNothingDeployed();
    }

    @Test
    void uploadWithDanglingFormRefIsRefusedAndDeploysNothing() throws Exception {
        refused(upload(file(
                        "city-deal.bpmn",
                        changed(
                                "processes/city-deal.bpmn",
                                "camunda:formRef=\"register-deal\"",
                                "camunda:formRef=\"register-deal-v2\""))))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']", containsString("StartEvent_DealRegistered")))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']", containsString("register-deal-v2")));
        assertNothingDeployed();
    }

    @Test
    void uploadWhoseFormRefResolvesToAFormInTheSameUploadIsDeployed() throws Exception {
        String form =
                model("forms/register-deal.form").replace("\"id\": \"register-deal\"", "\"id\": \"register-deal-v2\"");
        assertThat(form).contains("register-deal-v2");
        upload(
                        file(
                                "city-deal.bpmn",
                                changed(
                                        "processes/city-deal.bpmn",
                                        "camunda:formRef=\"register-deal\"",
                                        "camunda:formRef=\"register-deal-v2\"")),
                        file("register-deal-v2.form", form))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.resources", hasItem("forms/register-deal-v2.form")))
                .andExpect(jsonPath("$.resources", hasItem("forms/close-deal.form")));
    }

    @Test
    void uploadOfProcessWithoutHistoryTimeToLiveIsRefusedAndDeploysNothing() throws Exception {
        refused(upload(file(
                        "city-deal.bpmn",
                        changed("processes/city-deal.bpmn", " camunda:historyTimeToLive=\"3650\"", ""))))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']", containsString("historyTimeToLive")));
        assertNothingDeployed();
    }

    @Test
    void uploadOfDecisionWithoutHistoryTimeToLiveIsRefusedAndDeploysNothing() throws Exception {
        refused(upload(file(
                        "prompt-schedule.dmn",
                        changed("processes/prompt-schedule.dmn", " camunda:historyTimeToLive=\"3650\"", ""))))
                .andExpect(jsonPath("$.errors['prompt-schedule.dmn']", containsString("historyTimeToLive")));
        assertNothingDeployed();
    }

    @Test
    void uploadOfAPromptScheduleWithoutARowForAPromptIsRefusedNamingItAndDeploysNothing() throws Exception {
        String withoutMidTerm =
                model("processes/prompt-schedule.dmn").replaceAll("(?s)<rule id=\"Rule_MidTermReview\">.*?</rule>", "");

        refused(upload(file("prompt-schedule.dmn", withoutMidTerm)))
                .andExpect(jsonPath(
                        "$.errors['prompt-schedule.dmn']",
                        containsString("Er is geen regel voor MID_TERM_REVIEW (Tussenbalans houden)")));
        assertNothingDeployed();
    }

    @Test
    void uploadWithInvalidDmnIsRefusedAndDeploysNothing() throws Exception {
        refused(upload(file(
                        "prompt-schedule.dmn",
                        changed("processes/prompt-schedule.dmn", "hitPolicy=\"COLLECT\"", "hitPolicy=\"SOMETIMES\""))))
                .andExpect(jsonPath("$.errors['prompt-schedule.dmn']", containsString("Geen geldig DMN-bestand")));
        assertNothingDeployed();
    }

    @Test
    void uploadWithDmnTheEngineCannotTransformIsRefusedWithTheEnginesMessageAndDeploysNothing() throws Exception {
        String ruleInput = "        <inputEntry id=\"UnaryTests_OwnershipConversation_TermInDays\">\n"
                + "          <text>-</text>\n        </inputEntry>\n";
        refused(upload(file("prompt-schedule.dmn", changed("processes/prompt-schedule.dmn", ruleInput, ""))))
                .andExpect(jsonPath("$.errors['prompt-schedule.dmn']", containsString("DMN-02005")))
                .andExpect(jsonPath("$.errors['prompt-schedule.dmn']", containsString("Rule_OwnershipConversation")));
        assertNothingDeployed();
    }

    @Test
    void uploadWithOneBadFileAmongGoodOnesDeploysNoneOfThem() throws Exception {
        refused(upload(
                        file("prompt-schedule.dmn", promptScheduleWithOwnershipAt("0.20")),
                        file("city-deal.bpmn", cityDealWithVersionTag("1.0.1")),
                        file("close-deal.form", "not json")))
                .andExpect(jsonPath("$.errors['close-deal.form']").exists());
        assertNothingDeployed();
    }

    @Test
    void uploadOfAnotherKindOfFileIsRefused() throws Exception {
        refused(upload(file("notes.txt", "hallo")))
                .andExpect(jsonPath("$.errors['notes.txt']", containsString(".bpmn")));
        assertNothingDeployed();
    }

    @Test
    void refusedUploadIsAuditedWithTheUserAndTheReasons() throws Exception {
        upload(file("register-deal.form", "{")).andExpect(status().isBadRequest());

        AuditEntry entry = newestAuditEntry();
        assertThat(entry.getAction()).isEqualTo(AuditAction.DEPLOY_REFUSED);
        assertThat(entry.getActor()).isEqualTo(ADMIN);
        assertThat(entry.getDetails()).contains("register-deal.form");
    }

    // --- accepted uploads

    @Test
    void changedDecisionIsDeployedAloneAsOneNewVersionAndAudited() throws Exception {
        upload(file("prompt-schedule.dmn", promptScheduleWithOwnershipAt("0.20")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.resources", contains("processes/prompt-schedule.dmn")))
                .andExpect(jsonPath("$.decisionVersions[0].key").value(CityDealProcess.PROMPT_SCHEDULE_DECISION))
                .andExpect(jsonPath("$.decisionVersions[0].version").value(2))
                .andExpect(jsonPath("$.decisionVersions[0].versionTag").value("1.1.0"))
                .andExpect(jsonPath("$.processVersions").isEmpty());

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments + 1);
        assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(processVersions);
        AuditEntry entry = newestAuditEntry();
        assertThat(entry.getAction()).isEqualTo(AuditAction.DEPLOY);
        assertThat(entry.getActor()).isEqualTo(ADMIN);
        assertThat(entry.getDetails()).contains("prompt-schedule.dmn", "prompt-schedule v2 (1.1.0)");
    }

    @Test
    void changedProcessIsDeployedWithEveryFormSoItsFormsResolveInItsOwnDeployment() throws Exception {
        upload(file("city-deal.bpmn", cityDealWithVersionTag("1.0.1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.processVersions[0].version").value(2))
                .andExpect(jsonPath("$.processVersions[0].versionTag").value("1.0.1"))
                .andExpect(jsonPath("$.resources", hasItem("forms/register-deal.form")))
                .andExpect(jsonPath("$.decisionVersions").isEmpty());

        String deploymentId = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .latestVersion()
                .singleResult()
                .getDeploymentId();
        assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
                .contains("processes/city-deal.bpmn", "forms/register-deal.form", "forms/close-deal.form")
                .doesNotContain("processes/prompt-schedule.dmn");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments + 1);
    }

    @Test
    void uploadEqualToTheDeployedModelsDeploysNothing() throws Exception {
        upload(
                        file("city-deal.bpmn", model("processes/city-deal.bpmn")),
                        file("register-deal.form", model("forms/register-deal.form")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deploymentId").doesNotExist());

        assertNothingDeployed();
    }

    @Test
    void deployedVersionsAreListedWithTheirVersionTagsAndRunningDeals() throws Exception {
        support.register();
        support.register();

        mvc.perform(get("/api/admin/versions").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.processes[0].key").value(CityDealProcess.KEY))
                .andExpect(jsonPath("$.processes[0].versionTag").value("1.0.0"))
                .andExpect(jsonPath("$.processes[0].runningDeals").value(2))
                .andExpect(jsonPath("$.decisions[?(@.key == 'prompt-schedule')].versionTag")
                        .value("1.0.0"));
    }

    // --- helpers

    private ResultActions upload(MockMultipartFile... files) throws Exception {
        var request = multipart("/api/admin/deployments");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return mvc.perform(request.with(httpBasic(ADMIN, ADMIN_PASSWORD)));
    }

    private static ResultActions refused(ResultActions result) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Ongeldige invoer"));
    }

    static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile(
                "files", name, MediaType.APPLICATION_OCTET_STREAM_VALUE, content.getBytes(StandardCharsets.UTF_8));
    }

    private void assertNothingDeployed() {
        assertThat(repositoryService.createDeploymentQuery().count())
                .as("deployments")
                .isEqualTo(deployments);
        assertThat(repositoryService.createProcessDefinitionQuery().count())
                .as("process versions")
                .isEqualTo(processVersions);
        assertThat(repositoryService.createDecisionDefinitionQuery().count())
                .as("decision versions")
                .isEqualTo(decisionVersions);
    }

    /** The entry written last (by id: the tests move the clock, so the time says less). */
    private AuditEntry newestAuditEntry() {
        return auditLog.findAll(org.springframework.data.domain.Sort.by(
                        org.springframework.data.domain.Sort.Direction.DESC, "id"))
                .get(0);
    }
}
