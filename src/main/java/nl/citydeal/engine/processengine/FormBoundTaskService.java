package nl.citydeal.engine.processengine;

import java.util.Map;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/** The engine's task service, with the variables sent on completing a task limited to its form ({@link TaskFormFields}). */
class FormBoundTaskService extends TaskServiceImpl {

    private final TaskFormFields formFields;

    FormBoundTaskService(TaskFormFields formFields) {
        this.formFields = formFields;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        formFields.checkCompletion(taskId, variables);
        super.complete(taskId, variables);
    }

    @Override
    public VariableMap completeWithVariablesInReturn(
            String taskId, Map<String, Object> variables, boolean deserializeValues) {
        formFields.checkCompletion(taskId, variables);
        return super.completeWithVariablesInReturn(taskId, variables, deserializeValues);
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        formFields.checkCommand(taskId, variables);
        super.resolveTask(taskId, variables);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        formFields.checkCommand(taskId, variables);
        super.handleBpmnError(taskId, errorCode, errorMessage, variables);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        formFields.checkCommand(taskId, variables);
        super.handleEscalation(taskId, escalationCode, variables);
    }
}
