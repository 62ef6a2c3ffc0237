package nl.citydeal.engine.processengine;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealPeople;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.identity.TestUsers;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions are made with the material in view: the forms of the proposal review, the part-one gate, the mid-term
 * review, the assessment of the outcome and the scaling decision (proposing and confirming) show what was typed in
 * the steps before them, as read-only fields or text views of the form itself, so it works in Tasklist as it is. One
 * deal is run with a text of its own in every field; each of those forms must hold every text it is meant to show,
 * among the variables of its read-only fields and of its text views' templates. The answers are sent as Tasklist
 * sends them, with the read-only fields unchanged.
 */
@CityDealSpringTest
class DecisionMaterialTest {

    static final String LEAD = "anna";
    static final String OFFICE = "olaf";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    ManagementService managementService;

    @Autowired
    DealPeople people;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        TestUsers.ensure(engine.getIdentityService(), LEAD, "Deal-Trekker-1", Role.DEAL_LEAD);
        TestUsers.ensure(engine.getIdentityService(), OFFICE, "Programma-Bureau-1", Role.PROGRAMME_OFFICE);
        ClockUtil.setCurrentTime(
                Date.from(OffsetDateTime.parse("2024-02-01T10:00+01:00").toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void everyDecisionFormShowsWhatWasTypedBeforeIt() {
        ProcessInstance deal = runtimeService.startProcessInstanceByKey(
                CityDealProcess.KEY,
                Map.of(
                        DEAL_NAME,
                        "City Deal Schoon Water",
                        THEME,
                        "water",
                        LEAD_ORGANISATION,
                        "Gemeente Deventer",
                        DEAL_LEAD,
                        LEAD,
                        AMBITION,
                        "Ambitie: schoon water in elke wijk"));

        // preparation, as the deal lead
        as(
                LEAD,
                () -> submit(
                        deal,
                        SCREEN_PARTICIPANT,
                        Map.of(
                                PARTICIPANT_NAME, "Gemeente Olst-Wijhe",
                                PARTICIPANT_TYPE, "MUNICIPALITY",
                                PARTICIPANT_ADDED_VALUE, "Levert drie pilotwijken",
                                PARTICIPANT_ACCEPTED, true,
                                MORE_PARTICIPANTS, true)));
        as(
                LEAD,
                () -> submit(
                        deal,
                        SCREEN_PARTICIPANT,
                        Map.of(
                                PARTICIPANT_NAME, "Kennisinstituut Oost",
                                PARTICIPANT_TYPE, "KNOWLEDGE_INSTITUTION",
                                PARTICIPANT_ADDED_VALUE, "Meet alleen wat al bekend is",
                                PARTICIPANT_ACCEPTED, false,
                                MORE_PARTICIPANTS, false)));
        as(
                LEAD,
                () -> submit(
                        deal,
                        SECURE_COMMITMENT,
                        Map.of(
                                "commitmentDescription",
                                "Wethouders van Deventer en Olst-Wijhe",
                                RESOURCES_COMMITTED,
                                true,
                                RESOURCES_DESCRIPTION,
                                "Een ton per jaar en 0,4 fte",
                                EXECUTION_FUNDING_VIEW,
                                "Provinciaal waterfonds")));
        as(
                LEAD,
                () -> submit(
                        deal,
                        AGREE_SETUP,
                        Map.of(
                                "rulesOfTheGame",
                                "Besluiten bij consensus",
                                "sharedDirection",
                                "Schoon water voorop",
                                SETUP,
                                "TWO_PART")));

        Map<String, Object> review = shown(deal, REVIEW_PROPOSAL);
        assertThat(review)
                .containsEntry(AMBITION, "Ambitie: schoon water in elke wijk")
                .containsEntry("commitmentDescription", "Wethouders van Deventer en Olst-Wijhe")
                .containsEntry(RESOURCES_DESCRIPTION, "Een ton per jaar en 0,4 fte")
                .containsEntry(EXECUTION_FUNDING_VIEW, "Provinciaal waterfonds")
                .containsEntry("rulesOfTheGame", "Besluiten bij consensus")
                .containsEntry("sharedDirection", "Schoon water voorop")
                .containsEntry(SETUP, "TWO_PART");
        assertThat((String) review.get(SCREENED_PARTICIPANTS))
                .as("the screened participants, each with its kind, its added value and whether it was admitted")
                .isEqualTo("- Gemeente Olst-Wijhe (Gemeente): toegelaten. Toegevoegde waarde: Levert drie pilotwijken\n"
                        + "- Kennisinstituut Oost (Kennisinstelling): niet toegelaten. Toegevoegde waarde: Meet alleen"
                        + " wat al bekend is");
        as(OFFICE, () -> submitAsTasklist(deal, REVIEW_PROPOSAL, Map.of(REVIEW_DECISION, "APPROVE")));

        as(
                OFFICE,
                () -> submit(
                        deal,
                        RECORD_SIGNING,
                        Map.of(SIGNED_ON, "2024-03-01", ENDS_ON, "2027-03-01", STAATSCOURANT_REFERENCE, "Stcrt. 1")));

        // part one and its gate
        as(
                LEAD,
                () -> submit(
                        deal,
                        COMPLETE_PART_ONE,
                        Map.of(
                                "partOneRelationships", "Wekelijks overleg met de partners",
                                "partOneGoals", "Twintig wijken aangesloten in 2026")));
        assertThat(shown(deal, PASS_PART_ONE_GATE))
                .containsEntry("partOneGoals", "Twintig wijken aangesloten in 2026")
                .containsEntry("partOneRelationships", "Wekelijks overleg met de partners");
        as(OFFICE, () -> submitAsTasklist(deal, PASS_PART_ONE_GATE, Map.of(PART_ONE_GATE_PASSED, true)));

        // the prompts, and the mid-term review that shows what they brought
        as(
                LEAD,
                () -> submit(
                        deal,
                        HOLD_OWNERSHIP_CONVERSATION,
                        Map.of(
                                "ownershipOutcome", "Het waterschap neemt het beheer over",
                                "futureOwners", "Waterschap Vallei")));
        as(
                LEAD,
                () -> submit(
                        deal,
                        EXPLORE_SCALING,
                        Map.of(
                                "scalingExplorationNotes", "Verkend: uitrol over de provincie",
                                "scalingCandidates", "Inbedden in provinciaal beleid")));
        // the answerability review shows who the deal's administrative leads are
        people.change(
                dealIdOf(deal),
                new DealPeople.Change(
                        List.of(),
                        List.of(new DealPeople.PersonChange(
                                "Wethouder De Vries", "Gemeente Deventer", "devries@deventer.nl")),
                        List.of()),
                OFFICE);
        fire(deal, ANSWERABILITY_REVIEW_DUE);
        assertThat(shown(deal, HOLD_ANSWERABILITY_REVIEW))
                .containsEntry(ADMINISTRATIVE_LEADS, "- Wethouder De Vries (Gemeente Deventer, devries@deventer.nl)");

        fire(deal, MID_TERM_REVIEW_DUE);
        assertThat(shown(deal, HOLD_MID_TERM_REVIEW))
                .containsEntry("ownershipOutcome", "Het waterschap neemt het beheer over")
                .containsEntry("futureOwners", "Waterschap Vallei")
                .containsEntry("scalingExplorationNotes", "Verkend: uitrol over de provincie")
                .containsEntry("scalingCandidates", "Inbedden in provinciaal beleid");
        as(
                OFFICE,
                () -> submitAsTasklist(
                        deal,
                        HOLD_MID_TERM_REVIEW,
                        Map.of("midTermAssessment", "Partners nog aan boord", "midTermOnTrack", true)));
        as(
                LEAD,
                () -> submit(
                        deal,
                        DELIVER_SCALING_PLAN,
                        Map.of(
                                "scalingPlanSummary", "Plan: drie provincies volgen",
                                "scalingPlanLink", "https://example.org/waterplan")));

        // the end of the experimentation and the assessment
        as(
                LEAD,
                () -> submit(
                        deal, CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_ACTION, "END_EARLY", EARLY_END_REASON, "Klaar")));
        as(OFFICE, () -> submit(deal, CONFIRM_EARLY_END_BY_PROGRAMME_OFFICE, Map.of(CONFIRMATION, "CONFIRM")));
        assertThat(shown(deal, ASSESS_OUTCOME))
                .containsEntry(AMBITION, "Ambitie: schoon water in elke wijk")
                .containsEntry("partOneGoals", "Twintig wijken aangesloten in 2026")
                .containsEntry("ownershipOutcome", "Het waterschap neemt het beheer over")
                .containsEntry("futureOwners", "Waterschap Vallei")
                .containsEntry("scalingExplorationNotes", "Verkend: uitrol over de provincie")
                .containsEntry("scalingCandidates", "Inbedden in provinciaal beleid")
                .containsEntry("scalingPlanSummary", "Plan: drie provincies volgen")
                .containsEntry("scalingPlanLink", "https://example.org/waterplan");
        Map<String, Object> assessment = Map.of(
                OUTCOME, "ACHIEVED",
                OWNERSHIP_SECURED, true,
                STRUCTURAL_FUNDING_FOUND, true,
                NATIONAL_RELEVANCE, false,
                REGULATION_IS_BARRIER, false,
                PARTIES_WANT_TO_CONTINUE, true);
        as(LEAD, () -> submitAsTasklist(deal, ASSESS_OUTCOME, assessment));

        // the scaling decision: proposed by the deal lead, confirmed by the programme office
        Map<String, Object> proposal = shown(deal, DECIDE_SCALING_ROUTES);
        assertThat(proposal).containsAllEntriesOf(assessment);
        assertThat((String) proposal.get(SCALING_ADVICE))
                .as("the advice with its reasons")
                .contains("Resultaat bereikt, eigenaar en structureel geld gevonden: inbedden in regulier beleid");
        Map<String, Object> routes = new HashMap<>();
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
            routes.put(route, route.equals(ROUTE_EMBED_IN_POLICY));
        }
        routes.put(SCALING_DECISION_RATIONALE, "Het waterschap wil het structureel beheren");
        as(LEAD, () -> submitAsTasklist(deal, DECIDE_SCALING_ROUTES, routes));

        Map<String, Object> confirmation = shown(deal, CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE);
        assertThat(confirmation)
                .containsAllEntriesOf(assessment)
                .containsEntry(SCALING_ADVICE, proposal.get(SCALING_ADVICE))
                .containsEntry(SCALING_DECISION_RATIONALE, "Het waterschap wil het structureel beheren")
                .containsEntry(ROUTE_EMBED_IN_POLICY, true);
        as(
                OFFICE,
                () -> submitAsTasklist(
                        deal, CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE, Map.of(CONFIRMATION, "CONFIRM")));

        BpmnAwareTests.assertThat(deal).isWaitingAt(HAND_OVER_EMBED_IN_POLICY);
    }

