package nl.citydeal.engine.dossier;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every completed form lands in the deal's dossier: a deal walks through every user task of the model, each form
 * completed with a value in every editable field, and each completion's entry holds every one of those fields under
 * the label of the deployed form, its value as text (ja/nee, dd-MM-yyyy, the option's label), the task, the phase,
 * the lesson of the model, who completed it and when. The walk reaches every form the model's user tasks use; the
 * tasks it cancels on the way (open prompts when the experimentation ends) are not in the dossier.
 */
@CityDealSpringTest
class DossierRecordingTest {

    static final String LEAD = "anna";
    static final String OFFICE = "olaf";
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter DUTCH_DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    ManagementService managementService;

    @Autowired
    Dossier dossier;

    @Autowired
    HistoryService historyService;

    final Set<String> formsCompleted = new TreeSet<>();
    final List<String> tasksCompleted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        for (Map.Entry<String, Role> user :
                Map.of(LEAD, Role.DEAL_LEAD, OFFICE, Role.PROGRAMME_OFFICE).entrySet()) {
            if (engine.getIdentityService()
                            .createUserQuery()
                            .userId(user.getKey())
                            .count()
                    == 0) {
                engine.getIdentityService().saveUser(engine.getIdentityService().newUser(user.getKey()));
                engine.getIdentityService()
                        .createMembership(user.getKey(), user.getValue().groupId());
            }
        }
        ClockUtil.setCurrentTime(
                Date.from(OffsetDateTime.parse("2024-02-01T10:00+01:00").toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyFieldOfEveryFormLandsInTheDossierWithItsLabel() {
        ProcessInstance deal = runtimeService.startProcessInstanceByKey(
                CityDealProcess.KEY,
                Map.of(
                        DEAL_NAME, "City Deal Dossier",
                        THEME, "klimaatadaptatie",
                        LEAD_ORGANISATION, "Gemeente Zwolle",
                        DEAL_LEAD, LEAD,
                        AMBITION, "Klimaatbestendige steden"));

        complete(deal, SCREEN_PARTICIPANT, Map.of(MORE_PARTICIPANTS, false, PARTICIPANT_ACCEPTED, true));
        complete(deal, SECURE_COMMITMENT, Map.of(RESOURCES_COMMITTED, true));
        complete(deal, AGREE_SETUP, Map.of(SETUP, "TWO_PART"));
        complete(deal, REVIEW_PROPOSAL, Map.of(REVIEW_DECISION, "APPROVE"));
        complete(deal, RECORD_SIGNING, Map.of(SIGNED_ON, "2024-03-01", ENDS_ON, "2027-03-01"));
        complete(deal, COMPLETE_PART_ONE, Map.of());
        complete(deal, PASS_PART_ONE_GATE, Map.of(PART_ONE_GATE_PASSED, true));
        complete(deal, HOLD_OWNERSHIP_CONVERSATION, Map.of());
        complete(deal, EXPLORE_SCALING, Map.of());
        fire(deal, SCALING_PLAN_ESCALATION_DUE);
        complete(deal, ESCALATE_MISSING_SCALING_PLAN, Map.of());
        complete(deal, DELIVER_SCALING_PLAN, Map.of());
        fire(deal, MID_TERM_REVIEW_DUE);
        complete(deal, HOLD_MID_TERM_REVIEW, Map.of());
        fire(deal, ANSWERABILITY_REVIEW_DUE);
        complete(deal, HOLD_ANSWERABILITY_REVIEW, Map.of());
        complete(deal, CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_ACTION, "JOIN_PARTICIPANT"));
        complete(deal, SCREEN_LATE_PARTICIPANT, Map.of(PARTICIPANT_ACCEPTED, true));
        complete(deal, CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_ACTION, "CHANGE_TERM"));
        complete(deal, CHANGE_TERM, Map.of(NEW_ENDS_ON, "2027-09-01"));
        complete(deal, LEAD, CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_ACTION, "END_EARLY"));
        complete(deal, CONFIRM_EARLY_END_BY_PROGRAMME_OFFICE, Map.of(CONFIRMATION, "CONFIRM"));
        complete(deal, ASSESS_OUTCOME, Map.of());
        complete(deal, LEAD, DECIDE_SCALING_ROUTES, routes(Set.of(ROUTE_EXTENSION)));
        complete(deal, CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE, Map.of(CONFIRMATION, "CONFIRM"));
        complete(deal, RECORD_EXTENSION, Map.of(NEW_ENDS_ON, "2028-03-01"));
        complete(deal, OFFICE, CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_ACTION, "END_EARLY"));
        complete(deal, CONFIRM_EARLY_END_BY_DEAL_LEAD, Map.of(CONFIRMATION, "CONFIRM"));
        complete(deal, ASSESS_OUTCOME, Map.of());
        complete(
                deal,
                OFFICE,
                DECIDE_SCALING_ROUTES,
                routes(Set.of(
                        ROUTE_EMBED_IN_POLICY,
                        ROUTE_CHANGE_REGULATION,
                        ROUTE_OTHER_DEAL_FORM,
                        ROUTE_MERGE,
                        ROUTE_KNOWLEDGE_NETWORK,
                        ROUTE_NATIONAL_ROLLOUT,
                        ROUTE_STOP)));
        complete(deal, CONFIRM_SCALING_DECISION_BY_DEAL_LEAD, Map.of(CONFIRMATION, "CONFIRM"));
        for (String handOver : List.of(
                HAND_OVER_EMBED_IN_POLICY,
                HAND_OVER_REGULATION_CHANGE,
                HAND_OVER_OTHER_DEAL_FORM,
                HAND_OVER_MERGE,
                HAND_OVER_KNOWLEDGE_NETWORK,
                HAND_OVER_NATIONAL_ROLLOUT,
                RECORD_STOP)) {
            complete(deal, handOver, Map.of());
        }
        complete(deal, SHARE_LESSONS, Map.of());
        complete(deal, CLOSE_DEAL, Map.of());

        BpmnAwareTests.assertThat(deal).isEnded();
        assertThat(formsCompleted)
                .as("the forms of the model's user tasks")
                .containsExactlyInAnyOrderElementsOf(userTaskForms());
        assertThat(historyService
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(deal.getId())
                        .taskDeleteReason("deleted")
                        .count())
                .as("open prompt tasks cancelled when the experimentation ended")
                .isPositive();
        assertThat(dossier.of(dealIdOf(deal)))
                .as("only completed tasks are in the dossier, each once")
                .extracting(DossierEntry::getTaskId)
                .containsExactlyInAnyOrderElementsOf(tasksCompleted);
        assertThat(dossier.byPhase(dealIdOf(deal)))
                .extracting(Dossier.PhaseSteps::phase)
                .containsExactly(
                        DealPhase.PREPARATION,
                        DealPhase.SIGNING,
                        DealPhase.EXPERIMENTATION,
                        DealPhase.SCALING_DECISION,
                        DealPhase.SCALING_ROUTES,
                        DealPhase.CLOSING);
    }

    /** Completes the task as the party it is for: its assignee, or else the programme office. */
    void complete(ProcessInstance deal, String activityId, Map<String, Object> answers) {
        complete(deal, null, activityId, answers);
    }

    /**
     * Completes the task as {@code userId} with a value in every editable field of its form ({@code answers} where
     * given), then checks the dossier's entry of that task holds it all.
     */
    void complete(ProcessInstance deal, String userId, String activityId, Map<String, Object> answers) {
        Task task = task(deal, activityId);
        String user = userId != null ? userId : task.getAssignee() != null ? task.getAssignee() : OFFICE;
        JsonNode form = deployedForm(task);
        List<Field> fields = new ArrayList<>();
        collect(form, fields);
        Map<String, Object> submitted = new LinkedHashMap<>();
        for (Field field : fields) {
            submitted.put(field.key(), answers.containsKey(field.key()) ? answers.get(field.key()) : field.example());
        }
        Object phase = runtimeService.getVariable(deal.getId(), PHASE);
        as(user, () -> formService.submitTaskForm(task.getId(), submitted));
        formsCompleted.add(form.path("id").asText());
        tasksCompleted.add(task.getId());

        List<DossierEntry> entries = dossier.of(dealIdOf(deal)).stream()
                .filter(recorded -> recorded.getTaskId().equals(task.getId()))
                .toList();
        assertThat(entries).as("entries of " + activityId).hasSize(1);
        DossierEntry entry = entries.get(0);
        assertThat(entry.getActivityId()).isEqualTo(activityId);
        assertThat(entry.getTaskName())
                .isEqualTo(model().<UserTask>getModelElementById(activityId).getName());
        assertThat(entry.getPhase()).as("phase of " + activityId).isEqualTo(DealPhase.valueOf(phase.toString()));
        assertThat(entry.getLesson()).as("lesson of " + activityId).isEqualTo(lesson(activityId));
        assertThat(entry.getCompletedBy()).as("who completed " + activityId).isEqualTo(user);
        assertThat(entry.getCompletedAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
        assertThat(entry.getFields())
                .as("the answers of " + activityId)
                .extracting(DossierField::getFieldKey, DossierField::getLabel, DossierField::getText)
                .containsExactlyElementsOf(fields.stream()
                        .map(field -> org.assertj.core.groups.Tuple.tuple(
                                field.key(), field.label(), field.text(submitted.get(field.key()))))
                        .toList());
    }

    /** An editable field of a deployed form, with a value of its type and the text the dossier should show for it. */
    record Field(String key, String label, String type, Map<String, String> options) {

        Object example() {
            return switch (type) {
                case "checkbox" -> false;
                // a year or a number that fits every number field (a Staatscourant year is checked against the clock)
                case "number" -> 2024;
                case "datetime" -> "2026-06-15";
                case "radio", "select" -> options.keySet().iterator().next();
                // as Tasklist sends a checklist the task opened as text: a JSON array of the values, in text
                case "checklist" ->
                    options.keySet().stream()
                            .limit(2)
                            .map(value -> "\"" + value + "\"")
                            .collect(java.util.stream.Collectors.joining(",", "[", "]"));
                default -> "Antwoord op " + label;
            };
        }

        String text(Object value) {
            if (value instanceof Boolean yes) {
                return yes ? "ja" : "nee";
            }
            if (type.equals("datetime")) {
                return LocalDate.parse(value.toString()).format(DUTCH_DAY);
            }
            if (type.equals("checklist")) {
                return options.entrySet().stream()
                        .filter(option -> value.toString().contains("\"" + option.getKey() + "\""))
                        .map(Map.Entry::getValue)
                        .collect(java.util.stream.Collectors.joining(", "));
            }
            return options.getOrDefault(value.toString(), value.toString());
        }
    }

    private static void collect(JsonNode node, List<Field> fields) {
        for (JsonNode component : node.path("components")) {
            String type = component.path("type").asText();
            if (component.hasNonNull("key")
                    && !type.equals("text")
                    && !type.equals("button")
                    && !component.path("readonly").asBoolean(false)) {
                String label = component.hasNonNull("label")
                        ? component.get("label").asText()
                        : component.path("dateLabel").asText();
                assertThat(label).as("label of " + component.get("key")).isNotBlank();
                Map<String, String> options = new LinkedHashMap<>();
                component
                        .path("values")
                        .forEach(option -> options.put(
                                option.path("value").asText(),
                                option.path("label").asText()));
                fields.add(new Field(component.get("key").asText(), label, type, options));
            }
            collect(component, fields);
        }
    }

    static Map<String, Object> routes(Set<String> ticked) {
        Map<String, Object> answers = new HashMap<>();
        for (String route : List.of(
                ROUTE_FOLLOW_UP_DEAL,
                ROUTE_EXTENSION,
                ROUTE_EMBED_IN_POLICY,
                ROUTE_CHANGE_REGULATION,
                ROUTE_OTHER_DEAL_FORM,
                ROUTE_MERGE,
                ROUTE_KNOWLEDGE_NETWORK,
                ROUTE_NATIONAL_ROLLOUT,
                ROUTE_STOP)) {
            answers.put(route, ticked.contains(route));
        }
        return answers;
    }

    void as(String userId, Runnable step) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId)
                .toList();
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            step.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    Task task(ProcessInstance deal, String activityId) {
        List<Task> tasks = taskService
                .createTaskQuery()
                .processInstanceId(deal.getId())
                .taskDefinitionKey(activityId)
                .listPage(0, 10);
        assertThat(tasks).as("open task " + activityId).hasSize(1);
        return tasks.get(0);
    }

    void fire(ProcessInstance deal, String activityId) {
        Job job = managementService
                .createJobQuery()
                .processInstanceId(deal.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        ClockUtil.setCurrentTime(job.getDuedate());
        managementService.executeJob(job.getId());
    }

    private JsonNode deployedForm(Task task) {
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            return JSON.readTree(form);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lesson(String activityId) {
        UserTask task =
                Bpmn.readModelFromFile(new File("processes/city-deal.bpmn")).getModelElementById(activityId);
        return task.getDocumentations().iterator().next().getTextContent().strip();
    }

    private static BpmnModelInstance model() {
        return Bpmn.readModelFromFile(new File("processes/city-deal.bpmn"));
    }

    private static Set<String> userTaskForms() {
        Set<String> forms = new TreeSet<>();
        model().getModelElementsByType(UserTask.class).forEach(task -> forms.add(task.getCamundaFormRef()));
        return forms;
    }

    /** The id of the instance's deal (its variable dealId; the business key is the deal's reference). */
    private String dealIdOf(ProcessInstance instance) {
        return DealInstances.dealIdOf(historyService, instance.getId()).orElseThrow();
    }
}
