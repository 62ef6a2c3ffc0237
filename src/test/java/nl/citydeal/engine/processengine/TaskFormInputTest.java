package nl.citydeal.engine.processengine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
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
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealDecisionRepository;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.lesson.Lesson;
import nl.citydeal.engine.lesson.LessonTag;
import nl.citydeal.engine.lesson.Lessons;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a task's form opens with and what it must hold: every form opens without an earlier task's answer (the model
 * resets each field by a task-local input parameter), only read-only context is shown from before, tasks that run at
 * the same time do not overwrite each other's answers, and the gates refuse what they do not mean (resources without a
 * description or a view on money, a send-back or abandonment or a refused part-one gate without remarks).
 */
@CityDealSpringTest
class TaskFormInputTest {

    static final String LEAD = "anna";
    static final String OFFICE = "olaf";
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The only editable fields a form may open filled in: the route boxes of the scaling decision, pre-ticked by the
     * decision table {@code scaling-route-advice} right before the task, which sets every one of them each time; and
     * the scaling exploration's boxes of what the deal means to scale, ticked as the registry holds it (set before
     * every user task, {@code RegistryVariables}), which the exploration sharpens.
     */
    static final Map<String, Set<String>> ADVISED = Map.of(
            "explore-scaling",
            Set.of(SCALES_PRACTICE, SCALES_INSTRUMENT, SCALES_KNOWLEDGE, SCALES_REGULATION_CHANGE),
            "decide-scaling-routes",
            Set.of(
                    ROUTE_FOLLOW_UP_DEAL,
                    ROUTE_EXTENSION,
                    ROUTE_EMBED_IN_POLICY,
                    ROUTE_CHANGE_REGULATION,
                    ROUTE_OTHER_DEAL_FORM,
                    ROUTE_MERGE,
                    ROUTE_KNOWLEDGE_NETWORK,
                    ROUTE_NATIONAL_ROLLOUT,
                    ROUTE_STOP));

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
    DealDecisionRepository decisions;

    @Autowired
    Lessons lessons;

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

    // --- the model

    @Test
    void everyUserTaskResetsEachEditableFieldOfItsFormAndLeavesReadOnlyContextAlone() throws IOException {
        List<String> problems = new ArrayList<>();
        for (UserTask task : cityDeal().getModelElementsByType(UserTask.class)) {
            Map<String, String> inputs = inputs(task);
            Map<String, Boolean> fields = fields(task.getCamundaFormRef());
            Set<String> advised = ADVISED.getOrDefault(task.getCamundaFormRef(), Set.of());
            Set<String> lists = checklists(task.getCamundaFormRef());
            fields.forEach((key, readOnly) -> {
                String value = inputs.get(key);
                if (readOnly || advised.contains(key)) {
                    if (value != null) {
                        problems.add(task.getId() + " resets " + key + ", which it shows as given");
                    }
                } else if (value == null) {
                    problems.add(task.getId() + " does not reset " + key);
                } else if (lists.contains(key) ? !value.equals("[]") : !value.isBlank() && !value.equals("${false}")) {
                    problems.add(task.getId() + " opens " + key + " with " + value);
                }
            });
        }
        assertThat(problems).as("fields a task opens with an earlier answer").isEmpty();
    }

    @Test
    void tasksThatRunAtTheSameTimeHandOnTheirAnswersUnderNamesOfTheirOwn() {
        BpmnModelInstance model = cityDeal();
        List<String> clashes = new ArrayList<>();
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
            if (gateway.getOutgoing().size() < 2
                    || gateway.getElementType().getTypeName().equals("exclusiveGateway")) {
                continue;
            }
            Map<String, String> writtenBy = new HashMap<>();
            for (SequenceFlow flow : gateway.getOutgoing()) {
                FlowNode target = flow.getTarget();
                if (target instanceof UserTask task) {
                    for (String output : outputs(task)) {
                        String other = writtenBy.put(output, task.getId());
                        if (other != null) {
                            clashes.add(output + " from " + other + " and " + task.getId());
                        }
                    }
                }
            }
        }
        assertThat(clashes).as("answers of parallel tasks under one name").isEmpty();
    }

    // --- running deals

    @Test
    void theNextScreeningOpensUntickedAndEmpty() {
        ProcessInstance deal = register();

        answer(deal, SCREEN_PARTICIPANT, screening("Gemeente Zwolle", true));
        Task second = task(deal, SCREEN_PARTICIPANT);

        VariableMap opened = formService.getTaskFormVariables(second.getId());
        assertThat(opened.get(MORE_PARTICIPANTS)).isEqualTo(false);
        assertThat(opened.get(PARTICIPANT_NAME)).isNull();
        assertThat(opened.get(PARTICIPANT_ACCEPTED)).isEqualTo(false);
        answer(deal, SCREEN_PARTICIPANT, screening("Waterschap Vechtstromen", false));
        BpmnAwareTests.assertThat(deal).isWaitingAt(SECURE_COMMITMENT);
        assertThat(runtimeService.getVariable(deal.getId(), PARTICIPANTS_SCREENED))
                .isEqualTo(2);
    }

    @Test
    void parallelHandOversKeepTheirOwnAnswers() {
        ProcessInstance deal = atScalingDecision(signed(prepared(register(), "ONE_PART")));
        decide(
                deal,
                routes(Set.of(ROUTE_EMBED_IN_POLICY, ROUTE_MERGE, ROUTE_KNOWLEDGE_NETWORK, ROUTE_NATIONAL_ROLLOUT)));

        answer(
                deal,
                HAND_OVER_EMBED_IN_POLICY,
                Map.of(RECEIVING_ORGANISATION, "Ministerie van BZK", HAND_OVER_AGREEMENTS, "In de beleidsagenda"));
        answer(
                deal,
                HAND_OVER_MERGE,
                Map.of(RECEIVING_ORGANISATION, "City Deal Klimaatadaptatie", HAND_OVER_AGREEMENTS, "Als werkgroep"));
        answer(
                deal,
                HAND_OVER_KNOWLEDGE_NETWORK,
                Map.of(KNOWLEDGE_PRODUCTS, "Handreiking en netwerk", RECEIVING_ORGANISATION, "VNG"));
        answer(
                deal,
                HAND_OVER_NATIONAL_ROLLOUT,
                Map.of(RECEIVING_ORGANISATION, "CCV", HAND_OVER_AGREEMENTS, "Uitrol in drie jaar"));

        BpmnAwareTests.assertThat(deal).isWaitingAt(SHARE_LESSONS);
        Map<String, Object> variables = runtimeService.getVariables(deal.getId());
        assertThat(variables)
                .containsEntry(EMBED_IN_POLICY_RECEIVING_ORGANISATION, "Ministerie van BZK")
                .containsEntry(EMBED_IN_POLICY_HAND_OVER_AGREEMENTS, "In de beleidsagenda")
                .containsEntry(MERGE_RECEIVING_ORGANISATION, "City Deal Klimaatadaptatie")
                .containsEntry(MERGE_HAND_OVER_AGREEMENTS, "Als werkgroep")
                .containsEntry(KNOWLEDGE_NETWORK_RECEIVING_ORGANISATION, "VNG")
                .containsEntry(KNOWLEDGE_PRODUCTS, "Handreiking en netwerk")
                .containsEntry(NATIONAL_ROLLOUT_RECEIVING_ORGANISATION, "CCV")
                .containsEntry(NATIONAL_ROLLOUT_HAND_OVER_AGREEMENTS, "Uitrol in drie jaar")
                .doesNotContainKeys(RECEIVING_ORGANISATION, HAND_OVER_AGREEMENTS);
    }

    /**
     * One deal through every loop of the model, each task answered with text of its own: screening twice, resources
     * missing, a send-back, a refused part-one gate, a late joiner, a term change, two answerability reviews, an
     * extension and a second scaling decision. Every task opens without an earlier answer ({@link #answer}); the
     * commitment shows the send-back's remarks as read-only context.
     */
    @Test
    void aDealThroughEveryLoopOpensEachTaskWithoutAnEarlierAnswer() {
        ProcessInstance deal = register();
        answer(deal, SCREEN_PARTICIPANT, screening("Gemeente Zwolle", true));
        answer(deal, SCREEN_PARTICIPANT, screening("Waterschap Vechtstromen", false));
        answer(deal, SECURE_COMMITMENT, Map.of("commitmentDescription", "Wethouders", RESOURCES_COMMITTED, false));
        prepare(deal, "TWO_PART");
        answer(
                deal,
                REVIEW_PROPOSAL,
                Map.of(REVIEW_DECISION, "SEND_BACK", REVIEW_REMARKS, "Middelen voor uitvoering onduidelijk"));

        assertThat(formService
                        .getTaskFormVariables(task(deal, SECURE_COMMITMENT).getId())
                        .get(REVIEW_REMARKS))
                .as("the send-back's remarks, read-only on the commitment")
                .isEqualTo("Middelen voor uitvoering onduidelijk");
        prepare(deal, "TWO_PART");
        answer(deal, REVIEW_PROPOSAL, Map.of(REVIEW_DECISION, "APPROVE"));
        signed(deal);

        answer(deal, COMPLETE_PART_ONE, Map.of("partOneRelationships", "Netwerk", "partOneGoals", "Twee doelen"));
        answer(
                deal,
                PASS_PART_ONE_GATE,
                Map.of(PART_ONE_GATE_PASSED, false, PART_ONE_GATE_REMARKS, "Doelen nog niet meetbaar"));
        answer(deal, COMPLETE_PART_ONE, Map.of("partOneRelationships", "Netwerk", "partOneGoals", "Drie doelen"));
        answer(deal, PASS_PART_ONE_GATE, Map.of(PART_ONE_GATE_PASSED, true));
        answer(deal, CONDUCT_EXPERIMENT, Map.of("experimentProgress", "Pilots", EXPERIMENT_ACTION, "JOIN_PARTICIPANT"));
        answer(deal, SCREEN_LATE_PARTICIPANT, lateScreening("Gemeente Ede"));
        answer(deal, CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_ACTION, "CHANGE_TERM"));
        answer(
                deal,
                CHANGE_TERM,
                Map.of(
                        NEW_ENDS_ON,
                        "2027-09-01",
                        "extensionReference",
                        "Stcrt. 2025, 7",
                        TERM_CHANGE_REASON,
                        "Vertraging"));
        fire(deal, ANSWERABILITY_REVIEW_DUE);
        answer(deal, HOLD_ANSWERABILITY_REVIEW, Map.of("answerabilityNotes", "Wethouders aangesproken"));
        fire(deal, ANSWERABILITY_REVIEW_DUE);
        answer(deal, HOLD_ANSWERABILITY_REVIEW, Map.of("answerabilityNotes", "Afspraken nagekomen"));
        endEarly(deal);
        answer(deal, ASSESS_OUTCOME, outcome());
        decide(deal, routes(Set.of(ROUTE_EXTENSION)));
        answer(
                deal,
                RECORD_EXTENSION,
                Map.of(
                        NEW_ENDS_ON,
                        "2028-03-01",
                        "extensionReference",
                        "Stcrt. 2026, 9",
                        TERM_CHANGE_REASON,
                        "Opschalen"));
        endEarly(deal);
        answer(deal, ASSESS_OUTCOME, outcome());
        decide(deal, routes(Set.of(ROUTE_EMBED_IN_POLICY, ROUTE_STOP)));
        answer(
                deal,
                HAND_OVER_EMBED_IN_POLICY,
                Map.of(RECEIVING_ORGANISATION, "Ministerie van BZK", HAND_OVER_AGREEMENTS, "In de beleidsagenda"));
        answer(deal, RECORD_STOP, Map.of(STOP_REASON, "Geen tweede pilot"));
        answer(deal, SHARE_LESSONS, Map.of(POSITIVE_LESSONS, "Vroeg begonnen", NEGATIVE_LESSONS, "Te weinig geld"));
        answer(deal, CLOSE_DEAL, Map.of(FINAL_REPORT, "Eindrapport"));

        BpmnAwareTests.assertThat(deal).isEnded();
        assertThat(decisions.findByDealIdOrderByDecidedAtAscIdAsc(dealIdOf(deal)))
                .filteredOn(decision -> decision.getKind() == DealDecision.Kind.PROPOSAL_REVIEWED)
                .extracting(DealDecision::getSummary)
                .containsExactly("SEND_BACK: Middelen voor uitvoering onduidelijk", "APPROVE");
    }

    // --- the gates

    @Test
    void resourcesCountAsCommittedOnlyWithTheirDescriptionAndAViewOnMoneyForTheExecution() {
        ProcessInstance deal = register();
        answer(deal, SCREEN_PARTICIPANT, screening("Gemeente Zwolle", false));
        Task commitment = task(deal, SECURE_COMMITMENT);

        assertThatThrownBy(() -> formService.submitTaskForm(
                        commitment.getId(),
                        Map.of(
                                RESOURCES_COMMITTED,
                                true,
                                "commitmentDescription",
                                "Wethouders",
                                EXECUTION_FUNDING_VIEW,
                                "Rijksbijdrage")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("Beschrijf de toegezegde middelen (per partij: bedrag, fte of andere inzet); zonder die"
                        + " beschrijving tellen de middelen niet als toegezegd.");
        assertThatThrownBy(() -> formService.submitTaskForm(
                        commitment.getId(),
                        Map.of(RESOURCES_COMMITTED, true, RESOURCES_DESCRIPTION, "0,5 fte per gemeente")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageStartingWith("Geef aan waar het geld voor de uitvoering vandaan kan komen");
        BpmnAwareTests.assertThat(deal).isWaitingAt(SECURE_COMMITMENT);
        assertThat(taskService.createTaskQuery().taskId(commitment.getId()).count())
                .isEqualTo(1);

        formService.submitTaskForm(
                commitment.getId(),
                Map.of(RESOURCES_COMMITTED, true, RESOURCES_DESCRIPTION, "0,5 fte", EXECUTION_FUNDING_VIEW, "Rijk"));
        BpmnAwareTests.assertThat(deal).isWaitingAt(AGREE_SETUP);
    }

    @Test
    void noResourcesYetNeedsNoDescriptionAndBringsTheTaskBack() {
        ProcessInstance deal = register();
        answer(deal, SCREEN_PARTICIPANT, screening("Gemeente Zwolle", false));

        answer(deal, SECURE_COMMITMENT, Map.of("commitmentDescription", "Wethouders", RESOURCES_COMMITTED, false));

        BpmnAwareTests.assertThat(deal).isWaitingAt(SECURE_COMMITMENT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SEND_BACK", "ABANDON"})
    void sendingBackOrAbandoningAProposalNeedsRemarks(String decision) {
        ProcessInstance deal = register();
        answer(deal, SCREEN_PARTICIPANT, screening("Gemeente Zwolle", false));
        prepare(deal, "ONE_PART");
        Task review = task(deal, REVIEW_PROPOSAL);

        assertThatThrownBy(() -> formService.submitTaskForm(
                        review.getId(), Map.of(REVIEW_DECISION, decision, REVIEW_REMARKS, "  ")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("Geef bij terugsturen of afblazen opmerkingen: wat ontbreekt er, of waarom stopt de deal?");

        BpmnAwareTests.assertThat(deal).isWaitingAt(REVIEW_PROPOSAL);
        assertThat(decisions.findByDealIdOrderByDecidedAtAscIdAsc(dealIdOf(deal)))
                .noneMatch(recorded -> recorded.getKind() == DealDecision.Kind.PROPOSAL_REVIEWED);
    }

    @Test
    void refusingThePartOneGateNeedsRemarks() {
        ProcessInstance deal = signed(prepared(register(), "TWO_PART"));
        answer(deal, COMPLETE_PART_ONE, Map.of("partOneRelationships", "Netwerk", "partOneGoals", "Twee doelen"));
        Task gate = task(deal, PASS_PART_ONE_GATE);

        assertThatThrownBy(() -> formService.submitTaskForm(gate.getId(), Map.of(PART_ONE_GATE_PASSED, false)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageStartingWith("Geef in de opmerkingen aan wat er nog nodig is");

        BpmnAwareTests.assertThat(deal).isWaitingAt(PASS_PART_ONE_GATE);
        formService.submitTaskForm(gate.getId(), Map.of(PART_ONE_GATE_PASSED, true));
        BpmnAwareTests.assertThat(deal).isWaitingAt(CONDUCT_EXPERIMENT);
    }

    /**
     * The share-lessons task as Tasklist sends it: each checklist as a JSON array of tag names in text (the type it
     * opened with). The tags of each side and the choice to keep the lessons internal are stored with every lesson;
     * a name that is no tag is refused in Dutch, the task stays open and nothing is shared.
     */
    @Test
    void sharingLessonsStoresTheTagsOfEachSideAndTheInternalChoiceAndRefusesAnUnknownTag() {
        ProcessInstance deal = register();
        answer(deal, SCREEN_PARTICIPANT, screening("Gemeente Zwolle", false));
        prepare(deal, "ONE_PART");
        answer(deal, REVIEW_PROPOSAL, Map.of(REVIEW_DECISION, "ABANDON", REVIEW_REMARKS, "Geen geld voor uitvoering"));
        Task share = task(deal, SHARE_LESSONS);
        assertThat(formService.getTaskFormVariables(share.getId()).get(POSITIVE_LESSON_TAGS))
                .as("a checklist opens as the empty list in text")
                .isEqualTo("[]");

        Map<String, Object> unknown = new HashMap<>(Map.of(
                POSITIVE_LESSONS, "Vroeg gesproken",
                POSITIVE_LESSON_TAGS, "[\"TIMING\"]",
                NEGATIVE_LESSONS, "Geen middelen",
                NEGATIVE_LESSON_TAGS, "[\"MIDDELEN\",\"GELD\"]",
                LESSONS_INTERNAL, false));
        assertThatThrownBy(() -> formService.submitTaskForm(share.getId(), unknown))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'GELD' is geen les uit het onderzoek; kies bij de negatieve lessen uit Vorm, Middelen,"
                        + " Afrekenbaarheid, Deelnemers, Timing, Procesvaardigheid, Mislukken, Eigenaarschap.");
        BpmnAwareTests.assertThat(deal).isWaitingAt(SHARE_LESSONS);
        assertThat(lessons.ofDeal(dealIdOf(deal))).isEmpty();

        answer(
                deal,
                SHARE_LESSONS,
                Map.of(
                        POSITIVE_LESSONS, "Vroeg gesproken over opschaling\n\nWethouders bleven aanspreekbaar",
                        POSITIVE_LESSON_TAGS, "[\"TIMING\",\"AFREKENBAARHEID\"]",
                        NEGATIVE_LESSONS, "Geen middelen voor de uitvoering",
                        NEGATIVE_LESSON_TAGS, "[\"MIDDELEN\"]",
                        LESSONS_INTERNAL, true));

        assertThat(lessons.ofDeal(dealIdOf(deal)))
                .extracting(Lesson::getText, Lesson::isPositive, Lesson::getTags, Lesson::isInternal)
                .containsExactlyInAnyOrder(
                        Assertions.tuple(
                                "Vroeg gesproken over opschaling",
                                true,
                                Set.of(LessonTag.TIMING, LessonTag.AFREKENBAARHEID),
                                true),
                        Assertions.tuple(
                                "Wethouders bleven aanspreekbaar",
                                true,
                                Set.of(LessonTag.TIMING, LessonTag.AFREKENBAARHEID),
                                true),
                        Assertions.tuple("Geen middelen voor de uitvoering", false, Set.of(LessonTag.MIDDELEN), true));
    }

    // --- the steps, as Tasklist takes them

    /**
     * Checks that the task's form opens with none of its editable fields filled in (a checkbox unticked), but the
     * advised route boxes, then submits the answers as Tasklist does.
     */
    /** The deal lead proposes to end the experimentation early; the programme office confirms. */
    void endEarly(ProcessInstance deal) {
        as(
                LEAD,
                () -> answer(
                        deal, CONDUCT_EXPERIMENT, Map.of(EXPERIMENT_ACTION, "END_EARLY", EARLY_END_REASON, "Klaar")));
        as(OFFICE, () -> answer(deal, CONFIRM_EARLY_END_BY_PROGRAMME_OFFICE, Map.of(CONFIRMATION, "CONFIRM")));
    }

    /** The deal lead proposes the scaling decision; the programme office confirms. */
    void decide(ProcessInstance deal, Map<String, Object> routes) {
        as(LEAD, () -> answer(deal, DECIDE_SCALING_ROUTES, routes));
        as(OFFICE, () -> answer(deal, CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE, Map.of(CONFIRMATION, "CONFIRM")));
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

    void answer(ProcessInstance deal, String activityId, Map<String, Object> answers) {
        Task task = task(deal, activityId);
        VariableMap opened = formService.getTaskFormVariables(task.getId());
        JsonNode form = deployedForm(task);
        Set<String> advised = ADVISED.getOrDefault(form.path("id").asText(), Set.of());
        Map<String, Object> filledIn = new LinkedHashMap<>();
        editableFields(form).forEach(key -> {
            Object value = opened.get(key);
            if (!advised.contains(key) && value != null && !Boolean.FALSE.equals(value) && !"[]".equals(value)) {
                filledIn.put(key, value);
            }
        });
        assertThat(filledIn).as(activityId + " opens with earlier answers").isEmpty();
        formService.submitTaskForm(task.getId(), answers);
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

    ProcessInstance register() {
        return runtimeService.startProcessInstanceByKey(
                CityDealProcess.KEY,
                Map.of(
                        DEAL_NAME,
                        "City Deal Formulieren",
                        THEME,
                        "klimaatadaptatie",
                        LEAD_ORGANISATION,
                        "Gemeente Zwolle",
                        DEAL_LEAD,
                        LEAD,
                        AMBITION,
                        "Klimaatbestendige steden"));
    }

    static Map<String, Object> screening(String participant, boolean more) {
        Map<String, Object> answers = new HashMap<>(lateScreening(participant));
        answers.put(MORE_PARTICIPANTS, more);
        return answers;
    }

    static Map<String, Object> lateScreening(String participant) {
        return Map.of(
                PARTICIPANT_NAME,
                participant,
                PARTICIPANT_TYPE,
                "MUNICIPALITY",
                PARTICIPANT_ADDED_VALUE,
                "Pilotlocaties van " + participant,
                PARTICIPANT_ACCEPTED,
                true);
    }

    /** Commitment with resources and the setup, up to the review. */
    void prepare(ProcessInstance deal, String setup) {
        answer(
                deal,
                SECURE_COMMITMENT,
                Map.of(
                        "commitmentDescription",
                        "Wethouders van vijf gemeenten",
                        RESOURCES_COMMITTED,
                        true,
                        RESOURCES_DESCRIPTION,
                        "0,5 fte per gemeente",
                        EXECUTION_FUNDING_VIEW,
                        "Rijksbijdrage 2 mln"));
        answer(
                deal,
                AGREE_SETUP,
                Map.of("rulesOfTheGame", "Gelijkwaardig", "sharedDirection", "Klimaatbestendig", SETUP, setup));
    }

    ProcessInstance prepared(ProcessInstance deal, String setup) {
        answer(deal, SCREEN_PARTICIPANT, screening("Gemeente Zwolle", false));
        prepare(deal, setup);
        answer(deal, REVIEW_PROPOSAL, Map.of(REVIEW_DECISION, "APPROVE"));
        return deal;
    }

    ProcessInstance signed(ProcessInstance deal) {
        answer(
                deal,
                RECORD_SIGNING,
                Map.of(SIGNED_ON, "2024-03-01", ENDS_ON, "2027-03-01", STAATSCOURANT_REFERENCE, "Stcrt. 2024, 1"));
        return deal;
    }

    ProcessInstance atScalingDecision(ProcessInstance deal) {
        endEarly(deal);
        answer(deal, ASSESS_OUTCOME, outcome());
        return deal;
    }

    static Map<String, Object> outcome() {
        return Map.of(
                OUTCOME,
                "PARTLY",
                OWNERSHIP_SECURED,
                true,
                STRUCTURAL_FUNDING_FOUND,
                false,
                NATIONAL_RELEVANCE,
                true,
                REGULATION_IS_BARRIER,
                false,
                PARTIES_WANT_TO_CONTINUE,
                true);
    }

    /** The decision form as submitted: every route box (ticked if named), with a rationale. */
    static Map<String, Object> routes(Set<String> ticked) {
        Map<String, Object> answers = new HashMap<>();
        ADVISED.get("decide-scaling-routes").forEach(route -> answers.put(route, ticked.contains(route)));
        answers.put(SCALING_DECISION_RATIONALE, "Besproken met het programmabureau");
        return answers;
    }

    /** Lets time pass until the timer is due, then fires it as the job executor would. */
    void fire(ProcessInstance deal, String activityId) {
        Job job = managementService
                .createJobQuery()
                .processInstanceId(deal.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
        Assertions.assertThat(job).as("timer " + activityId).isNotNull();
        ClockUtil.setCurrentTime(job.getDuedate());
        managementService.executeJob(job.getId());
    }

    // --- reading the model and its forms

    private static BpmnModelInstance cityDeal() {
        return Bpmn.readModelFromFile(new File("processes/city-deal.bpmn"));
    }

    private JsonNode deployedForm(Task task) {
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            return JSON.readTree(form);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of a form's fields that a user fills in, with whether each is read-only. */
    private static Map<String, Boolean> fields(String formId) throws IOException {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        collect(JSON.readTree(Path.of("forms", formId + ".form").toFile()), fields);
        return fields;
    }

    /**
     * The checklists of a form: each opens as text {@code []}, the empty list, because Tasklist sends a list as the
     * type of the variable it opened with (text) and would send JSON otherwise, which the engine cannot store.
     */
    private static Set<String> checklists(String formId) throws IOException {
        Set<String> keys = new TreeSet<>();
        JSON.readTree(Path.of("forms", formId + ".form").toFile())
                .path("components")
                .forEach(component -> {
                    if (component.path("type").asText().equals("checklist")) {
                        keys.add(component.path("key").asText());
                    }
                });
        return keys;
    }

    private static Set<String> editableFields(JsonNode form) {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        collect(form, fields);
        Set<String> editable = new TreeSet<>();
        fields.forEach((key, readOnly) -> {
            if (!readOnly) {
                editable.add(key);
            }
        });
        return editable;
    }

    private static void collect(JsonNode node, Map<String, Boolean> fields) {
        for (JsonNode component : node.path("components")) {
            String type = component.path("type").asText();
            if (component.hasNonNull("key") && !type.equals("text") && !type.equals("button")) {
                fields.put(
                        component.get("key").asText(),
                        component.path("readonly").asBoolean(false));
            }
            collect(component, fields);
        }
    }

    private static Map<String, String> inputs(UserTask task) {
        Map<String, String> inputs = new HashMap<>();
        io(task).forEach(io -> {
            for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
                inputs.put(
                        parameter.getCamundaName(), parameter.getTextContent().trim());
            }
        });
        return inputs;
    }

    private static Set<String> outputs(UserTask task) {
        Set<String> outputs = new TreeSet<>();
        io(task).forEach(io -> {
            for (CamundaOutputParameter parameter : io.getCamundaOutputParameters()) {
                outputs.add(parameter.getCamundaName());
            }
        });
        return outputs;
    }

    private static List<CamundaInputOutput> io(UserTask task) {
        if (task.getExtensionElements() == null) {
            return List.of();
        }
        return task.getExtensionElements()
                .getElementsQuery()
                .filterByType(CamundaInputOutput.class)
                .list();
    }

    /** The id of the instance's deal (its variable dealId; the business key is the deal's reference). */
    private String dealIdOf(ProcessInstance instance) {
        return DealInstances.dealIdOf(historyService, instance.getId()).orElseThrow();
    }
}
