package nl.citydeal.engine.processengine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The element of an open task in its process version (its user task in the model), read from the engine once per
 * version and task: a deployed version never changes, and the engine's {@code getBpmnModelInstance} reads the
 * version's row from the database, and checks the current user's authorization, on every call (the model itself is
 * in the engine's cache). For the engine glue that holds a {@link Task} rather than a delegate (which has its element
 * at hand). At most {@link #MAX_CACHED} elements are kept; the models they belong to are the engine's cached ones.
 */
@Component
public class TaskElements {

    static final int MAX_CACHED = 1_000;

    private final RepositoryService repositoryService;
    private final Map<String, Optional<ModelElementInstance>> elements = new ConcurrentHashMap<>();

    /** The repository service is looked up on first use: the engine's plugins take this before the engine exists. */
    public TaskElements(@Lazy RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The task's element; empty for a task outside a process or one its version does not have. */
    public Optional<ModelElementInstance> of(Task task) {
        return of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    }

    /**
     * The element with this id in that process version; empty when either is missing or the version has no such
     * element. Throws the engine's {@link AuthorizationException} when the current user may not read the version and
     * it was not read before (then nothing is kept).
     */
    public Optional<ModelElementInstance> of(String processDefinitionId, String elementId) {
        if (processDefinitionId == null || elementId == null) {
            return Optional.empty();
        }
        String key = processDefinitionId + '#' + elementId;
        Optional<ModelElementInstance> known = elements.get(key);
        if (known != null) {
            return known;
        }
        Optional<ModelElementInstance> element = Optional.ofNullable(
                repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(elementId));
        if (elements.size() >= MAX_CACHED) {
            elements.clear();
        }
        elements.put(key, element);
        return element;
    }
}
