package nl.citydeal.engine.process;

import static nl.citydeal.engine.process.CityDealProcess.Variable.*;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.Term;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptPlan;
import nl.citydeal.engine.prompt.PromptSchedule;

/**
 * Computes the prompt dates from the term and stores them in the variables the timers read. Timers that are
 * already waiting (after a change of the end date) are re-evaluated in the same transaction, so every prompt
 * that has not fired yet moves with the new term, and so do the due dates of the open prompt tasks.
 */
@Component
public class PlanPromptsDelegate implements JavaDelegate {

    private final PromptSchedule promptSchedule;
    private final ManagementService managementService;
    private final TaskService taskService;

    public PlanPromptsDelegate(PromptSchedule promptSchedule, ManagementService managementService,
                               TaskService taskService) {
        this.promptSchedule = promptSchedule;
        this.managementService = managementService;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromptPlan plan;
        try {
            plan = promptSchedule.plan(new Term(ProcessValues.date(execution, SIGNED_ON), ProcessValues.date(execution, ENDS_ON)));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
        execution.setVariable(OWNERSHIP_PROMPT_DUE_AT, plan.dueAt(PromptKind.OWNERSHIP_CONVERSATION).toString());
        execution.setVariable(SCALING_EXPLORATION_DUE_AT, plan.dueAt(PromptKind.SCALING_EXPLORATION).toString());
        execution.setVariable(MID_TERM_REVIEW_DUE_AT, plan.dueAt(PromptKind.MID_TERM_REVIEW).toString());
        execution.setVariable(SCALING_PLAN_DUE_AT, plan.dueAt(PromptKind.SCALING_PLAN_DUE).toString());
        execution.setVariable(SCALING_PLAN_ESCALATION_AT, plan.dueAt(PromptKind.SCALING_PLAN_ESCALATION).toString());
        execution.setVariable(ANSWERABILITY_REVIEW_CYCLE, plan.answerabilityCycle());
        execution.setVariable(TERM_ENDS_AT, plan.termEndsAt().toString());

        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(CityDealProcess.PROMPT_TASKS.keySet().toArray(String[]::new)).list()) {
            task.setDueDate(Date.from(plan.dueAt(CityDealProcess.PROMPT_TASKS.get(task.getTaskDefinitionKey())).toInstant()));
            taskService.saveTask(task);
        }
        for (Job timer : managementService.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers().list()) {
            managementService.recalculateJobDuedate(timer.getId(), false);
        }
    }
}
