package nl.citydeal.engine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Plans (or re-plans, after a change of term) the deal's prompts from its term. */
@Component
public class PlanPromptsDelegate implements JavaDelegate {

    private final PromptPlanning promptPlanning;

    public PlanPromptsDelegate(PromptPlanning promptPlanning) {
        this.promptPlanning = promptPlanning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        promptPlanning.plan(execution, execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }
}