    // --- helpers

    /**
     * What the task's form shows from before: the values of its read-only fields and of the variables its text views
     * name in their templates, as the task's form variables hold them (which is what Tasklist loads).
     */
    Map<String, Object> shown(ProcessInstance deal, String activityId) {
        Task task = task(deal, activityId);
        Set<String> names = new TreeSet<>();
        collectShown(deployedForm(task), names);
        assertThat(names).as(activityId + " shows something from before").isNotEmpty();
        return new HashMap<>(formService.getTaskFormVariables(task.getId(), names, true));
    }

    /** Submits the answers as Tasklist does: with the read-only fields sent back as they were shown. */
    void submitAsTasklist(ProcessInstance deal, String activityId, Map<String, Object> answers) {
        Task task = task(deal, activityId);
        Set<String> readOnly = new TreeSet<>();
        collectReadOnly(deployedForm(task), readOnly);
        Map<String, Object> variables = new HashMap<>();
        formService.getTaskFormVariables(task.getId(), readOnly, true).forEach((name, value) -> {
            if (value != null) {
                variables.put(name, value);
            }
        });
        variables.putAll(answers);
        formService.submitTaskForm(task.getId(), variables);
    }

    void submit(ProcessInstance deal, String activityId, Map<String, Object> answers) {
        formService.submitTaskForm(task(deal, activityId).getId(), answers);
    }

    void as(String userId, Runnable step) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
        identity.setAuthentication(userId, groups);
        try {
            step.run();
        } finally {
            identity.clearAuthentication();
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

    /** Lets time pass until the timer is due, then fires it as the job executor would. */
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

    private static void collectShown(JsonNode node, Set<String> names) {
        for (JsonNode component : node.path("components")) {
            if (component.path("type").asText().equals("text")) {
                Matcher variable =
                        TEMPLATE_VARIABLE.matcher(component.path("text").asText());
                while (variable.find()) {
                    names.add(variable.group(1));
                }
            }
            collectShown(component, names);
        }
        collectReadOnly(node, names);
    }

    private static void collectReadOnly(JsonNode node, Set<String> names) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key") && component.path("readonly").asBoolean(false)) {
                names.add(component.get("key").asText());
            }
            collectReadOnly(component, names);
        }
    }

    /** The id of the instance's deal (its variable dealId; the business key is the deal's reference). */
    private String dealIdOf(ProcessInstance instance) {
        return DealInstances.dealIdOf(historyService, instance.getId()).orElseThrow();
    }
}
