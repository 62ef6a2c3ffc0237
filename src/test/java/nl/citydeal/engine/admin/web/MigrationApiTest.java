package nl.citydeal.engine.admin.web;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptStatus;
import nl.citydeal.engine.prompt.Prompts;

import static nl.citydeal.engine.admin.AdminTestSupport.*;
import static nl.citydeal.engine.admin.web.AdminDeploymentApiTest.file;
import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/admin/migrations}: a dry run reports per deal whether it can move; a real migration moves the
 * deals as a batch, keeps their history and pending prompts, and re-plans the prompts with the current schedule.
 */
@CityDealSpringTest
@AlsoOnPostgres
@AutoConfigureMockMvc
@Import(AdminTestSupport.class)
class MigrationApiTest {

    static final String THREE_YEARS_FROM = "2024-03-01";
    static final String THREE_YEARS_TO = "2027-03-01";

    @Autowired
    MockMvc mvc;

    @Autowired
    AdminTestSupport support;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @Autowired
    AuditEntryRepository auditLog;

    @Autowired
    Prompts prompts;

    @Autowired
    RuntimeService runtimeService;

    @BeforeEach
    void setUp() {
        support.setUp();
    }

    @AfterEach
    void tearDown() {
        support.tearDown();
    }

    // --- the prompt schedule (acceptance)

    @Test
    void changedPromptScheduleMovesOwnershipPromptOfNewAndRunningDealsAtOnceAndMigrationKeepsTheDay() throws Exception {
        ProcessInstance running = support.signed(THREE_YEARS_FROM, THREE_YEARS_TO);
        assertDue(running, OWNERSHIP_PROMPT_DUE, "2024-11-29T09:00+01:00");

        upload(file("prompt-schedule.dmn", promptScheduleWithOwnershipAt("0.20")))
                .andExpect(status().isCreated());

        // 1095 days x 0.20 = 219 days after 2024-03-01
        ProcessInstance signedAfterTheChange = support.signed(THREE_YEARS_FROM, THREE_YEARS_TO);
        assertDue(signedAfterTheChange, OWNERSHIP_PROMPT_DUE, "2024-10-06T09:00+02:00");
        assertThat(support.task(signedAfterTheChange, HOLD_OWNERSHIP_CONVERSATION)
                        .getDueDate())
                .isEqualTo(date("2024-10-06T09:00+02:00"));
        assertDue(signedAfterTheChange, SCALING_EXPLORATION_DUE, "2025-05-13T09:00+02:00");
        // the deployment moved the running deal's prompt at once
        assertDue(running, OWNERSHIP_PROMPT_DUE, "2024-10-06T09:00+02:00");

        upload(file("city-deal.bpmn", cityDealWithVersionTag("1.0.1"))).andExpect(status().isCreated());
        String batch = migrate(1, 2)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.instances").value(2))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertDue(running, OWNERSHIP_PROMPT_DUE, "2024-10-06T09:00+02:00");
        support.runBatch(batch.substring(batch.lastIndexOf('/') + 1));

        assertThat(support.processDefinitionId(running)).isEqualTo(version(2));
        assertDue(running, OWNERSHIP_PROMPT_DUE, "2024-10-06T09:00+02:00");
        assertThat(support.task(running, HOLD_OWNERSHIP_CONVERSATION).getDueDate())
                .isEqualTo(date("2024-10-06T09:00+02:00"));
        assertDue(running, SCALING_EXPLORATION_DUE, "2025-05-13T09:00+02:00");
        assertDue(running, MID_TERM_REVIEW_DUE, "2025-08-30T09:00+02:00");
        assertDue(running, SCALING_PLAN_DUE, "2026-05-31T09:00+02:00");
        assertDue(running, SCALING_PLAN_ESCALATION_DUE, "2026-09-17T09:00+02:00");
        assertDue(running, TERM_ENDED, "2027-03-01T09:00+01:00");
        assertDue(signedAfterTheChange, OWNERSHIP_PROMPT_DUE, "2024-10-06T09:00+02:00");
    }

    // --- dry run

