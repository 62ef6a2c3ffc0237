package nl.citydeal.engine.prompt.engine;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.PromptKind;

/**
 * The prompt a user task answers, as the model says it: the task's input parameter {@code promptKind}, a local
 * variable of the task's execution (not a task variable, and not visible to a task query on process variables).
 * Tasks without it answer no prompt.
 */
final class PromptTaskKind {

    private PromptTaskKind() {}

    /** The kind of the prompt a task (or the step running) answers, from the local variables of its scope. */
    static Optional<PromptKind> of(VariableScope scope) {
        Object kind = scope.getVariableLocal(CityDealProcess.Variable.PROMPT_KIND);
        return kind == null ? Optional.empty() : Optional.of(PromptKind.valueOf(kind.toString()));
    }

    /** The kind of the prompt a task being created answers. */
    static Optional<PromptKind> of(DelegateTask task) {
        return task.getExecution() == null ? Optional.empty() : of(task.getExecution());
    }

    /** The kind of the prompt an open task answers. */
    static Optional<PromptKind> of(RuntimeService runtimeService, Task task) {
        if (task.getExecutionId() == null) {
            return Optional.empty();
        }
        Object kind = runtimeService.getVariableLocal(task.getExecutionId(), CityDealProcess.Variable.PROMPT_KIND);
        return kind == null ? Optional.empty() : Optional.of(PromptKind.valueOf(kind.toString()));
    }
}
