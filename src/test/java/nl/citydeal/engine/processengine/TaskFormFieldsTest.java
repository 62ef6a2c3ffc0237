package nl.citydeal.engine.processengine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess.Activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A deal lead completes a task with its form's fields only; the task's element in its process version (which tells
 * whether the form is bound for good) is read from the engine once per version and task, not on every completion.
 */
class TaskFormFieldsTest {

    static final String VERSION = "city-deal:3:one";

    FormService formService = mock(FormService.class);
    IdentityService identityService = mock(IdentityService.class);
    TaskService taskService = mock(TaskService.class);
    RepositoryService repositoryService = mock(RepositoryService.class);
    /** Runs a command at once, without a command context (the check then reads the task by the engine's query). */
    CommandExecutor executor = new CommandExecutor() {
        @Override
        public <T> T execute(Command<T> command) {
            return command.execute(null);
        }
    };

    TaskFormFields fields = new TaskFormFields(
            () -> formService,
            () -> identityService,
            () -> taskService,
            new TaskElements(repositoryService),
            new DeployedTaskForms());

    @BeforeEach
    void aDealLeadAndTheModel() throws IOException {
        when(identityService.getCurrentAuthentication())
                .thenReturn(new Authentication("dirk", List.of(Role.DEAL_LEAD.groupId())));
        try (InputStream bpmn = Files.newInputStream(Path.of("processes/city-deal.bpmn"))) {
            BpmnModelInstance model = Bpmn.readModelFromStream(bpmn);
            when(repositoryService.getBpmnModelInstance(VERSION)).thenReturn(model);
        }
        byte[] form = Files.readAllBytes(Path.of("forms/screen-participant.form"));
        when(formService.getDeployedTaskForm(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> new ByteArrayInputStream(form));
    }

    @Test
    void screeningsAreCheckedAgainstTheirFormAndTheModelIsReadOnce() {
        for (String taskId : List.of("screening-1", "screening-2", "screening-3")) {
            screeningTask(taskId);
            assertThat(fields.completing(
                            executor,
                            taskId,
                            Map.of("participantName", "Gemeente Zwolle", "participantAccepted", true),
                            () -> "completed " + taskId))
                    .isEqualTo("completed " + taskId);
        }

        verify(repositoryService, times(1)).getBpmnModelInstance(VERSION);
        verify(formService, times(1)).getDeployedTaskForm(org.mockito.ArgumentMatchers.anyString());
    }

    @Test
    void aVariableOutsideTheFormIsRefusedInDutchWithoutRunningTheCommandAlsoWhenTheModelWasReadBefore() {
        screeningTask("screening-1");
        fields.completing(executor, "screening-1", Map.of("participantName", "Gemeente Zwolle"), () -> null);
        screeningTask("screening-2");
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> fields.completing(
                        executor,
                        "screening-2",
                        Map.of("participantName", "Gemeente Zwolle", "dealLead", "mallory"),
                        () -> ran.add("screening-2")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Bij deze taak horen alleen de velden van haar formulier; dealLead mag u hier");
        assertThat(ran).isEmpty();
    }

    private void screeningTask(String taskId) {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn(taskId);
        when(task.getProcessDefinitionId()).thenReturn(VERSION);
        when(task.getTaskDefinitionKey()).thenReturn(Activity.SCREEN_PARTICIPANT);
        TaskQuery query = mock(TaskQuery.class, RETURNS_SELF);
        when(query.singleResult()).thenReturn(task);
        when(taskService.createTaskQuery()).thenReturn(query);
    }
}
