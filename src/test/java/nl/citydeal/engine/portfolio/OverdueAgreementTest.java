package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.Prompts;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Overdue means the same everywhere: for a running deal imported with its signing a year ago, once the engine has
 * fired what was due, the overdue prompts on the deal page, in {@code /api/deals/{id}/prompts} and in Tasklist's
 * "Achterstallige prompts" (its open tasks past due) are the same number; after the deal is closed all three say
 * none; and the portfolio's total is the sum over its deals.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
class OverdueAgreementTest {

    @Autowired
    DealRegistry registry;

    @Autowired
    DealDossier dossiers;

    @Autowired
    Portfolio portfolio;

    @Autowired
    Prompts prompts;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    FilterService filterService;

    @Autowired
    IdentityService identityService;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @BeforeEach
    void dealLead() {
        for (Map.Entry<String, Role> user :
                Map.of("anna", Role.DEAL_LEAD, "petra", Role.PROGRAMME_OFFICE).entrySet()) {
            if (identityService.createUserQuery().userId(user.getKey()).count() == 0) {
                identityService.saveUser(identityService.newUser(user.getKey()));
                identityService.createMembership(user.getKey(), user.getValue().groupId());
            }
        }
    }

    @Test
    void aDealImportedAYearAfterSigningCountsTheSameOverduePromptsEverywhereAndNoneOnceClosed() throws Exception {
        LocalDate signedOn = LocalDate.now(clock).minusYears(1);
        String dealId = registry.register(
                        new NewDeal(
                                "City Deal Overdue " + System.nanoTime(),
                                "overdue-agreement",
                                "Gemeente Zwolle",
                                "anna",
                                "petra",
                                "Een ambitie",
                                DealSetup.ONE_PART,
                                signedOn,
                                signedOn.plusYears(3),
                                "Stcrt. " + signedOn.getYear() + ", 1",
                                List.of(),
                                null),
                        "petra")
                .getId();
        ProcessInstance deal = instance(dealId);
        runDueTimers(deal);

        Instant now = clock.instant();
        long onDealPage = dossiers.of(dealId, null).overduePrompts();
        assertThat(onDealPage)
                .as("the deal signed a year ago has overdue prompts")
                .isPositive();
        assertThat(overdueInApi(dealId)).isEqualTo(onDealPage);
        assertThat(overdueInTasklist(deal)).isEqualTo(onDealPage);
        assertThat(portfolio.summary(null).overduePrompts())
                .isEqualTo(portfolio.lines(null).stream()
                        .mapToLong(Portfolio.DealLine::overduePrompts)
                        .sum());
        assertThat(prompts.forDeal(dealId).stream()
                        .filter(p -> p.getKind() == nl.citydeal.engine.prompt.PromptKind.ANSWERABILITY_REVIEW)
                        .filter(p -> p.isOverdue(now)))
                .as("one missed answerability review, not one per missed date")
                .hasSize(1);

        close(deal);

        assertThat(dossiers.of(dealId, null).overduePrompts()).isZero();
        assertThat(overdueInApi(dealId)).isZero();
        assertThat(overdueInTasklist(deal)).isZero();
        assertThat(portfolio.lines(null).stream()
                        .filter(line -> line.deal().getId().equals(dealId))
                        .mapToLong(Portfolio.DealLine::overduePrompts)
                        .sum())
                .isZero();
    }

    private long overdueInApi(String dealId) throws Exception {
        String body = mvc.perform(get("/api/deals/{id}/prompts", dealId)
                        .with(user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long overdue = 0;
        for (JsonNode prompt : json.readTree(body)) {
            overdue += prompt.get("overdue").asBoolean() ? 1 : 0;
        }
        return overdue;
    }

    /** The tasks of this deal that Tasklist's "Achterstallige prompts" filter lists. */
    private long overdueInTasklist(ProcessInstance deal) {
        String filterId = filterService
                .createFilterQuery()
                .filterName("Achterstallige prompts")
                .singleResult()
                .getId();
        return filterService.count(filterId, taskService.createTaskQuery().processInstanceId(deal.getId()));
    }

    /** Runs every timer of the deal that is due now, as the job executor would. */
    private void runDueTimers(ProcessInstance deal) {
        List<Job> due;
        while (!(due = managementService
                        .createJobQuery()
                        .processInstanceId(deal.getId())
                        .timers()
                        .duedateLowerThan(Date.from(clock.instant()))
                        .list())
                .isEmpty()) {
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** Ends the deal the shortest way: an early end and a stop, each proposed by the lead and confirmed by petra. */
    private void close(ProcessInstance deal) {
        as(
                "anna",
                () -> complete(
                        deal,
                        CONDUCT_EXPERIMENT,
                        Map.of(EXPERIMENT_ACTION, "END_EARLY", EARLY_END_REASON, "Doelen bereikt")));
        as("petra", () -> complete(deal, CONFIRM_EARLY_END_BY_PROGRAMME_OFFICE, Map.of(CONFIRMATION, "CONFIRM")));
        as(
                "anna",
                () -> complete(
                        deal,
                        ASSESS_OUTCOME,
                        Map.of(
                                OUTCOME, "NOT_ACHIEVED",
                                OWNERSHIP_SECURED, false,
                                STRUCTURAL_FUNDING_FOUND, false,
                                NATIONAL_RELEVANCE, false,
                                REGULATION_IS_BARRIER, false,
                                PARTIES_WANT_TO_CONTINUE, false)));
        Map<String, Object> routes = new java.util.HashMap<>();
        for (nl.citydeal.engine.deal.ScalingRoute route : nl.citydeal.engine.deal.ScalingRoute.values()) {
            routes.put(CityDealProcess.routeVariable(route), route == nl.citydeal.engine.deal.ScalingRoute.STOP);
        }
        routes.put(SCALING_DECISION_RATIONALE, "Geen draagvlak");
        as("anna", () -> complete(deal, DECIDE_SCALING_ROUTES, routes));
        as(
                "petra",
                () -> complete(deal, CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE, Map.of(CONFIRMATION, "CONFIRM")));
        as("anna", () -> complete(deal, RECORD_STOP, Map.of(STOP_REASON, "Geen draagvlak")));
        as(
                "anna",
                () -> complete(
                        deal,
                        SHARE_LESSONS,
                        Map.of(POSITIVE_LESSONS, "Vroeg gestart", NEGATIVE_LESSONS, "Geen eigenaar")));
        as("petra", () -> complete(deal, CLOSE_DEAL, Map.of(FINAL_REPORT, "Eindrapport")));
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(deal.getId())
                        .count())
                .isZero();
    }

    private void as(String userId, Runnable step) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId)
                .toList();
        identityService.setAuthentication(userId, groups);
        try {
            step.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void complete(ProcessInstance deal, String taskKey, Map<String, Object> variables) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(deal.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as(taskKey).isNotNull();
        taskService.complete(task.getId(), variables);
    }

    private ProcessInstance instance(String dealId) {
        return runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, dealId)
                .singleResult();
    }
}
