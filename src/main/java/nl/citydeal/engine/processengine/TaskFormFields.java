package nl.citydeal.engine.processengine;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.identity.Role;

/**
 * Who works on a task without managing the deals (a deal lead) may send with it only the fields of the task's own
 * Camunda Form: completing, submitting, resolving or ending a task with a BPMN error or escalation with any other
 * variable is refused with a Dutch message (400 through the engine REST API, shown on the form in Tasklist) before
 * anything changes. The programme office and administrators, and the application itself (no authenticated user),
 * are not limited. Writing variables outside completing a task is the engine's own authorization: a task's
 * assignee holds READ and TASK_WORK on it, not UPDATE ({@link EngineHardeningPlugin}).
 * <p>
 * The check runs in the command that then completes the task ({@link #completing}): one transaction, and the task is
 * read once, by id.
 */
final class TaskFormFields {

    private static final Set<String> UNLIMITED_GROUPS =
            Set.of(Role.PROGRAMME_OFFICE.groupId(), Role.ADMINISTRATOR.groupId());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<FormService> formService;
    private final Supplier<IdentityService> identityService;
    private final Supplier<TaskService> taskService;
    private final TaskElements elements;
    private final DeployedTaskForms forms;

    TaskFormFields(
            Supplier<FormService> formService,
            Supplier<IdentityService> identityService,
            Supplier<TaskService> taskService,
            TaskElements elements,
            DeployedTaskForms forms) {
        this.formService = formService;
        this.identityService = identityService;
        this.taskService = taskService;
        this.elements = elements;
        this.forms = forms;
    }

    /**
     * Runs the engine's command completing or submitting the task ({@code command}) unless its variables are refused,
     * as the engine REST API answers 400 for completing and submitting a task ({@link FormFieldValidationException}).
     */
    <T> T completing(CommandExecutor executor, String taskId, Map<String, ?> variables, Supplier<T> command) {
        return checked(
                executor,
                taskId,
                variables,
                command,
                refusal -> new FormFieldValidationException("variables", refusal));
    }

    /** The same, as the engine REST API answers 400 for resolving a task or a BPMN error or escalation. */
    <T> T commanding(CommandExecutor executor, String taskId, Map<String, ?> variables, Supplier<T> command) {
        return checked(executor, taskId, variables, command, BadUserRequestException::new);
    }

    /**
     * The check and the engine's command run in one command context, so in one transaction, and the engine's command
     * reuses the context and the task the check read (as a service called inside a command does). A refusal is thrown
     * once that context has closed, having changed nothing: thrown inside it, the engine would log a user's mistake
     * as an error.
     */
    private <T> T checked(
            CommandExecutor executor,
            String taskId,
            Map<String, ?> variables,
            Supplier<T> command,
            Function<String, RuntimeException> refused) {
        Outcome<T> outcome = executor.execute(context -> {
            String refusal = refusal(taskId, variables);
            return refusal != null ? new Outcome<>(null, refusal) : new Outcome<>(command.get(), null);
        });
        if (outcome.refusal() != null) {
            throw refused.apply(outcome.refusal());
        }
        return outcome.result();
    }

    /** What the engine's command returned, or why it did not run. */
    private record Outcome<T>(T result, String refusal) {}

