package nl.citydeal.engine.prompt.engine;

import java.util.Date;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.Term;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.ProcessValues;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptPlan;
import nl.citydeal.engine.prompt.PromptPlanning;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Prompts;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Plans a deal's prompts from its term: the dates go into the variables the timers read and into the prompt
 * log; timers already waiting are re-evaluated and open prompt tasks take their new due dates, all in the
 * current transaction. Prompts that fired stay fired.
 */
@Component
class CamundaPromptPlanning implements PromptPlanning {

    private final PromptSchedule promptSchedule;
    private final Prompts promptLog;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final TaskDisplay taskDisplay;

    CamundaPromptPlanning(
            PromptSchedule promptSchedule,
            Prompts promptLog,
            ManagementService managementService,
            TaskService taskService,
            RuntimeService runtimeService,
            RepositoryService repositoryService,
            TaskDisplay taskDisplay) {
        this.taskDisplay = taskDisplay;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.promptSchedule = promptSchedule;
        this.promptLog = promptLog;
        this.managementService = managementService;
        this.taskService = taskService;
    }

    /** Plans from the {@code signedOn} and {@code endsOn} variables, inside a process step. */
    void plan(VariableScope instance, String processInstanceId, String dealId) {
        plan(instance::getVariable, instance::setVariable, processInstanceId, dealId);
    }

    @Override
    public void plan(String processInstanceId, String dealId) {
        plan(
                name -> runtimeService.getVariable(processInstanceId, name),
                (name, value) -> runtimeService.setVariable(processInstanceId, name, value),
                processInstanceId,
                dealId);
    }

    @Override
    public boolean replan(String processInstanceId) {
        ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
        if (tree == null
                || tree.getActivityInstances(CityDealProcess.Activity.EXPERIMENTATION).length == 0
                || runtimeService.getVariable(processInstanceId, ENDS_ON) == null) {
            return false;
        }
        ProcessInstance instance = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        plan(processInstanceId, instance.getBusinessKey());
        return true;
    }

    private void plan(
            Function<String, Object> read,
            BiConsumer<String, Object> instance,
            String processInstanceId,
            String dealId) {
        Term term;
        try {
            term = new Term(
                    ProcessValues.date(SIGNED_ON, read.apply(SIGNED_ON)),
                    ProcessValues.date(ENDS_ON, read.apply(ENDS_ON)));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
        PromptPlan plan = promptSchedule.plan(term);
        for (PromptKind kind : PromptKind.values()) {
            CityDealProcess.dueAtVariable(kind)
                    .ifPresent(variable ->
                            instance.accept(variable, plan.dueAt(kind).toString()));
        }
        instance.accept(ANSWERABILITY_REVIEW_CYCLE, plan.answerabilityCycle());
        instance.accept(TERM_ENDS_AT, plan.termEndsAt().toString());
        promptLog.plan(dealId, term, plan);

        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .list()) {
            PromptKind kind = PromptTaskKind.of(repositoryService, task).orElse(null);
            if (!CityDealProcess.EARLY_PROMPTS.contains(kind)) {
                continue;
            }
            Date due = Date.from(plan.dueAt(kind).toInstant());
            task.setDueDate(due);
            task.setFollowUpDate(taskDisplay.followUp(due));
            taskService.saveTask(task);
        }
        for (Job timer : managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .timers()
                .list()) {
            managementService.recalculateJobDuedate(timer.getId(), false);
        }
    }
}
