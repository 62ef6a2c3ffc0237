package nl.citydeal.engine.prompt.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.prompt.PromptKind;

/**
 * The prompt an open task answers ({@link PromptTaskKind#ofElement}), read from the task's process version once per version and
 * task: a deployed version never changes, and the engine's {@code getBpmnModelInstance} reads the version's row from
 * the database on every call (the model itself is in the engine's cache). Firing a prompt asks this for every open
 * task of the deal, twice (to raise the task and to link to it in the mail). At most {@link #MAX_CACHED} answers are
 * kept.
 */
@Component
class PromptTaskKinds {

    static final int MAX_CACHED = 1_000;

    private final RepositoryService repositoryService;
    private final Map<String, Optional<PromptKind>> kinds = new ConcurrentHashMap<>();

    PromptTaskKinds(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The kind of the prompt the open task answers; empty when it answers none. */
    Optional<PromptKind> of(Task task) {
        String definitionId = task.getProcessDefinitionId();
        String taskKey = task.getTaskDefinitionKey();
        if (definitionId == null || taskKey == null) {
            return Optional.empty();
        }
        String key = definitionId + '#' + taskKey;
        Optional<PromptKind> known = kinds.get(key);
        if (known != null) {
            return known;
        }
        Optional<PromptKind> kind = PromptTaskKind.ofElement(
                repositoryService.getBpmnModelInstance(definitionId).getModelElementById(taskKey));
        if (kinds.size() >= MAX_CACHED) {
            kinds.clear();
        }
        kinds.put(key, kind);
        return kind;
    }
}
