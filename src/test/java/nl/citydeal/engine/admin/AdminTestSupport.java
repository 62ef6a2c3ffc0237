package nl.citydeal.engine.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.test.context.TestComponent;

import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.ModelDeployer;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Drives deals and the engine for the admin tests: deals in a given state, the model files as they stand in the
 * repository, users of each role, running a migration batch as the job executor would, and cleaning up.
 */
@TestComponent
public class AdminTestSupport {

    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "Test-Beheer-2026!";
    public static final String DEAL_LEAD = "dana";
    public static final String DEAL_LEAD_PASSWORD = "Dealtrekker-2026!";
    public static final String PROGRAMME_OFFICE = "piet";
    public static final String PROGRAMME_OFFICE_PASSWORD = "Programma-2026!";
    public static final Date NOW = date("2024-02-01T10:00+01:00");

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;

    public AdminTestSupport(
            RuntimeService runtimeService,
            TaskService taskService,
            ManagementService managementService,
            RepositoryService repositoryService,
            IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    public void setUp() {
        // test classes of other Spring contexts may have left deals in the shared in-memory database
        tearDown();
        ClockUtil.setCurrentTime(NOW);
        user(DEAL_LEAD, DEAL_LEAD_PASSWORD, Role.DEAL_LEAD);
        user(PROGRAMME_OFFICE, PROGRAMME_OFFICE_PASSWORD, Role.PROGRAMME_OFFICE);
    }

    /** Removes every deal, batch and uploaded version, so the next test starts from the repository's models. */
    public void tearDown() {
        ClockUtil.reset();
        managementService
                .createBatchQuery()
                .list()
                .forEach(batch -> managementService.deleteBatch(batch.getId(), true));
        runtimeService
                .createProcessInstanceQuery()
                .list()
                .forEach(
                        instance -> runtimeService.deleteProcessInstance(instance.getId(), "test cleanup", true, true));
        for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
            if (!ModelDeployer.DEPLOYMENT_NAME.equals(deployment.getName())) {
                repositoryService.deleteDeployment(deployment.getId(), true, true);
            }
        }
    }

