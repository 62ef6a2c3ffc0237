package nl.citydeal.engine.dossier.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.dossier.CompletedStep;
import nl.citydeal.engine.dossier.Dossier;
import nl.citydeal.engine.dossier.FormField;
import nl.citydeal.engine.processengine.CityDealProcess;

/**
 * Deals that ran before the dossier existed (issue #17, table {@code dossier_entry} since V106): at start-up, every
 * completed user task of a deal that has no dossier entry gets one rebuilt from what the engine's history still holds
 * (history level full): the task and the lesson from the model version it ran in, each editable field of its Camunda
 * Form with the label of the form deployed with that version and the value the task set (the historic variable
 * updates of the task's activity instance; else the value the variable had when the task ended), who completed it (the user operation log, else the assignee), when, and
 * the phase the deal was in then. The entries are marked "uit de procesgeschiedenis". Idempotent: a task with an
 * entry is skipped, so a second start adds nothing; only tasks that ended before the dossier recorded its first step
 * are looked at (all later ones were recorded as they were completed). What the history cleanup removed is gone.
 */
@Component
class DossierHistoryBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(DossierHistoryBackfill.class);
    static final int PAGE = 500;

    /** The delete reason of a task that was completed (not cancelled, escalated or ended by an event). */
    private static final String COMPLETED = "completed";

    private final HistoryService history;
    private final RepositoryService repository;
    private final Dossier dossier;

    DossierHistoryBackfill(HistoryService history, RepositoryService repository, Dossier dossier) {
        this.history = history;
        this.repository = repository;
        this.dossier = dossier;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        try {
            int rebuilt = backfill();
            if (rebuilt > 0) {
                LOG.info("Rebuilt {} dossier entries from the process history", rebuilt);
            }
        } catch (RuntimeException e) {
            // the application runs without them; the next start tries again
            LOG.warn("Could not rebuild dossier entries from the process history", e);
        }
    }

    /** Rebuilds the missing entries; returns how many it recorded. */
    int backfill() {
        Optional<Instant> recordingSince = dossier.recordingSince();
        Forms forms = new Forms();
        int rebuilt = 0;
        for (int offset = 0; ; offset += PAGE) {
            HistoricTaskInstanceQuery query = history.createHistoricTaskInstanceQuery()
                    .processDefinitionKey(CityDealProcess.KEY)
                    .finished();
            // a minute's margin: the engine's clock and the dossier's are the same clock, read a moment apart
            recordingSince.ifPresent(since -> query.finishedBefore(Date.from(since.plusSeconds(60))));
            List<HistoricTaskInstance> page = query.orderByHistoricTaskInstanceEndTime()
                    .asc()
                    .orderByTaskId()
                    .asc()
                    .listPage(offset, PAGE);
            Set<String> recorded = dossier.recordedTasks(
                    page.stream().map(HistoricTaskInstance::getId).toList());
            List<HistoricTaskInstance> missing = page.stream()
                    .filter(task -> COMPLETED.equals(task.getDeleteReason()))
                    .filter(task -> !recorded.contains(task.getId()))
                    .toList();
            Map<String, String> dealIds = dealIds(missing);
            Map<String, List<HistoricVariableUpdate>> updates = new HashMap<>();
            for (HistoricTaskInstance task : missing) {
                String dealId = dealIds.get(task.getProcessInstanceId());
                if (dealId == null) {
                    continue;
                }
                List<HistoricVariableUpdate> ofDeal =
                        updates.computeIfAbsent(task.getProcessInstanceId(), this::variableUpdates);
                if (dossier.recordFromHistory(
                                step(task, dealId, ofDeal, forms),
                                task.getEndTime().toInstant())
                        .isPresent()) {
                    rebuilt++;
                }
            }
            if (page.size() < PAGE) {
                return rebuilt;
            }
        }
    }

    private CompletedStep step(
            HistoricTaskInstance task, String dealId, List<HistoricVariableUpdate> updates, Forms forms) {
        UserTask userTask = forms.model(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey());
        // what the task itself set (updates of its activity instance or its task); for a field it did not set there
        // (a variable of an enclosing scope), the value the variable had when the task ended
        Map<String, Object> values = new HashMap<>();
        Map<String, Object> atEnd = new HashMap<>();
        for (HistoricVariableUpdate update : updates) {
            if (update.getValue() == null) {
                // a variable's removal (a listener that took the answer over) is an update to null: keep the answer
                continue;
            }
            if (task.getId().equals(update.getTaskId())
                    || (task.getActivityInstanceId() != null
                            && task.getActivityInstanceId().equals(update.getActivityInstanceId()))) {
                values.put(update.getVariableName(), update.getValue());
            } else if (!update.getTime().after(task.getEndTime())) {
                atEnd.put(update.getVariableName(), update.getValue());
            }
        }
        atEnd.forEach(values::putIfAbsent);
        // what was submitted with the form, as the history keeps it per task (text): it holds also what a listener
        // took over and removed from the variables in the same step (the participant screening's fields)
        for (HistoricDetail detail : history.createHistoricDetailQuery()
                .formFields()
                .taskId(task.getId())
                .list()) {
            HistoricFormField submitted = (HistoricFormField) detail;
            if (submitted.getFieldValue() != null) {
                values.putIfAbsent(submitted.getFieldId(), submitted.getFieldValue());
            }
        }
        List<CompletedStep.Answer> answers = forms.fields(task.getProcessDefinitionId(), userTask).stream()
                .map(field -> new CompletedStep.Answer(field, typed(field, values.get(field.key()))))
                .toList();
        return new CompletedStep(
                dealId,
                task.getProcessInstanceId(),
                task.getId(),
                task.getTaskDefinitionKey(),
                userTask != null && userTask.getName() != null ? userTask.getName() : task.getName(),
                phaseAt(updates, task.getEndTime()),
                RecordDossierEntryListener.lesson(userTask),
                completedBy(task),
                answers);
    }

    /** A checkbox's answer as the form history keeps it ("true") as the yes/no it was. */
    private static Object typed(FormField field, Object value) {
        return "checkbox".equals(field.type()) && value instanceof String text ? Boolean.valueOf(text) : value;
    }

    /**
     * The deal of each process instance: its variable {@code dealId} as the history keeps it (the business key is the
     * deal's reference, or its id in an instance that finished before the references).
     */
    private Map<String, String> dealIds(List<HistoricTaskInstance> tasks) {
        Set<String> instances =
                tasks.stream().map(HistoricTaskInstance::getProcessInstanceId).collect(Collectors.toSet());
        if (instances.isEmpty()) {
            return Map.of();
        }
        Map<String, String> dealIds = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new))
                .variableName(CityDealProcess.Variable.DEAL_ID)
                .list()) {
            if (variable.getValue() instanceof String dealId) {
                dealIds.put(variable.getProcessInstanceId(), dealId);
            }
        }
        return dealIds;
    }

    /** Every value the instance's variables took, oldest first. */
    private List<HistoricVariableUpdate> variableUpdates(String processInstanceId) {
        List<HistoricVariableUpdate> updates = new ArrayList<>();
        for (HistoricDetail detail : history.createHistoricDetailQuery()
                .variableUpdates()
                .processInstanceId(processInstanceId)
                .orderPartiallyByOccurrence()
                .asc()
                .list()) {
            updates.add((HistoricVariableUpdate) detail);
        }
        return updates;
    }

    /** The phase the deal was in when the task ended: the last value of the phase variable set before. */
    private static DealPhase phaseAt(List<HistoricVariableUpdate> updates, Date end) {
        String phase = null;
        for (HistoricVariableUpdate update : updates) {
            if (CityDealProcess.Variable.PHASE.equals(update.getVariableName())
                    && !update.getTime().after(end)
                    && update.getValue() != null) {
                phase = update.getValue().toString();
            }
        }
        return RecordDossierEntryListener.phase(phase);
    }

    /** Who completed the task, as the user operation log has it; else its assignee. */
    private String completedBy(HistoricTaskInstance task) {
        return history
                .createUserOperationLogQuery()
                .taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list()
                .stream()
                .map(UserOperationLogEntry::getUserId)
                .filter(user -> user != null && !user.isBlank())
                .findFirst()
                .orElse(task.getAssignee());
    }

    /** The models and the forms of the process versions met, each read once. */
    private final class Forms {

        private final Map<String, BpmnModelInstance> models = new HashMap<>();
        private final Map<String, Map<String, JsonNode>> formsByDeployment = new HashMap<>();

        BpmnModelInstance model(String processDefinitionId) {
            return models.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance);
        }

        /** The editable fields of the task's form as deployed with the process version (its formRef). */
        List<FormField> fields(String processDefinitionId, UserTask userTask) {
            if (userTask == null || userTask.getCamundaFormRef() == null) {
                return List.of();
            }
            ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
            JsonNode form = formsByDeployment
                    .computeIfAbsent(definition.getDeploymentId(), this::formsOf)
                    .get(userTask.getCamundaFormRef());
            return form == null ? List.of() : CamundaForms.fields(form);
        }

        /** The Camunda Forms of a deployment, by id. */
        private Map<String, JsonNode> formsOf(String deploymentId) {
            Map<String, JsonNode> forms = new LinkedHashMap<>();
            for (String name : repository.getDeploymentResourceNames(deploymentId)) {
                if (!name.endsWith(".form")) {
                    continue;
                }
                try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                    JsonNode form = CamundaForms.read(in);
                    String id = CamundaForms.id(form);
                    if (id != null) {
                        forms.put(id, form);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Form " + name + " of deployment " + deploymentId, e);
                }
            }
            return forms;
        }
    }
}
