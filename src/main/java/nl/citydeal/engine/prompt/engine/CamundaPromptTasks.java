package nl.citydeal.engine.prompt.engine;

import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;
import nl.citydeal.engine.processengine.TaskElements;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.notify.PromptTasks;

/** Finds the open task that answers a prompt in the deal's {@code city-deal} instance. */
@Component
class CamundaPromptTasks implements PromptTasks {

    private final TaskService taskService;
    private final TaskElements taskElements;

    CamundaPromptTasks(TaskService taskService, TaskElements taskElements) {
        this.taskService = taskService;
        this.taskElements = taskElements;
    }

    /** The newest open task of the deal whose input parameter {@code promptKind} names the kind. */
    @Override
    public Optional<String> openTaskId(Deal deal, PromptKind kind) {
        if (deal == null || kind == null) {
            return Optional.empty();
        }
        return taskService
                .createTaskQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .processInstanceBusinessKeyIn(DealInstances.businessKeys(deal.getId(), deal.getReference()))
                .orderByTaskCreateTime()
                .desc()
                .listPage(0, ProcessValues.ROWS_OF_ONE_INSTANCE)
                .stream()
                .filter(task -> PromptTaskKind.of(taskElements, task).orElse(null) == kind)
                .map(Task::getId)
                .findFirst();
    }
}