    private void user(String id, String password, Role role) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(id, role.groupId());
    }

    // --- deals

    public ProcessInstance register() {
        return runtimeService.startProcessInstanceByKey(
                CityDealProcess.KEY,
                Variables.createVariables()
                        .putValue(DEAL_NAME, "City Deal Klimaatadaptatie")
                        .putValue(THEME, "klimaatadaptatie")
                        .putValue(LEAD_ORGANISATION, "Gemeente Zwolle")
                        .putValue(CityDealProcess.Variable.DEAL_LEAD, DEAL_LEAD)
                        .putValue(AMBITION, "Klimaatbestendige steden in 2050"));
    }

    public ProcessInstance prepared() {
        ProcessInstance deal = register();
        complete(
                deal,
                CityDealProcess.Activity.SCREEN_PARTICIPANT,
                Map.of(
                        PARTICIPANT_NAME,
                        "Gemeente Zwolle",
                        PARTICIPANT_TYPE,
                        "MUNICIPALITY",
                        PARTICIPANT_ADDED_VALUE,
                        "Brengt pilotlocaties in",
                        PARTICIPANT_ACCEPTED,
                        true,
                        MORE_PARTICIPANTS,
                        false));
        complete(
                deal,
                CityDealProcess.Activity.SECURE_COMMITMENT,
                Map.of(
                        RESOURCES_COMMITTED,
                        true,
                        "commitmentDescription",
                        "Wethouders van vijf gemeenten",
                        "resourcesDescription",
                        "Gemeenten 0,5 fte elk",
                        "executionFundingView",
                        "Rijksbijdrage 2 mln"));
        complete(
                deal,
                CityDealProcess.Activity.AGREE_SETUP,
                Map.of(
                        SETUP,
                        "ONE_PART",
                        "rulesOfTheGame",
                        "Gelijkwaardig",
                        "sharedDirection",
                        "Klimaatbestendig bouwen"));
        complete(deal, CityDealProcess.Activity.REVIEW_PROPOSAL, Map.of(REVIEW_DECISION, "APPROVE"));
        return deal;
    }

    public ProcessInstance signed(String signedOn, String endsOn) {
        ProcessInstance deal = prepared();
        complete(
                deal,
                CityDealProcess.Activity.RECORD_SIGNING,
                Map.of(SIGNED_ON, signedOn, ENDS_ON, endsOn, STAATSCOURANT_REFERENCE, "Stcrt. 2024, 12345"));
        return deal;
    }

    public void complete(ProcessInstance deal, String taskKey, Map<String, Object> variables) {
        taskService.complete(task(deal, taskKey).getId(), variables);
    }

    public Task task(ProcessInstance deal, String taskKey) {
        return taskService
                .createTaskQuery()
                .processInstanceId(deal.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    public Job timer(ProcessInstance deal, String activityId) {
        return managementService
                .createJobQuery()
                .processInstanceId(deal.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
    }

    /** Every waiting timer of the deal by its activity id, with its due date. */
    public Map<String, Date> timerJobs(ProcessInstance deal) {
        Map<String, Date> timers = new java.util.TreeMap<>();
        managementService
                .createJobQuery()
                .processInstanceId(deal.getId())
                .timers()
                .list()
                .forEach(job -> timers.put(
                        managementService
                                .createJobDefinitionQuery()
                                .jobDefinitionId(job.getJobDefinitionId())
                                .singleResult()
                                .getActivityId(),
                        job.getDuedate()));
        return timers;
    }

    /** Lets time pass until the timer is due, then fires it as the job executor would. */
    public void fire(ProcessInstance deal, String activityId) {
        Job job = timer(deal, activityId);
        ClockUtil.setCurrentTime(job.getDuedate());
        managementService.executeJob(job.getId());
        ClockUtil.setCurrentTime(NOW);
    }

    public String processDefinitionId(ProcessInstance deal) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(deal.getId())
                .singleResult()
                .getProcessDefinitionId();
    }

    /** Runs a batch as the job executor would: the seed job, every batch job, then the monitor job. */
    public void runBatch(String batchId) {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        managementService.executeJob(managementService
                .createJobQuery()
                .jobDefinitionId(batch.getSeedJobDefinitionId())
                .singleResult()
                .getId());
        for (Job job : managementService
                .createJobQuery()
                .jobDefinitionId(batch.getBatchJobDefinitionId())
                .list()) {
            managementService.executeJob(job.getId());
        }
        managementService.executeJob(managementService
                .createJobQuery()
                .jobDefinitionId(batch.getMonitorJobDefinitionId())
                .singleResult()
                .getId());
    }

    // --- models

    /** A model or form as it stands in the repository, e.g. {@code processes/city-deal.bpmn}. */
    public static String model(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code city-deal.bpmn} with a replacement that must apply. */
    public static String changed(String path, String from, String to) {
        String model = model(path);
        if (!model.contains(from)) {
            throw new IllegalArgumentException(path + " does not contain " + from);
        }
        return model.replace(from, to);
    }

    /** The process with a new version tag: the same process, a new version. */
    public static String cityDealWithVersionTag(String versionTag) {
        return changed(
                "processes/city-deal.bpmn",
                "camunda:versionTag=\"1.0.0\"",
                "camunda:versionTag=\"" + versionTag + "\"");
    }

    /** The process with an extra user task between sharing lessons and closing the deal. */
    public static String cityDealWithExtraUserTask() {
        String model = cityDealWithVersionTag("1.1.0");
        model = model.replace(
                "<bpmn:sequenceFlow id=\"Flow_LessonsSharedToCloseDeal\" sourceRef=\"UserTask_ShareLessons\" targetRef=\"UserTask_CloseDeal\" />",
                "<bpmn:sequenceFlow id=\"Flow_LessonsSharedToCloseDeal\" sourceRef=\"UserTask_ShareLessons\" targetRef=\"UserTask_ArchiveDeal\" />\n"
                        + "    <bpmn:userTask id=\"UserTask_ArchiveDeal\" name=\"Dossier archiveren\" camunda:formRef=\"close-deal\" "
                        + "camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"programme-office\" />\n"
                        + "    <bpmn:sequenceFlow id=\"Flow_ArchivedToCloseDeal\" sourceRef=\"UserTask_ArchiveDeal\" targetRef=\"UserTask_CloseDeal\" />");
        if (!model.contains("UserTask_ArchiveDeal")) {
            throw new IllegalStateException("The flow to insert the task at was not found");
        }
        return model;
    }

    /** The prompt schedule with the ownership conversation at the given fraction of the term. */
    public static String promptScheduleWithOwnershipAt(String fraction) {
        String model = changed(
                "processes/prompt-schedule.dmn", "camunda:versionTag=\"1.0.0\"", "camunda:versionTag=\"1.1.0\"");
        String rule =
                "<outputEntry id=\"LiteralExpression_OwnershipConversation_FractionOfTerm\">\n          <text>0.25</text>";
        if (!model.contains(rule)) {
            throw new IllegalStateException("The ownership rule was not found");
        }
        return model.replace(rule, rule.replace("0.25", fraction));
    }

    public static Date date(String offsetDateTime) {
        return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
    }
}
