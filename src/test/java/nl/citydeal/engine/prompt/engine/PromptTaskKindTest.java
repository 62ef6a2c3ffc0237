package nl.citydeal.engine.prompt.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.citydeal.engine.processengine.CityDealProcess.Activity;
import nl.citydeal.engine.processengine.TaskElements;
import nl.citydeal.engine.prompt.PromptKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The prompt an open task answers, read from the deployed model once per process version and task. */
class PromptTaskKindTest {

    static final String VERSION = "city-deal:3:one";

    RepositoryService repositoryService = mock(RepositoryService.class);
    TaskElements elements = new TaskElements(repositoryService);

    @BeforeEach
    void theModel() throws IOException {
        try (InputStream bpmn = Files.newInputStream(Path.of("processes/city-deal.bpmn"))) {
            BpmnModelInstance model = Bpmn.readModelFromStream(bpmn);
            when(repositoryService.getBpmnModelInstance(VERSION)).thenReturn(model);
        }
    }

    @Test
    void aPromptTaskAnswersItsPromptAndTheModelIsReadOncePerVersionAndTask() {
        Task first = task(VERSION, Activity.HOLD_OWNERSHIP_CONVERSATION);
        Task second = task(VERSION, Activity.HOLD_OWNERSHIP_CONVERSATION);
        Task other = task(VERSION, Activity.SCREEN_PARTICIPANT);

        assertThat(PromptTaskKind.of(elements, first)).contains(PromptKind.OWNERSHIP_CONVERSATION);
        assertThat(PromptTaskKind.of(elements, second)).contains(PromptKind.OWNERSHIP_CONVERSATION);
        assertThat(PromptTaskKind.of(elements, other))
                .as("screening a participant answers no prompt")
                .isEmpty();
        assertThat(PromptTaskKind.of(elements, other)).isEmpty();

        verify(repositoryService, times(2)).getBpmnModelInstance(VERSION);
    }

    @Test
    void aTaskOutsideAProcessAnswersNoPromptWithoutAskingTheEngine() {
        assertThat(PromptTaskKind.of(elements, task(null, null))).isEmpty();

        verify(repositoryService, never()).getBpmnModelInstance(org.mockito.ArgumentMatchers.any());
    }

    private static Task task(String processDefinitionId, String taskDefinitionKey) {
        Task task = mock(Task.class);
        when(task.getProcessDefinitionId()).thenReturn(processDefinitionId);
        when(task.getTaskDefinitionKey()).thenReturn(taskDefinitionKey);
        return task;
    }
}
