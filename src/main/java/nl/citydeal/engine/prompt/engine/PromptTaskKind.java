package nl.citydeal.engine.prompt.engine;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.TaskElements;
import nl.citydeal.engine.prompt.PromptKind;

/**
 * The prompt a user task answers, as the model says it: the task's input parameter {@code promptKind}. Read from the
 * task's element in its process definition, not from the local variable the parameter makes, so a task that came
 * onto this version by migration (which runs no input mappings) answers its prompt too. Tasks without it answer no
 * prompt.
 */
final class PromptTaskKind {

    private PromptTaskKind() {}

    /** The kind of the prompt the task whose end is running answers. */
    static Optional<PromptKind> of(DelegateExecution execution) {
        return ofElement(execution.getBpmnModelElementInstance());
    }

    /** The kind of the prompt a task being created answers. */
    static Optional<PromptKind> of(DelegateTask task) {
        return ofElement(task.getBpmnModelElementInstance());
    }

    /** The kind of the prompt an open task answers, its element read once per process version ({@link TaskElements}). */
    static Optional<PromptKind> of(TaskElements elements, Task task) {
        return elements.of(task).flatMap(PromptTaskKind::ofElement);
    }

    private static Optional<PromptKind> ofElement(ModelElementInstance element) {
        if (!(element instanceof BaseElement base) || base.getExtensionElements() == null) {
            return Optional.empty();
        }
        ExtensionElements extensions = base.getExtensionElements();
        return extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
                .flatMap(io -> io.getCamundaInputParameters().stream())
                .filter(parameter -> CityDealProcess.Variable.PROMPT_KIND.equals(parameter.getCamundaName()))
                .map(CamundaInputParameter::getTextContent)
                .map(String::strip)
                .map(PromptKind::valueOf)
                .findFirst();
    }
}
