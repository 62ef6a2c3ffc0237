package nl.citydeal.engine.prompt.engine;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;
import nl.citydeal.engine.processengine.TaskElements;
import nl.citydeal.engine.prompt.PromptKind;

/**
 * Raises a prompt that fell due while its task is still open: the task moves to the top of the deal lead's
 * list (high priority). The prompt's kind comes from the service task's input parameter {@code promptKind}; the
 * task it raises is the one whose own input parameter {@code promptKind} names the same kind.
 */
@Component
public class RaisePromptDelegate implements JavaDelegate {

    /** The priority a prompt task gets when its prompt falls due while it is open. */
    public static final int RAISED_PRIORITY = 80;

    private static final Logger log = LoggerFactory.getLogger(RaisePromptDelegate.class);
    private final TaskService taskService;
    private final TaskElements taskElements;

    RaisePromptDelegate(TaskService taskService, TaskElements taskElements) {
        this.taskService = taskService;
        this.taskElements = taskElements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromptKind kind = PromptKind.valueOf((String) execution.getVariableLocal(CityDealProcess.Variable.PROMPT_KIND));
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .listPage(0, ProcessValues.ROWS_OF_ONE_INSTANCE)) {
            if (PromptTaskKind.of(taskElements, task).orElse(null) == kind) {
                task.setPriority(RAISED_PRIORITY);
                taskService.saveTask(task);
            }
        }
        log.info("Prompt {} raised for deal {}", kind, DealInstances.dealId(execution));
    }
}
