package nl.citydeal.engine.prompt.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.RegistrySync;

/** The term changed during the experimentation: the open prompts move with it, the tasks' due dates included. */
@Component
class ReschedulePromptsDelegate implements JavaDelegate {

    private final CamundaPromptPlanning promptPlanning;
    private final RegistrySync registryVariables;

    ReschedulePromptsDelegate(CamundaPromptPlanning promptPlanning, RegistrySync registryVariables) {
        this.promptPlanning = promptPlanning;
        this.registryVariables = registryVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registryVariables.sync(execution);
        promptPlanning.reschedule(execution);
    }
}