    @Test
    void dryRunReportsPerDealWhetherItCanMoveAndWhichActivitiesDoNotMap() throws Exception {
        ProcessInstance inPreparation = support.register();
        ProcessInstance experimenting = support.signed(THREE_YEARS_FROM, THREE_YEARS_TO);
        upload(file(
                        "city-deal.bpmn",
                        changed("processes/city-deal.bpmn", "UserTask_ScreenParticipant", "UserTask_ScreenParty")))
                .andExpect(status().isCreated());

        mvc.perform(
                        post("/api/admin/migrations")
                                .with(httpBasic(ADMIN, ADMIN_PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"processDefinitionKey\":\"city-deal\",\"sourceVersion\":1,\"targetVersion\":2,\"dryRun\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.processInstanceId == '%s')].dealId", inPreparation.getId())
                        .value(dealIdOf(inPreparation)))
                .andExpect(jsonPath("$[?(@.processInstanceId == '%s')].reference", inPreparation.getId())
                        .value(inPreparation.getBusinessKey()))
                .andExpect(jsonPath("$[?(@.processInstanceId == '%s')].canMigrate", inPreparation.getId())
                        .value(false))
                .andExpect(
                        jsonPath("$[?(@.processInstanceId == '%s')].reasons[*]", inPreparation.getId())
                                .value(
                                        hasItem(
                                                containsString(
                                                        "'Deelnemer screenen op toegevoegde waarde' (UserTask_ScreenParticipant) heeft geen tegenhanger in versie 2"))))
                .andExpect(jsonPath("$[?(@.processInstanceId == '%s')].canMigrate", experimenting.getId())
                        .value(true))
                .andExpect(jsonPath("$[?(@.processInstanceId == '%s')].reasons[*]", experimenting.getId())
                        .isEmpty());

        assertThat(support.processDefinitionId(inPreparation))
                .as("a dry run moves nothing")
                .isEqualTo(version(1));
        assertThat(support.processDefinitionId(experimenting))
                .as("a dry run moves nothing")
                .isEqualTo(version(1));
        assertThat(newestAuditEntry().getAction()).isEqualTo(AuditAction.MIGRATE_DRY_RUN);
    }

    @Test
    void migrationMovesTheDealsThatCanMoveAndLeavesTheOthersWithTheReason() throws Exception {
        ProcessInstance inPreparation = support.register();
        ProcessInstance experimenting = support.signed(THREE_YEARS_FROM, THREE_YEARS_TO);
        upload(file(
                        "city-deal.bpmn",
                        changed("processes/city-deal.bpmn", "UserTask_ScreenParticipant", "UserTask_ScreenParty")))
                .andExpect(status().isCreated());

        String location = migrate(1, 2)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.instances").value(1))
                .andExpect(jsonPath("$.skipped[0].processInstanceId").value(inPreparation.getId()))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        support.runBatch(location.substring(location.lastIndexOf('/') + 1));

        assertThat(support.processDefinitionId(experimenting)).isEqualTo(version(2));
        assertThat(support.processDefinitionId(inPreparation)).isEqualTo(version(1));
    }

    // --- real migration

    @Test
    void aTaskRenamedInTheNewVersionShowsItsNewNameInTasklistOnceTheDealMoved() throws Exception {
        ProcessInstance deal = support.register();
        Task before = support.task(deal, SCREEN_PARTICIPANT);
        assertThat(before.getName()).startsWith("Deelnemer screenen op toegevoegde waarde — ");
        String dealPart = before.getName().substring("Deelnemer screenen op toegevoegde waarde".length());
        upload(file(
                        "city-deal.bpmn",
                        changed(
                                "processes/city-deal.bpmn",
                                "name=\"Deelnemer screenen op toegevoegde waarde\"",
                                "name=\"Deelnemer kritisch screenen\"")))
                .andExpect(status().isCreated());

        String location = migrate(1, 2)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        support.runBatch(location.substring(location.lastIndexOf('/') + 1));

        Task after = support.task(deal, SCREEN_PARTICIPANT);
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(support.processDefinitionId(deal)).isEqualTo(version(2));
        assertThat(after.getName()).isEqualTo("Deelnemer kritisch screenen" + dealPart);
    }

    @Test
    void newVersionWithAnExtraUserTaskTakesEveryRunningDealWithHistoryAndPendingPromptsIntact() throws Exception {
        ProcessInstance inPreparation = support.register();
        support.complete(
                inPreparation,
                SCREEN_PARTICIPANT,
                Map.of(
                        "participantName",
                        "Gemeente Zwolle",
                        "participantType",
                        "MUNICIPALITY",
                        "participantAddedValue",
                        "Pilotlocaties",
                        "participantAccepted",
                        true,
                        "moreParticipants",
                        true));
        ProcessInstance experimenting = support.signed(THREE_YEARS_FROM, THREE_YEARS_TO);
        ProcessInstance prompted = support.signed(THREE_YEARS_FROM, THREE_YEARS_TO);
        support.fire(prompted, OWNERSHIP_PROMPT_DUE);
        List<ProcessInstance> deals = List.of(inPreparation, experimenting, prompted);
        Map<String, Long> historyBefore =
                deals.stream().collect(Collectors.toMap(ProcessInstance::getId, this::historicActivities));
        Map<String, List<String>> openTasksBefore =
                deals.stream().collect(Collectors.toMap(ProcessInstance::getId, this::openTaskIds));
        Map<String, Map<String, Date>> timersBefore =
                deals.stream().collect(Collectors.toMap(ProcessInstance::getId, this::timers));
        assertThat(timersBefore.get(experimenting.getId()))
                .containsKeys(OWNERSHIP_PROMPT_DUE, SCALING_EXPLORATION_DUE, TERM_ENDED);
        assertThat(timersBefore.get(prompted.getId())).doesNotContainKey(OWNERSHIP_PROMPT_DUE);

        upload(file("city-deal.bpmn", cityDealWithExtraUserTask())).andExpect(status().isCreated());
        assertThat((Object)
                        repositoryService.getBpmnModelInstance(version(2)).getModelElementById("UserTask_ArchiveDeal"))
                .isNotNull();

        mvc.perform(post("/api/admin/migrations")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sourceVersion\":1,\"targetVersion\":2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[?(@.canMigrate == false)]").isEmpty());

        String location = migrate(1, 2)
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/admin/migrations/")))
                .andExpect(jsonPath("$.instances").value(3))
                .andExpect(jsonPath("$.skipped").isEmpty())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String batchId = location.substring(location.lastIndexOf('/') + 1);
        progress(location)
                .andExpect(jsonPath("$.batchId").value(batchId))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.completed").value(0))
                .andExpect(jsonPath("$.done").value(false));

        support.runBatch(batchId);

        progress(location)
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.completed").value(3))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.done").value(true));
        for (ProcessInstance deal : deals) {
            assertThat(support.processDefinitionId(deal)).isEqualTo(version(2));
            assertThat(historyService
                            .createHistoricProcessInstanceQuery()
                            .processInstanceId(deal.getId())
                            .singleResult()
                            .getProcessDefinitionId())
                    .isEqualTo(version(2));
            assertThat(historicActivities(deal))
                    .as("history of " + deal.getId())
                    .isEqualTo(historyBefore.get(deal.getId()));
            assertThat(openTaskIds(deal))
                    .as("open tasks of " + deal.getId())
                    .isEqualTo(openTasksBefore.get(deal.getId()));
            assertThat(timers(deal)).as("pending prompts of " + deal.getId()).isEqualTo(timersBefore.get(deal.getId()));
        }
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(inPreparation.getId())
                        .activityId(SCREEN_PARTICIPANT)
                        .finished()
                        .count())
                .isEqualTo(1);
        assertThat(support.task(prompted, HOLD_OWNERSHIP_CONVERSATION).getPriority())
                .as("raised prompt stays raised")
                .isEqualTo(80);
        assertThat(newestAuditEntry().getAction()).isEqualTo(AuditAction.MIGRATE);
        assertThat(newestAuditEntry().getDetails()).contains(batchId, "3 deals");
    }

    @Test
    void aPromptTaskMigratedFromAVersionWithoutItsKindAnswersItsPromptByTheTargetModel() throws Exception {
        String ownershipKind =
                "<camunda:inputParameter name=\"promptKind\">OWNERSHIP_CONVERSATION</camunda:inputParameter>";
        String model = cityDealWithVersionTag("0.9.0");
        int task = model.indexOf("<bpmn:userTask id=\"" + HOLD_OWNERSHIP_CONVERSATION + "\"");
        int kind = model.indexOf(ownershipKind, task);
        String withoutKind = model.substring(0, kind) + model.substring(kind + ownershipKind.length());
        upload(file("city-deal.bpmn", withoutKind)).andExpect(status().isCreated());
        ProcessInstance deal = support.signed(THREE_YEARS_FROM, THREE_YEARS_TO);
        assertThat(support.processDefinitionId(deal)).isEqualTo(version(2));

        upload(file("city-deal.bpmn", cityDealWithVersionTag("1.0.1"))).andExpect(status().isCreated());
        String location = migrate(2, 3)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        support.runBatch(location.substring(location.lastIndexOf('/') + 1));
        assertThat(support.processDefinitionId(deal)).isEqualTo(version(3));

        taskService.complete(support.task(deal, HOLD_OWNERSHIP_CONVERSATION).getId());

        assertThat(prompts.forDeal(dealIdOf(deal)))
                .filteredOn(prompt -> prompt.getKind() == PromptKind.OWNERSHIP_CONVERSATION)
                .extracting(Prompt::getStatus)
                .containsExactly(PromptStatus.DONE);
        assertThat(runtimeService.getVariable(deal.getId(), CityDealProcess.Variable.OWNERSHIP_CONVERSATION_HELD))
                .isEqualTo(true);
    }

    // --- refused requests

    @Test
    void migrationToAVersionThatDoesNotExistIsRefused() throws Exception {
        support.register();
        migrate(1, 7)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors.targetVersion", containsString("Versie 7 van proces 'city-deal' bestaat niet")));
    }

    @Test
    void migrationOntoTheSameVersionIsRefused() throws Exception {
        migrate(1, 1)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.targetVersion").exists());
    }

    @Test
    void migrationWithoutVersionsIsRefusedNamingTheFields() throws Exception {
        mvc.perform(post("/api/admin/migrations")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dryRun\":false}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sourceVersion").value("De bronversie ontbreekt."))
                .andExpect(jsonPath("$.errors.targetVersion").value("De doelversie ontbreekt."));
    }

    @Test
    void migrationWithoutRunningDealsIsRefused() throws Exception {
        upload(file("city-deal.bpmn", cityDealWithVersionTag("1.0.1"))).andExpect(status().isCreated());
        migrate(1, 2)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sourceVersion", containsString("Er lopen geen deals op versie 1")));
    }

    @Test
    void progressOfAnUnknownMigrationIsNotFound() throws Exception {
        progress("/api/admin/migrations/no-such-batch").andExpect(status().isNotFound());
    }

    // --- helpers

    private ResultActions migrate(int source, int target) throws Exception {
        return mvc.perform(post("/api/admin/migrations")
                .with(httpBasic(ADMIN, ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"processDefinitionKey\":\"city-deal\",\"sourceVersion\":%d,\"targetVersion\":%d,\"dryRun\":false}"
                                .formatted(source, target)));
    }

    private ResultActions progress(String location) throws Exception {
        return mvc.perform(get(location).with(httpBasic(ADMIN, ADMIN_PASSWORD)));
    }

    private ResultActions upload(MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/api/admin/deployments").file(file).with(httpBasic(ADMIN, ADMIN_PASSWORD)));
    }

    private String version(int version) {
        return repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .processDefinitionVersion(version)
                .singleResult()
                .getId();
    }

    private void assertDue(ProcessInstance deal, String activityId, String expected) {
        assertThat(support.timer(deal, activityId)).as("timer " + activityId).isNotNull();
        assertThat(support.timer(deal, activityId).getDuedate())
                .as("due date of " + activityId)
                .isEqualTo(date(expected));
    }

    private long historicActivities(ProcessInstance deal) {
        return historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(deal.getId())
                .count();
    }

    private List<String> openTaskIds(ProcessInstance deal) {
        return taskService.createTaskQuery().processInstanceId(deal.getId()).orderByTaskId().asc().list().stream()
                .map(Task::getId)
                .toList();
    }

    private Map<String, Date> timers(ProcessInstance deal) {
        return support.timerJobs(deal);
    }

    /** The entry written last (by id: the tests move the clock, so the time says less). */
    private AuditEntry newestAuditEntry() {
        return auditLog.findAll(org.springframework.data.domain.Sort.by(
                        org.springframework.data.domain.Sort.Direction.DESC, "id"))
                .get(0);
    }

    /** The id of the instance's deal (its variable dealId; the business key is the deal's reference). */
    private String dealIdOf(ProcessInstance instance) {
        return DealInstances.dealIdOf(historyService, instance.getId()).orElseThrow();
    }
}