    private String refusal(String taskId, Map<String, ?> variables) {
        if (variables == null || variables.isEmpty() || !limited()) {
            return null;
        }
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return refusal(taskId, visibleTask(taskId), variables);
        }
        // inside the command that completes the task: a read by id, which that command then finds in its cache
        Task task = context.getTaskManager().findTaskById(taskId);
        String refusal = refusal(taskId, task, variables);
        if (refusal != null && task != null && visibleTask(taskId) == null) {
            // a task the user cannot see: answered as completing it would, below, and not from its form
            return refusal(taskId, null, variables);
        }
        return refusal;
    }

    /** The task as the user sees it (the engine's query, with their authorizations); null when they cannot. */
    private Task visibleTask(String taskId) {
        return taskService.get().createTaskQuery().taskId(taskId).singleResult();
    }

    private String refusal(String taskId, Task task, Map<String, ?> variables) {
        Fields fields = fieldsOf(taskId, task);
        Set<String> refused = new TreeSet<>(variables.keySet());
        refused.removeAll(fields.editable());
        refused.removeAll(fields.readOnly());
        if (!refused.isEmpty()) {
            return ("Bij deze taak horen alleen de velden van haar formulier; %s mag u hier niet meesturen.")
                    .formatted(String.join(", ", refused));
        }
        // a form sends its read-only fields back as they are; a changed one is someone else's answer
        Set<String> changed = new TreeSet<>();
        for (String key : fields.readOnly()) {
            if (variables.containsKey(key)
                    && !same(variables.get(key), taskService.get().getVariable(taskId, key))) {
                changed.add(key);
            }
        }
        return changed.isEmpty()
                ? null
                : "%s staat op dit formulier alleen ter inzage; u kunt het hier niet wijzigen."
                        .formatted(String.join(", ", changed));
    }

    private static boolean same(Object sent, Object current) {
        Object value = sent instanceof org.camunda.bpm.engine.variable.value.TypedValue typed ? typed.getValue() : sent;
        boolean sentEmpty = value == null || value.toString().isEmpty();
        boolean currentEmpty = current == null || current.toString().isEmpty();
        return sentEmpty && currentEmpty
                || value != null && current != null && value.toString().equals(current.toString());
    }

    private boolean limited() {
        Authentication authentication = identityService.get().getCurrentAuthentication();
        if (authentication == null) {
            return false;
        }
        return authentication.getGroupIds() == null
                || authentication.getGroupIds().stream().noneMatch(UNLIMITED_GROUPS::contains);
    }

    /** The keys of the input fields of a task's Camunda Form: those one may fill in, and those shown read-only. */
    private record Fields(Set<String> editable, Set<String> readOnly) {}

    /**
     * The fields of the task's Camunda Form; none when the task has no such form. Without the task (null: none, or one
     * the user cannot see) the engine's form lookup answers, as completing it would.
     */
    private Fields fieldsOf(String taskId, Task task) {
        Fields fields = new Fields(new TreeSet<>(), new TreeSet<>());
        String definitionId = task == null ? null : task.getProcessDefinitionId();
        UserTask element = definitionId == null || task.getTaskDefinitionKey() == null
                ? null
                : modelElement(definitionId, task.getTaskDefinitionKey());
        Optional<byte[]> form =
                forms.of(definitionId, element, () -> formService.get().getDeployedTaskForm(taskId));
        if (form.isEmpty()) {
            return fields;
        }
        try {
            collectKeys(JSON.readTree(form.get()), fields);
        } catch (IOException e) {
            throw new ProcessEngineException("Het formulier van taak %s is onleesbaar.".formatted(taskId), e);
        }
        return fields;
    }

    /**
     * The task's element in its process version ({@link TaskElements}: read once per version and task); null when the
     * user may not read the version and it was not read before (then the form is not cached). The element only tells
     * whether the task's form is bound for good: the engine still checks, on completing, that the user may work on the
     * task.
     */
    private UserTask modelElement(String definitionId, String taskDefinitionKey) {
        try {
            return elements.of(definitionId, taskDefinitionKey)
                    .filter(UserTask.class::isInstance)
                    .map(UserTask.class::cast)
                    .orElse(null);
        } catch (AuthorizationException e) {
            return null;
        }
    }

    private static void collectKeys(JsonNode node, Fields fields) {
        if (node == null) {
            return;
        }
        JsonNode components = node.get("components");
        if (components == null || !components.isArray()) {
            return;
        }
        for (JsonNode component : components) {
            JsonNode key = component.get("key");
            String type = component.path("type").asText();
            if (key != null && key.isTextual() && !"button".equals(type)) {
                (component.path("readonly").asBoolean(false) ? fields.readOnly() : fields.editable()).add(key.asText());
            }
            collectKeys(component, fields);
        }
    }
}
