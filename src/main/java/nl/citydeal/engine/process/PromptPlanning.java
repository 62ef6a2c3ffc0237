package nl.citydeal.engine.process;

import static nl.citydeal.engine.process.CityDealProcess.Variable.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.Term;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptPlan;
import nl.citydeal.engine.prompt.PromptSchedule;

/**
 * Plans the prompts of one deal: computes the dates from the term with the current prompt schedule, stores them
 * in the variables the timers read, moves the due dates of the open prompt tasks and re-evaluates every waiting
 * timer, so every prompt that has not fired yet follows the new plan. Used when the deal is signed or its term
 * changes ({@link PlanPromptsDelegate}) and when an administrator moves running deals onto a new process version
 * ({@link CamundaMigrations}), so a changed schedule reaches deals that already run.
 */
@Component
public class PromptPlanning {

    private final PromptSchedule promptSchedule;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;

    public PromptPlanning(PromptSchedule promptSchedule, RuntimeService runtimeService,
                          ManagementService managementService, TaskService taskService) {
        this.promptSchedule = promptSchedule;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
    }

    /** The prompt dates of a term under the latest deployed prompt schedule. */
    PromptPlan plan(LocalDate signedOn, LocalDate endsOn) {
        return promptSchedule.plan(new Term(signedOn, endsOn));
    }

    /** The variables the timers and the due dates of the prompt tasks read. */
    static Map<String, Object> variables(PromptPlan plan) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(OWNERSHIP_PROMPT_DUE_AT, plan.dueAt(PromptKind.OWNERSHIP_CONVERSATION).toString());
        variables.put(SCALING_EXPLORATION_DUE_AT, plan.dueAt(PromptKind.SCALING_EXPLORATION).toString());
        variables.put(MID_TERM_REVIEW_DUE_AT, plan.dueAt(PromptKind.MID_TERM_REVIEW).toString());
        variables.put(SCALING_PLAN_DUE_AT, plan.dueAt(PromptKind.SCALING_PLAN_DUE).toString());
        variables.put(SCALING_PLAN_ESCALATION_AT, plan.dueAt(PromptKind.SCALING_PLAN_ESCALATION).toString());
        variables.put(ANSWERABILITY_REVIEW_CYCLE, plan.answerabilityCycle());
        variables.put(TERM_ENDS_AT, plan.termEndsAt().toString());
        return variables;
    }

    /**
     * Moves what already waits in the process instance to the plan (whose variables are set): the due dates of
     * the open prompt tasks and every waiting timer. Fired prompts have no timer left and stay fired.
     */
    void reschedule(String processInstanceId, PromptPlan plan) {
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKeyIn(CityDealProcess.PROMPT_TASKS.keySet().toArray(String[]::new)).list()) {
            task.setDueDate(Date.from(plan.dueAt(CityDealProcess.PROMPT_TASKS.get(task.getTaskDefinitionKey())).toInstant()));
            taskService.saveTask(task);
        }
        for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            managementService.recalculateJobDuedate(timer.getId(), false);
        }
    }

    /**
     * Plans the prompts of a running deal again with the prompt schedule as it is deployed now. Only deals in the
     * experimentation phase have prompts waiting; others are left alone. Answers whether the deal was re-planned.
     */
    public boolean replan(String processInstanceId) {
        ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
        if (tree == null || tree.getActivityInstances(CityDealProcess.Activity.EXPERIMENTATION).length == 0) {
            return false;
        }
        Map<String, Object> current = runtimeService.getVariables(processInstanceId);
        LocalDate signedOn = ProcessValues.date(SIGNED_ON, current.get(SIGNED_ON));
        LocalDate endsOn = ProcessValues.date(ENDS_ON, current.get(ENDS_ON));
        if (signedOn == null || endsOn == null) {
            return false;
        }
        PromptPlan plan = plan(signedOn, endsOn);
        runtimeService.setVariables(processInstanceId, variables(plan));
        reschedule(processInstanceId, plan);
        return true;
    }
}
