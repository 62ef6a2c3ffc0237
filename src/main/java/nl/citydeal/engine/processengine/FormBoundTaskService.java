package nl.citydeal.engine.processengine;

import java.util.Map;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service, with the variables sent on completing a task limited to its form ({@link TaskFormFields}),
 * checked in the command that completes it.
 */
class FormBoundTaskService extends TaskServiceImpl {

    private final TaskFormFields formFields;

    FormBoundTaskService(TaskFormFields formFields) {
        this.formFields = formFields;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        formFields.completing(commandExecutor, taskId, variables, () -> {
            super.complete(taskId, variables);
            return null;
        });
    }

    @Override
    public VariableMap completeWithVariablesInReturn(
            String taskId, Map<String, Object> variables, boolean deserializeValues) {
        return formFields.completing(
                commandExecutor,
                taskId,
                variables,
                () -> super.completeWithVariablesInReturn(taskId, variables, deserializeValues));
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        formFields.commanding(commandExecutor, taskId, variables, () -> {
            super.resolveTask(taskId, variables);
            return null;
        });
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        formFields.commanding(commandExecutor, taskId, variables, () -> {
            super.handleBpmnError(taskId, errorCode, errorMessage, variables);
            return null;
        });
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        formFields.commanding(commandExecutor, taskId, variables, () -> {
            super.handleEscalation(taskId, escalationCode, variables);
            return null;
        });
    }
}
