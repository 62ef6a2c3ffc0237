package nl.citydeal.engine.prompt.engine;

import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.UserTaskCreation;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.notify.ReminderProperties;

/**
 * Makes every task of a deal readable in Tasklist when it is created: its name carries the deal
 * and its reference, the business key ("Eigenaarschapsgesprek voeren — City Deal Klimaatadaptatie (CD-2026-014)"),
 * its description says what is asked and which
 * lesson is behind it, and a prompt task's due date is the prompt's date with the reminder date as follow-up
 * date, so Tasklist's own sorting and due highlighting work. Told of every task of a deal by the engine's built-in
 * create listener ({@link UserTaskCreation}), in the transaction that creates the task; the deal's values are read from
 * the task's execution, which holds them already (a new task's own variables would be one more query, and it has none).
 */
@Component
class TaskDisplay implements UserTaskCreation {

    static final String SEPARATOR = " — ";

    private final Period reminderLeadTime;

    public TaskDisplay(ReminderProperties reminders) {
        this.reminderLeadTime = reminders.leadTime();
    }

    @Override
    public void created(DelegateTask task) {
        if (!CityDealProcess.KEY.equals(processKey(task))) {
            return;
        }
        DelegateExecution execution = task.getExecution();
        if (execution == null) {
            return;
        }
        Object dealName = execution.getVariable(CityDealProcess.Variable.DEAL_NAME);
        if (dealName != null && task.getName() != null && !task.getName().contains(SEPARATOR)) {
            String reference = execution.getProcessBusinessKey();
            task.setName(task.getName() + SEPARATOR + dealName + (reference == null ? "" : " (" + reference + ")"));
        }
        PromptKind prompt = PromptTaskKind.of(task).orElse(null);
        if (prompt != null) {
            task.setDescription(prompt.label() + ". " + prompt.lesson());
            Date due = task.getDueDate() != null ? task.getDueDate() : dueOf(task, execution, prompt);
            task.setDueDate(due);
            task.setFollowUpDate(followUp(due));
        } else if (task.getDescription() == null) {
            task.setDescription(documentation(task));
        }
    }

    /** The reminder date of a prompt task: the lead time before it is due. */
    Date followUp(Date due) {
        return Date.from(due.toInstant()
                .atZone(PromptSchedule.ZONE)
                .minus(reminderLeadTime)
                .toInstant());
    }

    private static Date dueOf(DelegateTask task, DelegateExecution execution, PromptKind prompt) {
        Object value = execution.getVariable(CityDealProcess.dueAtVariable(prompt));
        return value == null
                ? task.getCreateTime()
                : Date.from(Instant.from(java.time.OffsetDateTime.parse(value.toString())));
    }

    private static String documentation(DelegateTask task) {
        if (task.getBpmnModelElementInstance() == null) {
            return null;
        }
        String text = task.getBpmnModelElementInstance().getDocumentations().stream()
                .map(Documentation::getTextContent)
                .collect(Collectors.joining(" "))
                .strip();
        return text.isEmpty() ? null : text;
    }

    private static String processKey(DelegateTask task) {
        String definitionId = task.getProcessDefinitionId();
        return definitionId == null ? null : definitionId.substring(0, definitionId.indexOf(':'));
    }
}
