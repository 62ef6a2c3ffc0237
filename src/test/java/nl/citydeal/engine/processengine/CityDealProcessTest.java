package nl.citydeal.engine.processengine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealDecisionRepository;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.ReviewOutcome;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.identity.TestUsers;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptStatus;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.prompt.engine.RaisePromptDelegate;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Every path of {@code city-deal}: preparation (approve, send back, abandon), signing, the timed prompts, one
 * and two parts, late joiners, term changes, early end, the scaling decision and each route; the ways out (abandoning,
 * a refused extension, a failed hand-over) and the joint decisions (proposed by one party, confirmed by the other).
 */
@CityDealSpringTest
@AlsoOnPostgres
@Import(ProcessCoverageConfiguration.class)
class CityDealProcessTest {

    static final String PROGRAMME_OFFICE = "programme-office";
    static final String LEAD = "anna";
    /** A member of the programme office, and a second one. */
    static final String OFFICE = "olaf";

    static final String OTHER_OFFICE = "otto";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    DealDecisionRepository decisions;

    @Autowired
    Prompts prompts;

    @Autowired
    DealRegistry registry;

    @Autowired
    nl.citydeal.engine.portfolio.ScalingReadiness readiness;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        if (engine.getIdentityService().createUserQuery().userId(LEAD).count() == 0) {
            engine.getIdentityService().saveUser(engine.getIdentityService().newUser(LEAD));
            engine.getIdentityService().createMembership(LEAD, Role.DEAL_LEAD.groupId());
        }
        TestUsers.ensure(engine.getIdentityService(), OFFICE, "Programma-Bureau-1", Role.PROGRAMME_OFFICE);
        TestUsers.ensure(engine.getIdentityService(), OTHER_OFFICE, "Programma-Bureau-2", Role.PROGRAMME_OFFICE);
        ClockUtil.setCurrentTime(
                Date.from(OffsetDateTime.parse("2024-02-01T10:00+01:00").toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    // --- Preparation

    @Test
    void aDealStartedFromTheStartFormIsRegisteredByWhoeverStartedIt() {
        ProcessInstance[] deal = new ProcessInstance[1];
        as(OFFICE, () -> deal[0] = register());

        Assertions.assertThat(decisionsOf(deal[0], DealDecision.Kind.REGISTERED))
                .extracting(DealDecision::getDecidedBy)
                .containsExactly(OFFICE);
    }

    @Test
    void registeredDealStartsWithTheDealLeadScreeningParticipantsAndItsReferenceAsBusinessKey() {
        ProcessInstance deal = register();

        String dealId = (String) runtimeService.getVariable(deal.getId(), DEAL_ID);
        assertThat(deal)
                .isWaitingAt(SCREEN_PARTICIPANT)
                .hasBusinessKey(registry.get(dealId).getReference());
        Assertions.assertThat(deal.getBusinessKey()).matches("CD-\\d{4}-\\d{3,}");
        assertThat(task()).isAssignedTo(LEAD);
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), PHASE)).isEqualTo("PREPARATION");
    }

    @Test
    void participantsAreScreenedOneByOneOnAddedValue() {
        ProcessInstance deal = register();

        screen(deal, "Gemeente Zwolle", true, true);
        screen(deal, "Adviesbureau X", false, true);
        screen(deal, "Waterschap Drents Overijsselse Delta", true, false);

        assertThat(deal).isWaitingAt(SECURE_COMMITMENT);
        Assertions.assertThat(runtimeService.getVariables(deal.getId()))
                .containsEntry(PARTICIPANTS_SCREENED, 3)
                .containsEntry(PARTICIPANTS_ACCEPTED, 2)
                .doesNotContainKey(PARTICIPANT_NAME);
    }

    @Test
    void preparationCannotPassItsGateWithoutCommittedResources() {
        ProcessInstance deal = register();
        screen(deal, "Gemeente Zwolle", true, false);

        complete(task(SECURE_COMMITMENT, deal), withVariables(RESOURCES_COMMITTED, false));

        assertThat(deal).isWaitingAt(SECURE_COMMITMENT);
        complete(
                task(SECURE_COMMITMENT, deal),
                withVariables(
                        RESOURCES_COMMITTED,
                        true,
                        RESOURCES_DESCRIPTION,
                        "Gemeenten 0,5 fte elk",
                        EXECUTION_FUNDING_VIEW,
                        "Rijksbijdrage 2 mln"));
        assertThat(deal).isWaitingAt(AGREE_SETUP);
    }

    @Test
    void programmeOfficeReviewsTheProposal() {
        ProcessInstance deal = register();
        screen(deal, "Gemeente Zwolle", true, false);
        commitAndAgree(deal, "ONE_PART");

        assertThat(deal).isWaitingAt(REVIEW_PROPOSAL);
        assertThat(task()).hasCandidateGroup(PROGRAMME_OFFICE);
    }

    @Test
    void proposalSentBackLoopsToCommitmentWithTheRemarks() {
        ProcessInstance deal = register();
        screen(deal, "Gemeente Zwolle", true, false);
        commitAndAgree(deal, "ONE_PART");

        complete(
                task(REVIEW_PROPOSAL, deal),
                withVariables(REVIEW_DECISION, "SEND_BACK", REVIEW_REMARKS, "Middelen voor uitvoering onduidelijk"));

        assertThat(deal).isWaitingAt(SECURE_COMMITMENT);
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), REVIEW_REMARKS))
                .isEqualTo("Middelen voor uitvoering onduidelijk");
        commitAndAgree(deal, "ONE_PART");
        approve(deal);
        assertThat(deal).isWaitingAt(RECORD_SIGNING);
    }

    @Test
    void eachReviewOfTheProposalIsRecordedWithItsOutcomeAsTypedState() {
        ProcessInstance deal = register();
        screen(deal, "Gemeente Zwolle", true, false);
        commitAndAgree(deal, "ONE_PART");
        complete(
                task(REVIEW_PROPOSAL, deal),
                withVariables(REVIEW_DECISION, "SEND_BACK", REVIEW_REMARKS, "Middelen voor uitvoering onduidelijk"));
        commitAndAgree(deal, "ONE_PART");
        approve(deal);

        String dealId = (String) runtimeService.getVariable(deal.getId(), DEAL_ID);
        Assertions.assertThat(decisions.findByDealIdOrderByDecidedAtAscIdAsc(dealId))
                .filteredOn(decision -> decision.getKind() == DealDecision.Kind.PROPOSAL_REVIEWED)
                .extracting(DealDecision::getOutcome, DealDecision::getSummary)
                .containsExactly(
                        Assertions.tuple(ReviewOutcome.SEND_BACK, "SEND_BACK: Middelen voor uitvoering onduidelijk"),
                        Assertions.tuple(ReviewOutcome.APPROVE, "APPROVE"));
        Assertions.assertThat(decisions.findByDealIdOrderByDecidedAtAscIdAsc(dealId))
                .filteredOn(decision -> decision.getKind() != DealDecision.Kind.PROPOSAL_REVIEWED)
                .allSatisfy(
                        decision -> Assertions.assertThat(decision.getOutcome()).isNull());
    }

    @Test
    void abandonedProposalStillSharesLessonsAndCloses() {
        ProcessInstance deal = register();
        screen(deal, "Gemeente Zwolle", true, false);
        commitAndAgree(deal, "ONE_PART");

        complete(
                task(REVIEW_PROPOSAL, deal),
                withVariables(REVIEW_DECISION, "ABANDON", REVIEW_REMARKS, "Geen gedeelde opgave"));

        assertThat(deal).isWaitingAt(SHARE_LESSONS).hasNotPassed(RECORD_SIGNING);
        Assertions.assertThat(registry.get(dealIdOf(deal)).getAbandonReason()).isEqualTo("Geen gedeelde opgave");
        shareLessonsAndClose(deal, DealPhase.ABANDONED);
    }

    // --- Signing

    @Test
    void signingIsRecordedByTheProgrammeOffice() {
        ProcessInstance deal = prepared("ONE_PART");

        assertThat(deal).isWaitingAt(RECORD_SIGNING);
        assertThat(task()).hasCandidateGroup(PROGRAMME_OFFICE);
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), PHASE)).isEqualTo("SIGNING");
    }

    @Test
    void aDealPreparedInTheAppIsNotImportedEvenWhenItsSigningDateLiesBeforeItsRegistration() {
        // registered on 1 February 2024 (the clock of these tests), signed "on 15 January"
        ProcessInstance deal = signed("ONE_PART", "2024-01-15", "2027-01-15");

        nl.citydeal.engine.deal.Deal registered = registry.get(dealIdOf(deal));
        Assertions.assertThat(registered.getSignedOn())
                .isBefore(java.time.LocalDate.ofInstant(registered.getRegisteredAt(), java.time.ZoneOffset.UTC));
        Assertions.assertThat(registered.isImported()).isFalse();
        Assertions.assertThat(readiness.of(registered))
                .extracting(nl.citydeal.engine.portfolio.ScalingReadiness.Item::detail)
                .noneMatch(detail -> detail.contains("geïmporteerd"));
    }

    @ParameterizedTest(name = "{0} to {1} is refused: {2}")
    @CsvSource({
        "2024-03-01, 2024-02-28, moet na de datum van ondertekening",
        "2024-03-01, 2024-08-31, minstens 6 maanden",
        "2024-03-01, 2030-03-02, hoogstens 6 jaar",
        "2024-03-01, 1-3-2027, geen geldige datum"
    })
    void invalidTermIsRefusedWithAClearMessageAndChangesNothing(String signedOn, String endsOn, String message) {
        ProcessInstance deal = prepared("ONE_PART");
        Task signing = task(RECORD_SIGNING, deal);

        assertThatThrownBy(() -> taskService.complete(
                        signing.getId(),
                        withVariables(SIGNED_ON, signedOn, ENDS_ON, endsOn, STAATSCOURANT_REFERENCE, "Stcrt. 2024, 1")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(message);

        assertThat(deal).isWaitingAt(RECORD_SIGNING);
        Assertions.assertThat(runtimeService.getVariables(deal.getId())).doesNotContainKeys(SIGNED_ON, ENDS_ON);
    }

    // --- Prompts

    @Test
    void threeYearTermPlansEveryPromptAsTheWorkedExampleToTheDay() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        assertThat(deal)
                .isWaitingAt(
                        HOLD_OWNERSHIP_CONVERSATION,
                        EXPLORE_SCALING,
                        DELIVER_SCALING_PLAN,
                        MID_TERM_REVIEW_DUE,
                        CONDUCT_EXPERIMENT);
        assertDue(deal, OWNERSHIP_PROMPT_DUE, "2024-11-29T09:00+01:00");
        assertDue(deal, SCALING_EXPLORATION_DUE, "2025-05-13T09:00+02:00");
        assertDue(deal, MID_TERM_REVIEW_DUE, "2025-08-30T09:00+02:00");
        assertDue(deal, SCALING_PLAN_DUE, "2026-05-31T09:00+02:00");
        assertDue(deal, SCALING_PLAN_ESCALATION_DUE, "2026-09-17T09:00+02:00");
        assertDue(deal, ANSWERABILITY_REVIEW_DUE, "2024-09-01T09:00+02:00");
        assertDue(deal, TERM_ENDED, "2027-03-01T09:00+01:00");
        Assertions.assertThat(task(HOLD_OWNERSHIP_CONVERSATION, deal).getDueDate())
                .isEqualTo(date("2024-11-29T09:00+01:00"));
        Assertions.assertThat(task(DELIVER_SCALING_PLAN, deal).getDueDate()).isEqualTo(date("2026-05-31T09:00+02:00"));
    }

    @Test
    void promptTaskCarriesTheDealWithItsReferenceItsLessonAndItsDueAndReminderDates() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        Task ownership = task(HOLD_OWNERSHIP_CONVERSATION, deal);
        String reference = registry.get(dealIdOf(deal)).getReference();
        Assertions.assertThat(ownership.getName())
                .isEqualTo("Eigenaarschapsgesprek voeren — City Deal Klimaatadaptatie (%s)".formatted(reference));
        Assertions.assertThat(ownership.getDescription()).contains("Eigenaarschap");
        Assertions.assertThat(ownership.getDueDate()).isEqualTo(date("2024-11-29T09:00+01:00"));
        Assertions.assertThat(ownership.getFollowUpDate()).isEqualTo(date("2024-11-15T09:00+01:00"));

        fire(deal, MID_TERM_REVIEW_DUE);
        Task midTerm = task(HOLD_MID_TERM_REVIEW, deal);
        Assertions.assertThat(midTerm.getName()).endsWith("— City Deal Klimaatadaptatie (%s)".formatted(reference));
        Assertions.assertThat(midTerm.getDueDate()).isEqualTo(date("2025-08-30T09:00+02:00"));
    }

    @Test
    void oneYearTermKeepsTheScalingPlanAfterTheMidTermReview() {
        ProcessInstance deal = signed("ONE_PART", "2025-01-15", "2026-01-15");

        assertDue(deal, OWNERSHIP_PROMPT_DUE, "2025-04-16T09:00+02:00");
        assertDue(deal, SCALING_EXPLORATION_DUE, "2025-06-10T09:00+02:00");
        assertDue(deal, MID_TERM_REVIEW_DUE, "2025-07-16T09:00+02:00");
        assertDue(deal, SCALING_PLAN_DUE, "2025-10-15T09:00+02:00");
        assertDue(deal, SCALING_PLAN_ESCALATION_DUE, "2025-11-21T09:00+01:00");
    }

    @Test
    void longerTermCapsScalingPlanAndEscalationMonthsBeforeTheEnd() {
        ProcessInstance deal = signed("ONE_PART", "2025-01-15", "2026-05-15");

        assertDue(deal, MID_TERM_REVIEW_DUE, "2025-09-14T09:00+02:00");
        assertDue(deal, SCALING_PLAN_DUE, "2025-11-15T09:00+01:00");
        assertDue(deal, SCALING_PLAN_ESCALATION_DUE, "2026-02-15T09:00+01:00");
    }

    @Test
    void ownershipPromptFiresAtQuarterOfTermAndRaisesTheOpenTask() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        fire(deal, OWNERSHIP_PROMPT_DUE);

        assertThat(deal).hasPassed(OWNERSHIP_PROMPT_DUE).isWaitingAt(HOLD_OWNERSHIP_CONVERSATION);
        Assertions.assertThat(task(HOLD_OWNERSHIP_CONVERSATION, deal).getPriority())
                .isEqualTo(RaisePromptDelegate.RAISED_PRIORITY);
        Assertions.assertThat(timer(deal, OWNERSHIP_PROMPT_DUE)).isNull();
    }

    @Test
    void scalingExplorationAndScalingPlanPromptsRaiseTheirTasks() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        fire(deal, SCALING_EXPLORATION_DUE);
        fire(deal, SCALING_PLAN_DUE);

        Assertions.assertThat(task(EXPLORE_SCALING, deal).getPriority()).isEqualTo(RaisePromptDelegate.RAISED_PRIORITY);
        Assertions.assertThat(task(DELIVER_SCALING_PLAN, deal).getPriority())
                .isEqualTo(RaisePromptDelegate.RAISED_PRIORITY);
        Assertions.assertThat(task(HOLD_OWNERSHIP_CONVERSATION, deal).getPriority())
                .isEqualTo(Task.PRIORITY_NORMAL);
    }

    @Test
    void promptTaskDoneEarlyDoesNotFireAgain() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        complete(
                task(DELIVER_SCALING_PLAN, deal),
                withVariables("scalingPlanSummary", "Inbedden bij het Deltaprogramma"));
        complete(
                task(HOLD_OWNERSHIP_CONVERSATION, deal), withVariables("ownershipOutcome", "Provincie wordt eigenaar"));

        Assertions.assertThat(timer(deal, SCALING_PLAN_DUE)).isNull();
        Assertions.assertThat(timer(deal, SCALING_PLAN_ESCALATION_DUE)).isNull();
        Assertions.assertThat(timer(deal, OWNERSHIP_PROMPT_DUE)).isNull();
        Assertions.assertThat(runtimeService.getVariables(deal.getId()))
                .containsEntry(SCALING_PLAN_DELIVERED, true)
                .containsEntry(OWNERSHIP_CONVERSATION_HELD, true);
        assertThat(deal).isWaitingAt(EXPLORE_SCALING, MID_TERM_REVIEW_DUE, CONDUCT_EXPERIMENT);
    }

    @Test
    void missingScalingPlanEscalatesToTheProgrammeOffice() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        fire(deal, SCALING_PLAN_ESCALATION_DUE);

        assertThat(deal).isWaitingAt(ESCALATE_MISSING_SCALING_PLAN, DELIVER_SCALING_PLAN);
        assertThat(task(ESCALATE_MISSING_SCALING_PLAN, deal)).hasCandidateGroup(PROGRAMME_OFFICE);
        complete(task(ESCALATE_MISSING_SCALING_PLAN, deal), withVariables("escalationAction", "Gesprek met wethouder"));
        Assertions.assertThat(timer(deal, SCALING_PLAN_ESCALATION_DUE)).isNull();
    }

    @Test
    void deliveredScalingPlanEndsTheOpenEscalationWhichStopsCountingAsOverdue() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        fire(deal, SCALING_PLAN_DUE);
        fire(deal, SCALING_PLAN_ESCALATION_DUE);
        assertThat(deal).isWaitingAt(ESCALATE_MISSING_SCALING_PLAN, DELIVER_SCALING_PLAN);

        complete(
                task(DELIVER_SCALING_PLAN, deal),
                withVariables("scalingPlanSummary", "Inbedden bij het Deltaprogramma"));

        assertThat(deal).hasPassed(ESCALATION_RESOLVED).isNotWaitingAt(ESCALATE_MISSING_SCALING_PLAN);
        Assertions.assertThat(prompts.forDeal(dealIdOf(deal)))
                .filteredOn(p -> p.getKind() == PromptKind.SCALING_PLAN_ESCALATION)
                .singleElement()
                .satisfies(p -> {
                    Assertions.assertThat(p.getStatus()).isEqualTo(PromptStatus.DONE);
                    Assertions.assertThat(p.isOverdue(ClockUtil.getCurrentTime().toInstant()))
                            .isFalse();
                });
    }

    @Test
    void midTermReviewFallsToTheProgrammeOfficeOnce() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        fire(deal, MID_TERM_REVIEW_DUE);

        assertThat(task(HOLD_MID_TERM_REVIEW, deal)).hasCandidateGroup(PROGRAMME_OFFICE);
        complete(task(HOLD_MID_TERM_REVIEW, deal), withVariables("midTermAssessment", "Op koers"));
        Assertions.assertThat(timer(deal, MID_TERM_REVIEW_DUE)).isNull();
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), MID_TERM_REVIEW_HELD))
                .isEqualTo(true);
    }

    @Test
    void answerabilityReviewRecursEverySixMonthsOneAtATime() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        fire(deal, ANSWERABILITY_REVIEW_DUE);

        assertThat(task(HOLD_ANSWERABILITY_REVIEW, deal)).isAssignedTo(LEAD);
        Assertions.assertThat(task(HOLD_ANSWERABILITY_REVIEW, deal).getDueDate())
                .isEqualTo(date("2024-09-01T09:00+02:00"));
        Assertions.assertThat(timer(deal, ANSWERABILITY_REVIEW_DUE))
                .as("no second review while one is open")
                .isNull();
        complete(
                task(HOLD_ANSWERABILITY_REVIEW, deal),
                withVariables("answerabilityNotes", "Wethouders aangesproken op inzet"));
        assertThat(deal).isNotWaitingAt(HOLD_ANSWERABILITY_REVIEW).hasPassed(PLAN_NEXT_ANSWERABILITY_REVIEW);
        assertDue(deal, ANSWERABILITY_REVIEW_DUE, "2025-03-01T09:00+01:00");
    }

    @Test
    void aLateAnswerabilityReviewCoversTheDatesThatPassedAndTheNextOneComesAfterIt() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        fire(deal, ANSWERABILITY_REVIEW_DUE);

        ClockUtil.setCurrentTime(date("2025-04-10T10:00+02:00"));
        complete(
                task(HOLD_ANSWERABILITY_REVIEW, deal),
                withVariables("answerabilityNotes", "Wethouders laat aangesproken"));

        assertDue(deal, ANSWERABILITY_REVIEW_DUE, "2025-09-01T09:00+02:00");
        Assertions.assertThat(prompts.forDeal(dealIdOf(deal)))
                .filteredOn(p -> p.getKind() == PromptKind.ANSWERABILITY_REVIEW)
                .extracting(Prompt::getStatus, p -> p.getDueAt().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PromptStatus.DONE, "2024-09-01T07:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple(PromptStatus.PLANNED, "2025-09-01T07:00:00Z"));
    }

    @Test
    void theLastAnswerabilityReviewBeforeTheEndEndsTheRound() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2025-03-01");
        fire(deal, ANSWERABILITY_REVIEW_DUE);

        complete(
                task(HOLD_ANSWERABILITY_REVIEW, deal),
                withVariables("answerabilityNotes", "Wethouders aangesproken op inzet"));

        assertThat(deal).hasPassed(ANSWERABILITY_REVIEWS_HELD);
        Assertions.assertThat(timer(deal, ANSWERABILITY_REVIEW_DUE)).isNull();
    }

    @Test
    void aDealSignedLongAgoGetsOneOverdueReviewForTheMostRecentMissedDateNotAPile() {
        ProcessInstance deal = signed("ONE_PART", "2023-01-15", "2026-01-15");

        assertDue(deal, ANSWERABILITY_REVIEW_DUE, "2024-01-15T09:00+01:00");
        fire(deal, ANSWERABILITY_REVIEW_DUE);

        Instant now = date("2024-02-01T10:00+01:00").toInstant();
        ClockUtil.setCurrentTime(Date.from(now));
        Assertions.assertThat(prompts.forDeal(dealIdOf(deal)))
                .filteredOn(p -> p.getKind() == PromptKind.ANSWERABILITY_REVIEW)
                .singleElement()
                .satisfies(p -> Assertions.assertThat(p.isOverdue(now)).isTrue());
        Assertions.assertThat(overdueTasks(deal, now))
                .extracting(Task::getTaskDefinitionKey)
                .contains(HOLD_ANSWERABILITY_REVIEW);
        Assertions.assertThat(overduePrompts(deal, now))
                .isEqualTo(overdueTasks(deal, now).size());
    }

    // --- Experimentation

    @Test
    void twoPartDealPassesAGateBetweenPartOneAndPartTwo() {
        ProcessInstance deal = signed("TWO_PART", "2024-03-01", "2027-03-01");
        assertThat(deal).isWaitingAt(COMPLETE_PART_ONE).isNotWaitingAt(CONDUCT_EXPERIMENT);

        complete(task(COMPLETE_PART_ONE, deal), withVariables("partOneGoals", "Drie meetbare doelen"));
        assertThat(task(PASS_PART_ONE_GATE, deal)).hasCandidateGroup(PROGRAMME_OFFICE);
        complete(
                task(PASS_PART_ONE_GATE, deal),
                withVariables(PART_ONE_GATE_PASSED, false, PART_ONE_GATE_REMARKS, "Doelen nog niet meetbaar"));
        assertThat(deal).isWaitingAt(COMPLETE_PART_ONE);

        complete(task(COMPLETE_PART_ONE, deal), withVariables("partOneGoals", "Drie meetbare, realistische doelen"));
        complete(task(PASS_PART_ONE_GATE, deal), withVariables(PART_ONE_GATE_PASSED, true));
        assertThat(deal).isWaitingAt(CONDUCT_EXPERIMENT);
    }

    @Test
    void participantJoinsLaterAfterScreening() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        complete(task(CONDUCT_EXPERIMENT, deal), withVariables(EXPERIMENT_ACTION, "JOIN_PARTICIPANT"));
        assertThat(task(SCREEN_LATE_PARTICIPANT, deal)).isAssignedTo(LEAD);
        complete(
                task(SCREEN_LATE_PARTICIPANT, deal),
                withVariables(
                        PARTICIPANT_NAME,
                        "Gemeente Ede",
                        PARTICIPANT_TYPE,
                        "MUNICIPALITY",
                        PARTICIPANT_ADDED_VALUE,
                        "Pilotwijk",
                        PARTICIPANT_ACCEPTED,
                        true));

        assertThat(deal).isWaitingAt(CONDUCT_EXPERIMENT);
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), PARTICIPANTS_ACCEPTED))
                .isEqualTo(2);
    }

    @Test
    void extensionMovesEveryPromptThatHasNotFiredYet() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        fire(deal, OWNERSHIP_PROMPT_DUE);

        complete(task(CONDUCT_EXPERIMENT, deal), withVariables(EXPERIMENT_ACTION, "CHANGE_TERM"));
        assertThat(task(CHANGE_TERM, deal)).hasCandidateGroup(PROGRAMME_OFFICE);
        complete(
                task(CHANGE_TERM, deal),
                withVariables(
                        NEW_ENDS_ON,
                        "2028-03-01",
                        "extensionReference",
                        "Stcrt. 2026, 999",
                        "termChangeReason",
                        "Meer tijd voor pilots"));

        // 2024-03-01 to 2028-03-01 is 1461 days
        assertThat(deal).isWaitingAt(CONDUCT_EXPERIMENT);
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), ENDS_ON)).isEqualTo("2028-03-01");
        Assertions.assertThat(timer(deal, OWNERSHIP_PROMPT_DUE))
                .as("fired prompts stay fired")
                .isNull();
        assertDue(deal, SCALING_EXPLORATION_DUE, "2025-10-06T09:00+02:00");
        assertDue(deal, MID_TERM_REVIEW_DUE, "2026-03-01T09:00+01:00");
        assertDue(deal, SCALING_PLAN_DUE, "2027-03-01T09:00+01:00");
        assertDue(deal, SCALING_PLAN_ESCALATION_DUE, "2027-07-25T09:00+02:00");
        assertDue(deal, TERM_ENDED, "2028-03-01T09:00+01:00");
        Assertions.assertThat(task(EXPLORE_SCALING, deal).getDueDate()).isEqualTo(date("2025-10-06T09:00+02:00"));
        Assertions.assertThat(task(DELIVER_SCALING_PLAN, deal).getDueDate()).isEqualTo(date("2027-03-01T09:00+01:00"));
        Assertions.assertThat(task(HOLD_OWNERSHIP_CONVERSATION, deal).getDueDate())
                .as("the fired prompt's task moves with the term too")
                .isEqualTo(date("2025-03-01T09:00+01:00"));
    }

    @Test
    void everyPromptTaskDueDateMovesWithTheTermTheMidTermReviewAndEscalationIncluded() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        fire(deal, MID_TERM_REVIEW_DUE);
        fire(deal, SCALING_PLAN_ESCALATION_DUE);
        Assertions.assertThat(task(HOLD_MID_TERM_REVIEW, deal).getDueDate()).isEqualTo(date("2025-08-30T09:00+02:00"));

        complete(task(CONDUCT_EXPERIMENT, deal), withVariables(EXPERIMENT_ACTION, "CHANGE_TERM"));
        Task change = task(CHANGE_TERM, deal);
        engine.getIdentityService().setAuthentication("petra", List.of(PROGRAMME_OFFICE));
        try {
            // as Tasklist does it: the programme office, logged in, under the engine's query limit
            taskService.complete(
                    change.getId(),
                    withVariables(NEW_ENDS_ON, "2028-03-01", "termChangeReason", "Meer tijd voor pilots"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        Assertions.assertThat(task(HOLD_MID_TERM_REVIEW, deal).getDueDate()).isEqualTo(date("2026-03-01T09:00+01:00"));
        Assertions.assertThat(task(ESCALATE_MISSING_SCALING_PLAN, deal).getDueDate())
                .isEqualTo(date("2027-07-25T09:00+02:00"));
    }

    @Test
    void invalidTermChangeIsRefusedAndPromptsStay() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        complete(task(CONDUCT_EXPERIMENT, deal), withVariables(EXPERIMENT_ACTION, "CHANGE_TERM"));
        Task change = task(CHANGE_TERM, deal);

        assertThatThrownBy(() -> taskService.complete(
                        change.getId(), withVariables(NEW_ENDS_ON, "2031-03-01", "termChangeReason", "Te lang")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("hoogstens 6 jaar");

        assertThat(deal).isWaitingAt(CHANGE_TERM);
        assertDue(deal, TERM_ENDED, "2027-03-01T09:00+01:00");
    }

    @Test
    void dealLeadEndsTheExperimentationEarly() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        endEarly(deal);

        assertThat(deal).hasPassed(EXPERIMENTATION_ENDED_EARLY).isWaitingAt(ASSESS_OUTCOME);
        Assertions.assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(deal.getId())
                        .count())
                .isEqualTo(1);
        Assertions.assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(deal.getId())
                        .count())
                .isZero();
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), PHASE)).isEqualTo("SCALING_DECISION");
    }

    @Test
    void endOfTermClosesTheExperimentationAndItsOpenPrompts() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        fire(deal, MID_TERM_REVIEW_DUE);
        fire(deal, TERM_ENDED);

        assertThat(deal).isWaitingAt(ASSESS_OUTCOME);
        assertThat(task()).isAssignedTo(LEAD);
        Assertions.assertThat(prompts.forDeal(dealIdOf(deal)))
                .as("nothing of the experimentation stays planned or overdue")
                .noneMatch(Prompt::isOpen);
    }

    @Test
    void closingADealSettlesEveryPrompt() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        fire(deal, MID_TERM_REVIEW_DUE);
        endEarly(deal);
        complete(task(ASSESS_OUTCOME, deal), outcome("NOT_ACHIEVED", false, false, false, false, false));
        decide(deal, routes(Map.of(ROUTE_STOP, true)));
        complete(task(RECORD_STOP, deal), withVariables(STOP_REASON, "Geen draagvlak"));

        shareLessonsAndClose(deal);

        Assertions.assertThat(prompts.forDeal(dealIdOf(deal))).isNotEmpty().noneMatch(Prompt::isOpen);
    }

    // --- ScalingDecision

    @Test
    void adviceFollowsTheOutcomeAndIsPreTicked() {
        ProcessInstance deal = atScalingDecision(outcome("ACHIEVED", true, true, false, false, false));

        Map<String, Object> variables = runtimeService.getVariables(deal.getId());
        Assertions.assertThat(variables)
                .containsEntry(ROUTE_EMBED_IN_POLICY, true)
                .containsEntry(ROUTE_KNOWLEDGE_NETWORK, true)
                .containsEntry(ROUTE_STOP, false)
                .containsEntry(ROUTE_EXTENSION, false);
        Assertions.assertThat((String) variables.get(SCALING_ADVICE))
                .contains("Inbedden in regulier beleid")
                .contains("Kennisnetwerk");
        Task decision = task(DECIDE_SCALING_ROUTES, deal);
        assertThat(decision).isAssignedTo(LEAD);
        Assertions.assertThat(taskService.getIdentityLinksForTask(decision.getId()))
                .anyMatch(link -> PROGRAMME_OFFICE.equals(link.getGroupId()));
    }

    @Test
    void failedDealIsAdvisedToStopAndToShareItsKnowledge() {
        ProcessInstance deal = atScalingDecision(outcome("NOT_ACHIEVED", false, false, false, false, false));

        Assertions.assertThat(runtimeService.getVariables(deal.getId()))
                .containsEntry(ROUTE_STOP, true)
                .containsEntry(ROUTE_KNOWLEDGE_NETWORK, true);
    }

    @Test
    void decisionWithoutRouteIsRefused() {
        ProcessInstance deal = atScalingDecision(outcome("NOT_ACHIEVED", false, false, false, false, false));
        Task decision = task(DECIDE_SCALING_ROUTES, deal);

        assertThatThrownBy(() -> taskService.complete(decision.getId(), routes(Map.of())))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("minstens één route");
        assertThatThrownBy(() -> taskService.complete(
                        decision.getId(), routes(Map.of(ROUTE_EXTENSION, true, ROUTE_MERGE, true))))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("verlenging");
        assertThat(deal).isWaitingAt(DECIDE_SCALING_ROUTES);
    }

    @ParameterizedTest(name = "{0} leads to {1}")
    @CsvSource({
        "routeEmbedInPolicy, UserTask_HandOverEmbedInPolicy",
        "routeChangeRegulation, UserTask_HandOverRegulationChange",
        "routeOtherDealForm, UserTask_HandOverOtherDealForm",
        "routeMerge, UserTask_HandOverMerge",
        "routeKnowledgeNetwork, UserTask_HandOverKnowledgeNetwork",
        "routeNationalRollout, UserTask_HandOverNationalRollout",
        "routeStop, UserTask_RecordStop"
    })
    void eachRouteHasItsOwnHandOverThenLessonsAndClosing(String route, String handOverTask) {
        ProcessInstance deal = atScalingDecision(outcome("PARTLY", true, false, false, false, false));

        decide(deal, routes(Map.of(route, true)));

        assertThat(deal).isWaitingAt(handOverTask);
        assertThat(task(handOverTask, deal)).isAssignedTo(LEAD);
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), PHASE)).isEqualTo("SCALING_ROUTES");
        complete(task(handOverTask, deal), withVariables("handOverAgreements", "Afspraken vastgelegd"));
        shareLessonsAndClose(deal);
    }

    @Test
    void severalRoutesAreTakenAtOnce() {
        ProcessInstance deal = atScalingDecision(outcome("ACHIEVED", true, true, true, false, false));

        decide(
                deal,
                routes(Map.of(
                        ROUTE_EMBED_IN_POLICY, true, ROUTE_NATIONAL_ROLLOUT, true, ROUTE_KNOWLEDGE_NETWORK, true)));

        assertThat(deal)
                .isWaitingAt(HAND_OVER_EMBED_IN_POLICY, HAND_OVER_NATIONAL_ROLLOUT, HAND_OVER_KNOWLEDGE_NETWORK);
        complete(task(HAND_OVER_EMBED_IN_POLICY, deal));
        complete(task(HAND_OVER_NATIONAL_ROLLOUT, deal));
        assertThat(deal).isNotWaitingAt(SHARE_LESSONS);
        complete(task(HAND_OVER_KNOWLEDGE_NETWORK, deal));
        shareLessonsAndClose(deal);
    }

    @Test
    void followUpDealStartsAsNewDealLinkedToItsPredecessor() {
        ProcessInstance deal = atScalingDecision(outcome("PARTLY", true, false, false, false, true));

        decide(deal, routes(Map.of(ROUTE_FOLLOW_UP_DEAL, true)));

        assertThat(deal).hasPassed(START_FOLLOW_UP_DEAL).isWaitingAt(SHARE_LESSONS);
        String successorId = (String) runtimeService.getVariable(deal.getId(), SUCCESSOR_DEAL_ID);
        ProcessInstance successor = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, successorId)
                .singleResult();
        assertThat(successor).isWaitingAt(SCREEN_PARTICIPANT);
        Assertions.assertThat(runtimeService.getVariables(successor.getId()))
                .containsEntry(PREDECESSOR_DEAL_ID, dealIdOf(deal))
                .containsEntry(DEAL_NAME, "City Deal Klimaatadaptatie (vervolg)")
                .containsEntry(DEAL_LEAD, LEAD)
                // answered prompts are not inherited: the flags come when the successor's experimentation starts
                .doesNotContainKey(OWNERSHIP_CONVERSATION_HELD);
    }

    @Test
    void experimentationStartsWithItsPromptsUnansweredOnTheProcessInstance() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");

        Assertions.assertThat(runtimeService.getVariables(deal.getId()))
                .containsEntry(OWNERSHIP_CONVERSATION_HELD, false)
                .containsEntry(SCALING_EXPLORED, false)
                .containsEntry(SCALING_PLAN_DELIVERED, false)
                .containsEntry(MID_TERM_REVIEW_HELD, false)
                .containsEntry(PART_ONE_GATE_PASSED, false);
    }

    @Test
    void extensionReturnsToExperimentationWithANewTermAndOnlyTheOpenPrompts() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        complete(task(HOLD_OWNERSHIP_CONVERSATION, deal), withVariables("ownershipOutcome", "Gedeeld eigenaarschap"));
        complete(task(EXPLORE_SCALING, deal), withVariables("scalingExplorationNotes", "Drie routes verkend"));
        fire(deal, MID_TERM_REVIEW_DUE);
        complete(task(HOLD_MID_TERM_REVIEW, deal), withVariables("midTermAssessment", "Op koers"));
        fire(deal, TERM_ENDED);
        complete(task(ASSESS_OUTCOME, deal), outcome("PARTLY", false, false, false, false, true));
        decide(deal, routes(Map.of(ROUTE_EXTENSION, true)));

        extend(deal);

        assertThat(deal)
                .hasPassed(REPLAN_PROMPTS)
                .isWaitingAt(DELIVER_SCALING_PLAN, HOLD_OWNERSHIP_CONVERSATION, CONDUCT_EXPERIMENT)
                .isNotWaitingAt(EXPLORE_SCALING, MID_TERM_REVIEW_DUE);
        assertDue(deal, TERM_ENDED, "2028-03-01T09:00+01:00");
        // measured from the extension's first day, 2027-03-01, to its end: 366 days
        assertDue(deal, OWNERSHIP_PROMPT_DUE, "2027-05-31T09:00+02:00");
        assertDue(deal, SCALING_PLAN_DUE, "2027-11-30T09:00+01:00");
        assertDue(deal, ANSWERABILITY_REVIEW_DUE, "2027-09-01T09:00+02:00");
        Instant nextDay = date("2027-03-02T12:00+01:00").toInstant();
        Assertions.assertThat(overduePrompts(deal, nextDay))
                .as("overdue prompts the day after")
                .isZero();
        Assertions.assertThat(overdueTasks(deal, nextDay))
                .as("overdue tasks the day after")
                .isEmpty();
    }

    @Test
    void aDealStoppedInCockpitSettlesItsPrompts() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        fire(deal, MID_TERM_REVIEW_DUE);

        runtimeService.deleteProcessInstance(deal.getId(), "Gestopt door het programmabureau");

        Assertions.assertThat(prompts.forDeal(dealIdOf(deal))).isNotEmpty().noneMatch(Prompt::isOpen);
    }

    @Test
    void extensionDoesNotReopenTheOwnershipConversationWhenOwnershipWasSecured() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        complete(task(HOLD_OWNERSHIP_CONVERSATION, deal), withVariables("ownershipOutcome", "Gedeeld eigenaarschap"));
        fire(deal, TERM_ENDED);
        complete(task(ASSESS_OUTCOME, deal), outcome("PARTLY", true, false, false, false, true));
        decide(deal, routes(Map.of(ROUTE_EXTENSION, true)));

        extend(deal);

        assertThat(deal).isWaitingAt(EXPLORE_SCALING, DELIVER_SCALING_PLAN).isNotWaitingAt(HOLD_OWNERSHIP_CONVERSATION);
    }

    void extend(ProcessInstance deal) {
        assertThat(task(RECORD_EXTENSION, deal)).hasCandidateGroup(PROGRAMME_OFFICE);
        complete(
                task(RECORD_EXTENSION, deal),
                withVariables(
                        NEW_ENDS_ON,
                        "2028-03-01",
                        "extensionReference",
                        "Stcrt. 2027, 42",
                        "termChangeReason",
                        "Meer tijd voor opschaling"));
    }

    /** Overdue prompts of the deal as the deal page and the API count them. */
    long overduePrompts(ProcessInstance deal, Instant now) {
        return prompts.forDeal(dealIdOf(deal)).stream()
                .filter(p -> p.isOverdue(now))
                .count();
    }

    /** Open tasks of the deal past their due date, as Tasklist's "Achterstallige prompts" shows them. */
    List<Task> overdueTasks(ProcessInstance deal, Instant now) {
        return taskService
                .createTaskQuery()
                .processInstanceId(deal.getId())
                .dueBefore(Date.from(now))
                .list();
    }

    // --- Ways out and joint decisions (#16)

    @Test
    void dealLeadAbandonsTheDealWhileSecuringCommitmentAndItStillSharesLessons() {
        ProcessInstance deal = register();
        screen(deal, "Gemeente Zwolle", true, false);

        as(
                LEAD,
                () -> complete(
                        task(SECURE_COMMITMENT, deal),
                        withVariables(
                                RESOURCES_COMMITTED,
                                false,
                                ABANDON_DEAL,
                                true,
                                ABANDON_REASON,
                                "Geen wethouder wil tekenen")));

        assertThat(deal)
                .hasPassed(COMMITMENT_ABANDONED)
                .isWaitingAt(SHARE_LESSONS)
                .hasNotPassed(REVIEW_PROPOSAL, RECORD_SIGNING);
        Assertions.assertThat(registry.get(dealIdOf(deal)))
                .extracting(d -> d.getAbandonedIn(), d -> d.getAbandonReason())
                .containsExactly(DealPhase.PREPARATION, "Geen wethouder wil tekenen");
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.ABANDONED))
                .singleElement()
                .satisfies(d -> {
                    Assertions.assertThat(d.getDecidedBy()).isEqualTo(LEAD);
                    Assertions.assertThat(d.getSummary()).contains("Voorbereiding", "Geen wethouder wil tekenen");
                });
        shareLessonsAndClose(deal, DealPhase.ABANDONED);
    }

    @Test
    void abandoningWithoutAReasonIsRefusedAndChangesNothing() {
        ProcessInstance deal = register();
        screen(deal, "Gemeente Zwolle", true, false);
        Task commitment = task(SECURE_COMMITMENT, deal);

        assertThatThrownBy(() -> taskService.complete(
                        commitment.getId(), withVariables(RESOURCES_COMMITTED, false, ABANDON_DEAL, true)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("waarom de deal wordt afgeblazen");

        assertThat(deal).isWaitingAt(SECURE_COMMITMENT);
        Assertions.assertThat(registry.get(dealIdOf(deal)).isAbandoned()).isFalse();
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.ABANDONED)).isEmpty();
    }

    @Test
    void programmeOfficeAbandonsADealThatIsNotSignedAndItStillSharesLessons() {
        ProcessInstance deal = prepared("ONE_PART");

        as(
                OFFICE,
                () -> complete(
                        task(RECORD_SIGNING, deal),
                        withVariables(
                                ABANDON_DEAL, true, ABANDON_REASON, "Ministerie trekt zich terug voor ondertekening")));

        assertThat(deal).isWaitingAt(SHARE_LESSONS).hasNotPassed(PLAN_PROMPTS);
        Assertions.assertThat(registry.get(dealIdOf(deal)))
                .extracting(d -> d.getAbandonedIn(), d -> d.getSignedOn())
                .containsExactly(DealPhase.SIGNING, null);
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.ABANDONED))
                .singleElement()
                .extracting(DealDecision::getDecidedBy)
                .isEqualTo(OFFICE);
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.SIGNED)).isEmpty();
        shareLessonsAndClose(deal, DealPhase.ABANDONED);
    }

    @Test
    void dealLeadProposesTheScalingDecisionAndTheProgrammeOfficeConfirmsItWithBothNames() {
        ProcessInstance deal = atScalingDecision(outcome("ACHIEVED", true, true, false, false, false));
        Task proposal = task(DECIDE_SCALING_ROUTES, deal);

        as(LEAD, () -> complete(proposal, routes(Map.of(ROUTE_EMBED_IN_POLICY, true))));

        assertThat(deal).isWaitingAt(CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE);
        assertThat(task(CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE, deal)).hasCandidateGroup(PROGRAMME_OFFICE);
        Assertions.assertThat(registry.get(dealIdOf(deal)).getRoutes()).isEmpty();
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.SCALING_DECIDED))
                .isEmpty();

        Task confirmation = task(CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE, deal);
        as(OFFICE, () -> complete(confirmation, withVariables(CONFIRMATION, "CONFIRM")));

        assertThat(deal).isWaitingAt(HAND_OVER_EMBED_IN_POLICY);
        Assertions.assertThat(registry.get(dealIdOf(deal)).getRoutes()).containsExactly(ScalingRoute.EMBED_IN_POLICY);
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.SCALING_DECIDED))
                .singleElement()
                .satisfies(d -> {
                    Assertions.assertThat(d.getProposedBy()).isEqualTo(LEAD);
                    Assertions.assertThat(d.getProposedAt()).isNotNull();
                    Assertions.assertThat(d.getDecidedBy()).isEqualTo(OFFICE);
                    Assertions.assertThat(d.getDecidedAt()).isAfterOrEqualTo(d.getProposedAt());
                });
    }

    @Test
    void aDealLeadCannotConfirmTheirOwnScalingDecisionEvenAsAMemberOfTheProgrammeOffice() {
        ProcessInstance deal = atScalingDecision(outcome("ACHIEVED", true, true, false, false, false));
        Task proposal = task(DECIDE_SCALING_ROUTES, deal);
        as(LEAD, () -> complete(proposal, routes(Map.of(ROUTE_EMBED_IN_POLICY, true))));
        Task confirmation = task(CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE, deal);

        // the lead's session carries the programme office's group, so the engine lets them work on the task
        engine.getIdentityService().setAuthentication(LEAD, List.of(Role.PROGRAMME_OFFICE.groupId()));
        try {
            assertThatThrownBy(() -> taskService.complete(confirmation.getId(), withVariables(CONFIRMATION, "CONFIRM")))
                    .isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("eigen voorstel");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        assertThat(deal).isWaitingAt(CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE);
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.SCALING_DECIDED))
                .isEmpty();
    }

    @Test
    void programmeOfficeProposesAndOnlyTheDealLeadOfTheDealConfirms() {
        ProcessInstance deal = atScalingDecision(outcome("NOT_ACHIEVED", false, false, false, false, false));
        Task proposal = task(DECIDE_SCALING_ROUTES, deal);

        as(OFFICE, () -> complete(proposal, routes(Map.of(ROUTE_STOP, true, ROUTE_KNOWLEDGE_NETWORK, true))));

        assertThat(deal).isWaitingAt(CONFIRM_SCALING_DECISION_BY_DEAL_LEAD);
        Task confirmation = task(CONFIRM_SCALING_DECISION_BY_DEAL_LEAD, deal);
        assertThat(confirmation).isAssignedTo(LEAD);
        as(
                OFFICE,
                () -> assertThatThrownBy(() -> complete(confirmation, withVariables(CONFIRMATION, "CONFIRM")))
                        .isInstanceOf(BadUserRequestException.class)
                        .hasMessageContaining("eigen voorstel"));
        as(
                OTHER_OFFICE,
                () -> assertThatThrownBy(() -> complete(confirmation, withVariables(CONFIRMATION, "CONFIRM")))
                        .isInstanceOf(BadUserRequestException.class)
                        .hasMessageContaining("bevestigd door de dealtrekker"));
        assertThat(deal).isWaitingAt(CONFIRM_SCALING_DECISION_BY_DEAL_LEAD);

        as(LEAD, () -> complete(confirmation, withVariables(CONFIRMATION, "CONFIRM")));

        assertThat(deal).isWaitingAt(RECORD_STOP, HAND_OVER_KNOWLEDGE_NETWORK);
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.SCALING_DECIDED))
                .singleElement()
                .extracting(DealDecision::getProposedBy, DealDecision::getDecidedBy)
                .containsExactly(OFFICE, LEAD);
    }

    @Test
    void refusedScalingDecisionGoesBackToTheProposerWithTheRemarks() {
        ProcessInstance deal = atScalingDecision(outcome("PARTLY", true, false, false, false, true));
        Task proposal = task(DECIDE_SCALING_ROUTES, deal);
        as(LEAD, () -> complete(proposal, routes(Map.of(ROUTE_MERGE, true))));
        Task confirmation = task(CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE, deal);

        as(
                OFFICE,
                () -> assertThatThrownBy(() -> complete(confirmation, withVariables(CONFIRMATION, "REFUSE")))
                        .isInstanceOf(BadUserRequestException.class)
                        .hasMessageContaining("waarom"));
        as(
                OFFICE,
                () -> complete(
                        confirmation,
                        withVariables(
                                CONFIRMATION,
                                "REFUSE",
                                CONFIRMATION_REMARKS,
                                "Partijen willen door: een vervolgdeal")));

        assertThat(deal).isWaitingAt(DECIDE_SCALING_ROUTES);
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), CONFIRMATION_REMARKS))
                .isEqualTo("Partijen willen door: een vervolgdeal");
        Assertions.assertThat(registry.get(dealIdOf(deal)).getRoutes()).isEmpty();
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.SCALING_DECISION_REFUSED))
                .singleElement()
                .extracting(DealDecision::getProposedBy, DealDecision::getDecidedBy, DealDecision::getSummary)
                .containsExactly(LEAD, OFFICE, "Teruggestuurd: Partijen willen door: een vervolgdeal");

        decide(deal, routes(Map.of(ROUTE_FOLLOW_UP_DEAL, true)));
        assertThat(deal).hasPassed(START_FOLLOW_UP_DEAL).isWaitingAt(SHARE_LESSONS);
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), CONFIRMATION_REMARKS))
                .as("the remarks of the refusal are gone once the decision is confirmed")
                .isNull();
    }

    @Test
    void earlyEndNeedsAReasonAndIsRefusedByTheProgrammeOfficeSoTheExperimentRunsOn() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        Task experiment = task(CONDUCT_EXPERIMENT, deal);

        as(
                LEAD,
                () -> assertThatThrownBy(() -> complete(experiment, withVariables(EXPERIMENT_ACTION, "END_EARLY")))
                        .isInstanceOf(BadUserRequestException.class)
                        .hasMessageContaining("waarom de experimenteerfase"));
        as(
                LEAD,
                () -> complete(
                        experiment,
                        withVariables(EXPERIMENT_ACTION, "END_EARLY", EARLY_END_REASON, "Geen draagvlak meer")));

        assertThat(deal)
                .isWaitingAt(CONFIRM_EARLY_END_BY_PROGRAMME_OFFICE, HOLD_OWNERSHIP_CONVERSATION)
                .hasNotPassed(EXPERIMENTATION_ENDED_EARLY);
        Task confirmation = task(CONFIRM_EARLY_END_BY_PROGRAMME_OFFICE, deal);
        as(
                OFFICE,
                () -> complete(
                        confirmation,
                        withVariables(
                                CONFIRMATION, "REFUSE", CONFIRMATION_REMARKS, "Eerst de tussenbalans afwachten")));

        assertThat(deal).isWaitingAt(CONDUCT_EXPERIMENT).hasNotPassed(EXPERIMENTATION_ENDED_EARLY);
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), PHASE)).isEqualTo("EXPERIMENTATION");
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.EARLY_END_REFUSED))
                .singleElement()
                .extracting(DealDecision::getProposedBy, DealDecision::getDecidedBy)
                .containsExactly(LEAD, OFFICE);
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.EXPERIMENTATION_ENDED))
                .isEmpty();
    }

    @Test
    void programmeOfficeProposesAnEarlyEndAndTheDealLeadConfirmsIt() {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        Task experiment = task(CONDUCT_EXPERIMENT, deal);

        as(
                OFFICE,
                () -> complete(
                        experiment,
                        withVariables(EXPERIMENT_ACTION, "END_EARLY", EARLY_END_REASON, "Doelen zijn bereikt")));

        Task confirmation = task(CONFIRM_EARLY_END_BY_DEAL_LEAD, deal);
        assertThat(confirmation).isAssignedTo(LEAD);
        as(
                OTHER_OFFICE,
                () -> assertThatThrownBy(() -> complete(confirmation, withVariables(CONFIRMATION, "CONFIRM")))
                        .isInstanceOf(BadUserRequestException.class)
                        .hasMessageContaining("bevestigd door de dealtrekker"));
        as(LEAD, () -> complete(confirmation, withVariables(CONFIRMATION, "CONFIRM")));

        assertThat(deal).hasPassed(EXPERIMENTATION_ENDED_EARLY).isWaitingAt(ASSESS_OUTCOME);
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.EXPERIMENTATION_ENDED))
                .singleElement()
                .extracting(DealDecision::getProposedBy, DealDecision::getDecidedBy, DealDecision::getSummary)
                .containsExactly(OFFICE, LEAD, "Vroegtijdig beëindigd: Doelen zijn bereikt");
    }

    @Test
    void refusedExtensionGoesBackToTheScalingDecisionAndTheTermStays() {
        ProcessInstance deal = atScalingDecision(outcome("PARTLY", false, false, false, false, true));
        decide(deal, routes(Map.of(ROUTE_EXTENSION, true)));
        Task extension = task(RECORD_EXTENSION, deal);

        as(
                OFFICE,
                () -> assertThatThrownBy(() -> complete(extension, withVariables(EXTENSION_REFUSED, true)))
                        .isInstanceOf(BadUserRequestException.class)
                        .hasMessageContaining("verlenging niet doorgaat"));
        as(
                OFFICE,
                () -> complete(
                        extension,
                        withVariables(
                                EXTENSION_REFUSED, true, EXTENSION_REFUSAL_REASON, "Geen ministerie tekent bij")));

        assertThat(deal).isWaitingAt(DECIDE_SCALING_ROUTES).hasNotPassed(REPLAN_PROMPTS);
        Assertions.assertThat(registry.get(dealIdOf(deal)).getEndsOn()).hasToString("2027-03-01");
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.EXTENSION_REFUSED))
                .singleElement()
                .extracting(DealDecision::getDecidedBy, DealDecision::getSummary)
                .containsExactly(OFFICE, "Verlenging geweigerd: Geen ministerie tekent bij");
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.TERM_CHANGED)).isEmpty();

        decide(deal, routes(Map.of(ROUTE_STOP, true)));
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), EXTENSION_REFUSED))
                .isEqualTo(false);
        complete(task(RECORD_STOP, deal), withVariables(STOP_REASON, "Geen vervolg mogelijk"));
        shareLessonsAndClose(deal);
    }

    @ParameterizedTest(name = "{0} can fail")
    @CsvSource({
        "routeEmbedInPolicy, UserTask_HandOverEmbedInPolicy, EMBED_IN_POLICY",
        "routeChangeRegulation, UserTask_HandOverRegulationChange, CHANGE_REGULATION",
        "routeOtherDealForm, UserTask_HandOverOtherDealForm, OTHER_DEAL_FORM",
        "routeMerge, UserTask_HandOverMerge, MERGE",
        "routeKnowledgeNetwork, UserTask_HandOverKnowledgeNetwork, KNOWLEDGE_NETWORK",
        "routeNationalRollout, UserTask_HandOverNationalRollout, NATIONAL_ROLLOUT"
    })
    void eachHandOverCanReportThatItFailedAndTheDealGoesBackToTheDecision(
            String route, String handOverTask, ScalingRoute scalingRoute) {
        ProcessInstance deal = atScalingDecision(outcome("PARTLY", true, false, false, false, false));
        decide(deal, routes(Map.of(route, true)));
        Task handOver = task(handOverTask, deal);

        assertThatThrownBy(() -> taskService.complete(handOver.getId(), withVariables(HAND_OVER_FAILED, true)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("waarom de overdracht is mislukt");
        as(
                LEAD,
                () -> complete(
                        handOver,
                        withVariables(HAND_OVER_FAILED, true, HAND_OVER_FAILURE_REASON, "Niemand neemt het over")));

        assertThat(deal)
                .hasPassed(HAND_OVERS_DONE)
                .isWaitingAt(DECIDE_SCALING_ROUTES)
                .isNotWaitingAt(SHARE_LESSONS);
        Assertions.assertThat(runtimeService.getVariable(deal.getId(), PHASE)).isEqualTo("SCALING_DECISION");
        Assertions.assertThat(decisionsOf(deal, DealDecision.Kind.HAND_OVER_FAILED))
                .singleElement()
                .extracting(DealDecision::getSummary)
                .isEqualTo(scalingRoute.label() + " mislukt: Niemand neemt het over");

        decide(deal, routes(Map.of(ROUTE_STOP, true)));
        complete(task(RECORD_STOP, deal), withVariables(STOP_REASON, "Geen eigenaar gevonden"));
        shareLessonsAndClose(deal);
    }

    @Test
    void failedHandOverLetsTheOtherHandOversFinishThenTheDecisionIsTakenAgain() {
        ProcessInstance deal = atScalingDecision(outcome("ACHIEVED", true, true, true, false, false));
        decide(
                deal,
                routes(Map.of(
                        ROUTE_EMBED_IN_POLICY, true, ROUTE_NATIONAL_ROLLOUT, true, ROUTE_KNOWLEDGE_NETWORK, true)));

        complete(
                task(HAND_OVER_EMBED_IN_POLICY, deal),
                withVariables(HAND_OVER_FAILED, true, HAND_OVER_FAILURE_REASON, "Beleid is net herzien"));

        assertThat(deal)
                .isWaitingAt(HAND_OVER_NATIONAL_ROLLOUT, HAND_OVER_KNOWLEDGE_NETWORK)
                .isNotWaitingAt(DECIDE_SCALING_ROUTES);
        Assertions.assertThat(taskService.getVariable(
                        task(HAND_OVER_NATIONAL_ROLLOUT, deal).getId(), HAND_OVER_FAILED))
                .as("the failure of one hand-over is not the answer of the next")
                .isEqualTo(false);
        complete(task(HAND_OVER_NATIONAL_ROLLOUT, deal), withVariables(HAND_OVER_AGREEMENTS, "Uitrol via het CCV"));
        assertThat(deal).isWaitingAt(HAND_OVER_KNOWLEDGE_NETWORK).isNotWaitingAt(DECIDE_SCALING_ROUTES);
        complete(task(HAND_OVER_KNOWLEDGE_NETWORK, deal), withVariables(KNOWLEDGE_PRODUCTS, "Handreiking"));

        assertThat(deal).isWaitingAt(DECIDE_SCALING_ROUTES);
        Assertions.assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(deal.getId())
                        .count())
                .isEqualTo(1);
        decide(deal, routes(Map.of(ROUTE_CHANGE_REGULATION, true)));
        complete(task(HAND_OVER_REGULATION_CHANGE, deal), withVariables(HAND_OVER_AGREEMENTS, "Agenda van BZK"));
        shareLessonsAndClose(deal);
    }

    // --- the steps of a deal, as its users take them

    ProcessInstance register() {
        return runtimeService.startProcessInstanceByKey(
                CityDealProcess.KEY,
                withVariables(
                        DEAL_NAME,
                        "City Deal Klimaatadaptatie",
                        THEME,
                        "klimaatadaptatie",
                        LEAD_ORGANISATION,
                        "Gemeente Zwolle",
                        DEAL_LEAD,
                        LEAD,
                        AMBITION,
                        "Klimaatbestendige steden in 2050"));
    }

    void screen(ProcessInstance deal, String participant, boolean accepted, boolean more) {
        complete(
                task(SCREEN_PARTICIPANT, deal),
                withVariables(
                        PARTICIPANT_NAME,
                        participant,
                        PARTICIPANT_TYPE,
                        "MUNICIPALITY",
                        PARTICIPANT_ADDED_VALUE,
                        "Brengt pilotlocaties in",
                        PARTICIPANT_ACCEPTED,
                        accepted,
                        MORE_PARTICIPANTS,
                        more));
    }

    void commitAndAgree(ProcessInstance deal, String setup) {
        complete(
                task(SECURE_COMMITMENT, deal),
                withVariables(
                        RESOURCES_COMMITTED,
                        true,
                        "commitmentDescription",
                        "Wethouders van vijf gemeenten",
                        RESOURCES_DESCRIPTION,
                        "Gemeenten 0,5 fte elk",
                        EXECUTION_FUNDING_VIEW,
                        "Rijksbijdrage 2 mln"));
        complete(
                task(AGREE_SETUP, deal),
                withVariables(
                        SETUP, setup, "rulesOfTheGame", "Gelijkwaardig", "sharedDirection", "Klimaatbestendig bouwen"));
    }

    void approve(ProcessInstance deal) {
        complete(task(REVIEW_PROPOSAL, deal), withVariables(REVIEW_DECISION, "APPROVE"));
    }

    ProcessInstance prepared(String setup) {
        ProcessInstance deal = register();
        screen(deal, "Gemeente Zwolle", true, false);
        commitAndAgree(deal, setup);
        approve(deal);
        return deal;
    }

    ProcessInstance signed(String setup, String signedOn, String endsOn) {
        ProcessInstance deal = prepared(setup);
        complete(
                task(RECORD_SIGNING, deal),
                withVariables(SIGNED_ON, signedOn, ENDS_ON, endsOn, STAATSCOURANT_REFERENCE, "Stcrt. 2024, 12345"));
        return deal;
    }

    ProcessInstance atScalingDecision(Map<String, Object> outcome) {
        ProcessInstance deal = signed("ONE_PART", "2024-03-01", "2027-03-01");
        endEarly(deal);
        complete(task(ASSESS_OUTCOME, deal), outcome);
        return deal;
    }

    void shareLessonsAndClose(ProcessInstance deal) {
        shareLessonsAndClose(deal, DealPhase.CLOSED);
    }

    void shareLessonsAndClose(ProcessInstance deal, DealPhase endsIn) {
        assertThat(task(SHARE_LESSONS, deal)).isAssignedTo(LEAD);
        complete(
                task(SHARE_LESSONS, deal),
                withVariables(
                        "positiveLessons",
                        "Vroeg eigenaarschap besproken",
                        "negativeLessons",
                        "Te laat begonnen met opschalen"));
        assertThat(task(CLOSE_DEAL, deal)).hasCandidateGroup(PROGRAMME_OFFICE);
        complete(task(CLOSE_DEAL, deal), withVariables("finalReport", "Eindrapport"));
        assertThat(deal).isEnded().hasPassed(DEAL_CLOSED);
        Assertions.assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(deal.getId())
                        .variableName(PHASE)
                        .singleResult()
                        .getValue())
                .isEqualTo(endsIn.name());
        Assertions.assertThat(registry.get(dealIdOf(deal)).getPhase()).isEqualTo(endsIn);
    }

    /** Does what the user does, logged in as them (with their groups), as Tasklist and the REST API do. */
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

    /** The deal lead proposes the scaling decision and the programme office confirms it. */
    void decide(ProcessInstance deal, Map<String, Object> routes) {
        Task proposal = task(DECIDE_SCALING_ROUTES, deal);
        as(LEAD, () -> complete(proposal, routes));
        Task confirmation = task(CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE, deal);
        as(OFFICE, () -> complete(confirmation, withVariables(CONFIRMATION, "CONFIRM")));
    }

    /** The deal lead proposes to end the experimentation early and the programme office confirms it. */
    void endEarly(ProcessInstance deal) {
        Task experiment = task(CONDUCT_EXPERIMENT, deal);
        as(
                LEAD,
                () -> complete(
                        experiment,
                        withVariables(EXPERIMENT_ACTION, "END_EARLY", EARLY_END_REASON, "Doelen al bereikt")));
        Task confirmation = task(CONFIRM_EARLY_END_BY_PROGRAMME_OFFICE, deal);
        as(OFFICE, () -> complete(confirmation, withVariables(CONFIRMATION, "CONFIRM")));
    }

    List<DealDecision> decisionsOf(ProcessInstance deal, DealDecision.Kind kind) {
        return decisions.findByDealIdOrderByDecidedAtAscIdAsc(dealIdOf(deal)).stream()
                .filter(decision -> decision.getKind() == kind)
                .toList();
    }

    static Map<String, Object> outcome(
            String outcome,
            boolean ownershipSecured,
            boolean funding,
            boolean national,
            boolean regulationBarrier,
            boolean continueTogether) {
        return withVariables(
                OUTCOME,
                outcome,
                OWNERSHIP_SECURED,
                ownershipSecured,
                STRUCTURAL_FUNDING_FOUND,
                funding,
                NATIONAL_RELEVANCE,
                national,
                REGULATION_IS_BARRIER,
                regulationBarrier,
                PARTIES_WANT_TO_CONTINUE,
                continueTogether);
    }

    /** The decision form: every route box as submitted (unticked unless named), with a rationale. */
    static Map<String, Object> routes(Map<String, Boolean> ticked) {
        Map<String, Object> variables = new java.util.HashMap<>();
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
            variables.put(route, ticked.getOrDefault(route, false));
        }
        variables.put(SCALING_DECISION_RATIONALE, "Besproken met het programmabureau");
        return variables;
    }

    Job timer(ProcessInstance deal, String activityId) {
        return managementService
                .createJobQuery()
                .processInstanceId(deal.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
    }

    /** Lets time pass until the timer is due, then fires it as the job executor would. */
    void fire(ProcessInstance deal, String activityId) {
        Job job = timer(deal, activityId);
        Assertions.assertThat(job).as("timer " + activityId).isNotNull();
        ClockUtil.setCurrentTime(job.getDuedate());
        managementService.executeJob(job.getId());
    }

    void assertDue(ProcessInstance deal, String activityId, String expected) {
        Job job = timer(deal, activityId);
        Assertions.assertThat(job).as("timer " + activityId).isNotNull();
        Assertions.assertThat(job.getDuedate()).as("due date of " + activityId).isEqualTo(date(expected));
    }

    static Date date(String offsetDateTime) {
        return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
    }

    /** The id of the instance's deal (its variable dealId; the business key is the deal's reference). */
    private String dealIdOf(ProcessInstance instance) {
        return DealInstances.dealIdOf(historyService, instance.getId()).orElseThrow();
    }
}
