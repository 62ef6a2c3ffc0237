package nl.citydeal.engine.admin.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.admin.EngineIncidents;
import nl.citydeal.engine.processengine.DealInstances;

/**
 * The engine's incidents. A job that fails is tried again by the engine (its retries); after the last attempt the
 * engine opens a {@code failedJob} incident, whose configuration is the job. A retry gives the job one attempt, which
 * resolves the incident; if it fails again, a new incident opens.
 */
@Component
class CamundaIncidents implements EngineIncidents {

    static final String FAILED_JOB = Incident.FAILED_JOB_HANDLER_TYPE;

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;

    CamundaIncidents(
            RuntimeService runtimeService,
            ManagementService managementService,
            RepositoryService repositoryService,
            HistoryService historyService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.historyService = historyService;
    }

    @Override
    public List<EngineIncident> open(int max) {
        Map<String, BpmnModelInstance> models = new HashMap<>();
        return runtimeService.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, max).stream()
                .map(incident -> of(incident, models))
                .toList();
    }

    @Override
    public Optional<EngineIncident> find(String incidentId) {
        return Optional.ofNullable(runtimeService
                        .createIncidentQuery()
                        .incidentId(incidentId)
                        .singleResult())
                .map(incident -> of(incident, new HashMap<>()));
    }

    @Override
    public long count() {
        return runtimeService.createIncidentQuery().count();
    }

    @Override
    public boolean retry(String incidentId) {
        Incident incident =
                runtimeService.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null || !FAILED_JOB.equals(incident.getIncidentType())) {
            return false;
        }
        String jobId = incident.getConfiguration();
        try {
            // the due date stays: a timer that failed when it fell due runs at once, one not due yet waits for its date
            managementService.setJobRetries(jobId, 1);
            return true;
        } catch (ProcessEngineException jobGone) {
            return false;
        }
    }

    private EngineIncident of(Incident incident, Map<String, BpmnModelInstance> models) {
        boolean failedJob = FAILED_JOB.equals(incident.getIncidentType());
        String stacktrace = null;
        boolean timer = false;
        Instant dueAt = null;
        if (failedJob) {
            try {
                stacktrace = managementService.getJobExceptionStacktrace(incident.getConfiguration());
            } catch (ProcessEngineException jobGone) {
                // the job ended meanwhile (its instance was deleted): the incident goes with it
            }
            JobDefinition definition = incident.getJobDefinitionId() == null
                    ? null
                    : managementService
                            .createJobDefinitionQuery()
                            .jobDefinitionId(incident.getJobDefinitionId())
                            .singleResult();
            timer = definition != null && definition.getJobType().startsWith("timer");
            Job job = managementService
                    .createJobQuery()
                    .jobId(incident.getConfiguration())
                    .singleResult();
            dueAt = job == null || job.getDuedate() == null
                    ? null
                    : job.getDuedate().toInstant();
        }
        return new EngineIncident(
                incident.getId(),
                incident.getIncidentTimestamp().toInstant(),
                incident.getProcessInstanceId() == null
                        ? null
                        : DealInstances.dealIdOf(historyService, incident.getProcessInstanceId())
                                .orElse(null),
                activityName(incident, models),
                timer,
                dueAt,
                incident.getIncidentMessage(),
                stacktrace,
                failedJob);
    }

    private String activityName(Incident incident, Map<String, BpmnModelInstance> models) {
        if (incident.getProcessDefinitionId() == null || incident.getActivityId() == null) {
            return null;
        }
        BpmnModelInstance model =
                models.computeIfAbsent(incident.getProcessDefinitionId(), repositoryService::getBpmnModelInstance);
        FlowElement element = model == null ? null : model.getModelElementById(incident.getActivityId());
        return element == null || element.getName() == null ? incident.getActivityId() : element.getName();
    }
}
