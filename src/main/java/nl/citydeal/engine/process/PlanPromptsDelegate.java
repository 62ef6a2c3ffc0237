package nl.citydeal.engine.process;

import static nl.citydeal.engine.process.CityDealProcess.Variable.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.prompt.PromptPlan;

/**
 * Computes the prompt dates from the term and stores them in the variables the timers read. Timers that are
 * already waiting (after a change of the end date) are re-evaluated in the same transaction, so every prompt
 * that has not fired yet moves with the new term, and so do the due dates of the open prompt tasks.
 */
@Component
public class PlanPromptsDelegate implements JavaDelegate {

    private final PromptPlanning promptPlanning;

    public PlanPromptsDelegate(PromptPlanning promptPlanning) {
        this.promptPlanning = promptPlanning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromptPlan plan;
        try {
            plan = promptPlanning.plan(ProcessValues.date(execution, SIGNED_ON), ProcessValues.date(execution, ENDS_ON));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
        execution.setVariables(PromptPlanning.variables(plan));
        promptPlanning.reschedule(execution.getProcessInstanceId(), plan);
    }
}
