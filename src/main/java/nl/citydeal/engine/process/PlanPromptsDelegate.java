package nl.citydeal.engine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Plans (or re-plans, after a change of term) the deal's prompts from its term as the registry holds it. */
@Component
public class PlanPromptsDelegate implements JavaDelegate {

    private final PromptPlanning promptPlanning;
    private final RegistryVariables registryVariables;

    public PlanPromptsDelegate(PromptPlanning promptPlanning, RegistryVariables registryVariables) {
        this.promptPlanning = promptPlanning;
        this.registryVariables = registryVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registryVariables.sync(execution);
        promptPlanning.plan(execution, execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }
}
