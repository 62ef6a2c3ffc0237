package nl.citydeal.engine.processengine;

import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service, with a submitted task form limited to its fields ({@link TaskFormFields}), checked in the
 * command that submits it; the engine's {@code submitTaskFormData} calls {@code submitTaskForm}.
 */
class FormBoundFormService extends FormServiceImpl {

    private final TaskFormFields formFields;

    FormBoundFormService(TaskFormFields formFields) {
        this.formFields = formFields;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        formFields.completing(commandExecutor, taskId, properties, () -> {
            super.submitTaskForm(taskId, properties);
            return null;
        });
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(
            String taskId, Map<String, Object> properties, boolean deserializeValues) {
        return formFields.completing(
                commandExecutor,
                taskId,
                properties,
                () -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
    }
}
