package nl.citydeal.engine.dossier.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.dossier.CompletedStep;
import nl.citydeal.engine.dossier.Dossier;
import nl.citydeal.engine.dossier.FormField;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.DeployedTaskForms;
import nl.citydeal.engine.processengine.ProcessValues;
import nl.citydeal.engine.processengine.UserTaskCompletion;

/**
 * Records every completed user task of a deal in its {@link Dossier}: the task, the phase, the lesson (the task's
 * documentation in the model), who completed it (the logged-in user, else the assignee) and each editable field of
 * the task's Camunda Form as deployed with the process version (its label from that form) with the value the task was
 * completed with. Read-only fields are context that another step answered, recorded there, and are left out. One
 * mechanism for every task: a form field added in the model needs no change here.
 */
@Component
class RecordDossierEntryListener implements UserTaskCompletion {

    private final Dossier dossier;
    private final DeployedTaskForms forms;

    RecordDossierEntryListener(Dossier dossier, DeployedTaskForms forms) {
        this.dossier = dossier;
        this.forms = forms;
    }

    @Override
    public void completed(DelegateTask task) {
        List<CompletedStep.Answer> answers = fieldsOf(task).stream()
                .map(field -> new CompletedStep.Answer(field, task.getVariable(field.key())))
                .toList();
        String completedBy = CurrentUser.id(task.getExecution());
        dossier.record(new CompletedStep(
                DealInstances.dealId(task.getExecution()),
                task.getProcessInstanceId(),
                task.getId(),
                task.getTaskDefinitionKey(),
                stepName(task),
                phase(task),
                lesson(task),
                completedBy != null ? completedBy : task.getAssignee(),
                answers));
    }

    /** The step as the model names it (Tasklist's task name adds the deal's name). */
    private static String stepName(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        return userTask != null && userTask.getName() != null ? userTask.getName() : task.getName();
    }

    private static DealPhase phase(DelegateTask task) {
        return phase(ProcessValues.text(task, CityDealProcess.Variable.PHASE));
    }

    /** The phase a value of the phase variable names; null for none or one this version does not know. */
    static DealPhase phase(String phase) {
        if (phase == null) {
            return null;
        }
        try {
            return DealPhase.valueOf(phase);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String lesson(DelegateTask task) {
        return lesson((UserTask) task.getBpmnModelElementInstance());
    }

    /** The lesson behind a step: the user task's documentation in the model; null when it has none. */
    static String lesson(UserTask userTask) {
        if (userTask == null) {
            return null;
        }
        String lesson = userTask.getDocumentations().stream()
                .map(Documentation::getTextContent)
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .collect(Collectors.joining("\n"));
        return lesson.isEmpty() ? null : lesson;
    }

    /** The editable fields of the task's Camunda Form, in the form's order; none when the task has no such form. */
    private List<FormField> fieldsOf(DelegateTask task) {
        // whoever may complete the task may see its form; the form's definition is no deal data
        Optional<byte[]> form = forms.of(
                task.getProcessDefinitionId(),
                task.getBpmnModelElementInstance(),
                () -> Context.getCommandContext()
                        .runWithoutAuthorization(() ->
                                task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())));
        if (form.isEmpty()) {
            return List.of();
        }
        try (InputStream in = new ByteArrayInputStream(form.get())) {
            return CamundaForms.fields(in);
        } catch (IOException e) {
            throw new ProcessEngineException("Het formulier van taak %s is onleesbaar.".formatted(task.getId()), e);
        }
    }
}
