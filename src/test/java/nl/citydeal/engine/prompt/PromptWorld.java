package nl.citydeal.engine.prompt;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;

/** The people and deals the prompt tests work with, and the moves of the engine they make. */
public record PromptWorld(
        IdentityService identity,
        DealRegistry registry,
        RuntimeService runtime,
        ManagementService management,
        TaskService tasks) {

    public static final String ANNA = "anna";
    /** Every person's password (it meets the engine's password policy). */
    public static final String PASSWORD = "Prompt-World-2026!";

    public static final String BRAM = "bram";
    public static final String PETRA = "petra";
    public static final String PIETER = "pieter";

    /** Deal leads anna and bram, programme office petra and pieter, each with an address; idempotent. */
    public PromptWorld withPeople() {
        user(ANNA, "Anna", "Jansen", Role.DEAL_LEAD);
        user(BRAM, "Bram", "Bakker", Role.DEAL_LEAD);
        user(PETRA, "Petra", "de Vries", Role.PROGRAMME_OFFICE);
        user(PIETER, "Pieter", "Smit", Role.PROGRAMME_OFFICE);
        return this;
    }

    private void user(String id, String first, String last, Role role) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
        }
        user.setPassword(PASSWORD);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(id + "@citydeal.example");
        identity.saveUser(user);
        if (identity.createUserQuery().userId(id).memberOfGroup(role.groupId()).count() == 0) {
            identity.createMembership(id, role.groupId());
        }
    }

    /** A running deal imported with its term: in experimentation, every prompt planned, its tasks open. */
    public String runningDeal(
            String name, String lead, String programmeOfficeContact, LocalDate signedOn, LocalDate endsOn) {
        return registry.register(
                        new NewDeal(
                                name,
                                "test",
                                "Gemeente Zwolle",
                                lead,
                                programmeOfficeContact,
                                "Opschalen",
                                DealSetup.ONE_PART,
                                signedOn,
                                endsOn,
                                "Stcrt. test",
                                List.of(),
                                null),
                        PETRA)
                .getId();
    }

    public String instanceOf(String dealId) {
        return runtime.createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, dealId)
                .singleResult()
                .getId();
    }

    /** Fires the timer as the job executor would. */
    public void fire(String dealId, String timerActivityId) {
        Job timer = management
                .createJobQuery()
                .processInstanceId(instanceOf(dealId))
                .activityId(timerActivityId)
                .timers()
                .singleResult();
        if (timer == null) {
            throw new AssertionError("No timer " + timerActivityId + " in deal " + dealId);
        }
        management.executeJob(timer.getId());
    }

    /** The open task of the deal with this activity id. */
    public Task task(String dealId, String activityId) {
        return tasks.createTaskQuery()
                .processInstanceId(instanceOf(dealId))
                .taskDefinitionKey(activityId)
                .singleResult();
    }

    /** The timer activity that raises each prompt. */
    public static String timerOf(PromptKind kind) {
        return switch (kind) {
            case OWNERSHIP_CONVERSATION -> CityDealProcess.Activity.OWNERSHIP_PROMPT_DUE;
            case SCALING_EXPLORATION -> CityDealProcess.Activity.SCALING_EXPLORATION_DUE;
            case SCALING_PLAN_DUE -> CityDealProcess.Activity.SCALING_PLAN_DUE;
            case SCALING_PLAN_ESCALATION -> CityDealProcess.Activity.SCALING_PLAN_ESCALATION_DUE;
            case MID_TERM_REVIEW -> CityDealProcess.Activity.MID_TERM_REVIEW_DUE;
            case ANSWERABILITY_REVIEW -> CityDealProcess.Activity.ANSWERABILITY_REVIEW_DUE;
        };
    }

    /** The task that answers each prompt (its input parameter promptKind names the kind, as ModelRulesTest holds). */
    public static String taskOf(PromptKind kind) {
        return switch (kind) {
            case OWNERSHIP_CONVERSATION -> CityDealProcess.Activity.HOLD_OWNERSHIP_CONVERSATION;
            case SCALING_EXPLORATION -> CityDealProcess.Activity.EXPLORE_SCALING;
            case SCALING_PLAN_DUE -> CityDealProcess.Activity.DELIVER_SCALING_PLAN;
            case SCALING_PLAN_ESCALATION -> CityDealProcess.Activity.ESCALATE_MISSING_SCALING_PLAN;
            case MID_TERM_REVIEW -> CityDealProcess.Activity.HOLD_MID_TERM_REVIEW;
            case ANSWERABILITY_REVIEW -> CityDealProcess.Activity.HOLD_ANSWERABILITY_REVIEW;
        };
    }
}
