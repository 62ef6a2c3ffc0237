package nl.citydeal.engine.prompt.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.RegistrySync;

/**
 * The deal was extended: the prompts still to do are measured from today to the new end, so none is overdue on
 * the extension's first day; the ownership conversation comes back when ownership was the reason.
 */
@Component
class PlanExtensionPromptsDelegate implements JavaDelegate {

    private final CamundaPromptPlanning promptPlanning;
    private final RegistrySync registryVariables;

    PlanExtensionPromptsDelegate(CamundaPromptPlanning promptPlanning, RegistrySync registryVariables) {
        this.promptPlanning = promptPlanning;
        this.registryVariables = registryVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registryVariables.sync(execution);
        promptPlanning.planExtension(execution);
    }
}
