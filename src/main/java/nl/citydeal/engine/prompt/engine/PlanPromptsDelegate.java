package nl.citydeal.engine.prompt.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.RegistrySync;

/** Plans the deal's prompts from its term as the registry holds it, measured from the signing. */
@Component
class PlanPromptsDelegate implements JavaDelegate {

    private final CamundaPromptPlanning promptPlanning;
    private final RegistrySync registryVariables;

    PlanPromptsDelegate(CamundaPromptPlanning promptPlanning, RegistrySync registryVariables) {
        this.promptPlanning = promptPlanning;
        this.registryVariables = registryVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registryVariables.sync(execution);
        promptPlanning.planFromSigning(execution);
    }
}
