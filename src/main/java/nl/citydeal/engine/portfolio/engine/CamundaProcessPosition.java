package nl.citydeal.engine.portfolio.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.portfolio.ProcessPosition;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;

/**
 * A deal's position in its {@code city-deal} process instance (found by business key, the deal's id): the
 * deployed BPMN of the instance's own process definition version, the activities it waits in and those it
 * completed. A finished instance is found in the history.
 */
@Component
class CamundaProcessPosition implements ProcessPosition {

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final DealInstances dealInstances;

    public CamundaProcessPosition(
            RepositoryService repositoryService,
            RuntimeService runtimeService,
            HistoryService historyService,
            TaskService taskService,
            DealInstances dealInstances) {
        this.dealInstances = dealInstances;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
    }

    @Override
    public List<OpenTask> openTasks(String dealId) {
        return taskService
                .createTaskQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .processInstanceBusinessKeyIn(dealInstances.businessKeys(dealId))
                .orderByTaskCreateTime()
                .asc()
                .listPage(0, MAX_OPEN_TASKS)
                .stream()
                .map(task -> new OpenTask(
                        task.getId(),
                        task.getName(),
                        task.getAssignee(),
                        task.getAssignee() != null ? List.of() : candidateGroups(task.getId()),
                        task.getDueDate() == null ? null : task.getDueDate().toInstant()))
                .toList();
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }

    @Override
    public Optional<Diagram> of(String dealId) {
        List<HistoricProcessInstance> instances = historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .processInstanceBusinessKeyIn(dealInstances.businessKeys(dealId))
                .orderByProcessInstanceStartTime()
                .desc()
                .listPage(0, 1);
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        HistoricProcessInstance instance = instances.get(0);
        String definitionId = instance.getProcessDefinitionId();
        boolean running = instance.getEndTime() == null
                && runtimeService
                                .createProcessInstanceQuery()
                                .processInstanceId(instance.getId())
                                .count()
                        > 0;
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);
        List<Step> active = running
                ? runtimeService.getActiveActivityIds(instance.getId()).stream()
                        .distinct()
                        .map(id -> new Step(id, nameOf(model, id)))
                        .toList()
                : List.of();
        List<String> completed =
                historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId())
                        .finished()
                        .list()
                        .stream()
                        .map(HistoricActivityInstance::getActivityId)
                        .distinct()
                        .toList();
        return Optional.of(new Diagram(instance.getId(), xmlOf(definitionId), running, active, completed));
    }

    private String xmlOf(String definitionId) {
        try (InputStream xml = repositoryService.getProcessModel(definitionId)) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the BPMN of " + definitionId, e);
        }
    }

    private static String nameOf(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId);
        if (element instanceof FlowElement flowElement
                && flowElement.getName() != null
                && !flowElement.getName().isBlank()) {
            return flowElement.getName();
        }
        return activityId;
    }
}
