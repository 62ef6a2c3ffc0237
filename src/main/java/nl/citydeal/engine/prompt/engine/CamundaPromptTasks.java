package nl.citydeal.engine.prompt.engine;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.notify.PromptTasks;

/** Finds the open task that answers a prompt in the deal's {@code city-deal} instance. */
@Component
class CamundaPromptTasks implements PromptTasks {

    private static final Map<PromptKind, String> TASK_OF_PROMPT = CityDealProcess.PROMPT_ANSWERS.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    private final TaskService taskService;

    public CamundaPromptTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public Optional<String> openTaskId(String dealId, PromptKind kind) {
        String taskKey = TASK_OF_PROMPT.get(kind);
        if (dealId == null || taskKey == null) {
            return Optional.empty();
        }
        return taskService
                .createTaskQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .processInstanceBusinessKey(dealId)
                .taskDefinitionKey(taskKey)
                .orderByTaskCreateTime()
                .desc()
                .listPage(0, 1)
                .stream()
                .map(Task::getId)
                .findFirst();
    }
}
