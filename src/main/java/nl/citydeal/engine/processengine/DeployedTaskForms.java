package nl.citydeal.engine.processengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form of a user task as deployed, read from the engine once per process version and task when the model
 * binds the task to a fixed form ({@code camunda:formRefBinding="deployment"}, or {@code "version"} with a version
 * written out): such a form never changes for that process version, so completing a task need not look it up again
 * (the engine's {@code getDeployedTaskForm}: the task, its authorization, the form definition and its resource, four
 * queries). A task bound to the latest form, or through an expression, is read each time. Used to check what a task is
 * completed with ({@code TaskFormFields}) and to record it in the dossier; at most {@link #MAX_CACHED} forms are kept.
 */
@Component
public class DeployedTaskForms {

    static final int MAX_CACHED = 1_000;

    private final Map<String, Optional<byte[]>> forms = new ConcurrentHashMap<>();

    /**
     * The JSON of the form of {@code task} (its element in process version {@code processDefinitionId}); empty when
     * the task has no Camunda Form. {@code read} is the engine's {@code getDeployedTaskForm} for the task: it throws
     * {@link BadUserRequestException} when there is no form, and whatever else it throws (no authorization) is
     * passed on and nothing is kept.
     */
    public Optional<byte[]> of(String processDefinitionId, UserTask task, Supplier<InputStream> read) {
        if (processDefinitionId == null || task == null || !fixed(task)) {
            return read(read);
        }
        String key = processDefinitionId + '#' + task.getId();
        Optional<byte[]> known = forms.get(key);
        if (known != null) {
            return known;
        }
        Optional<byte[]> form = read(read);
        if (forms.size() >= MAX_CACHED) {
            forms.clear();
        }
        forms.put(key, form);
        return form;
    }

    /** Whether the model binds the task to one form for good: by deployment, or by a version written out. */
    static boolean fixed(UserTask task) {
        String formRef = task.getCamundaFormRef();
        if (formRef == null || isExpression(formRef)) {
            return false;
        }
        String binding = task.getCamundaFormRefBinding();
        String version = task.getCamundaFormRefVersion();
        return "deployment".equals(binding) || "version".equals(binding) && version != null && !isExpression(version);
    }

    private static boolean isExpression(String value) {
        return value.contains("${") || value.contains("#{");
    }

    private static Optional<byte[]> read(Supplier<InputStream> read) {
        InputStream form;
        try {
            form = read.get();
        } catch (BadUserRequestException e) {
            return Optional.empty();
        }
        try (InputStream in = form) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
