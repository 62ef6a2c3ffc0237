package nl.citydeal.engine.admin.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.citydeal.engine.admin.InvalidMigrationException;
import nl.citydeal.engine.admin.MigrationCheck;
import nl.citydeal.engine.admin.MigrationProgress;
import nl.citydeal.engine.admin.MigrationRequest;
import nl.citydeal.engine.admin.MigrationStarted;
import nl.citydeal.engine.admin.Migrations;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.PromptPlanning;

/**
 * Migrates running process instances with the engine's migration API: a plan that maps equal activity ids and
 * updates event triggers (timers are evaluated again on the target version), executed as a batch.
 *
 * <p>The dry run first names the active activities of each deal that the plan does not map; a deal whose
 * activities all map is migrated for real inside a transaction that is always rolled back, so the report holds
 * exactly what the engine would refuse, per deal. A real migration first plans the prompts of every deal that
 * can move again with the prompt schedule as deployed now ({@link PromptPlanning#replan}), in the same transaction
 * that creates the batch; the batch then re-evaluates every timer on the target version against those dates.
 */
@Component
class CamundaMigrations implements Migrations {

    private static final Logger log = LoggerFactory.getLogger(CamundaMigrations.class);
    private static final String NO_INSTRUCTION = "no migration instruction";

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final PromptPlanning promptPlanning;
    private final TransactionTemplate transaction;
    private final TransactionTemplate rolledBackTransaction;

    public CamundaMigrations(
            RepositoryService repositoryService,
            RuntimeService runtimeService,
            ManagementService managementService,
            HistoryService historyService,
            TaskService taskService,
            PromptPlanning promptPlanning,
            PlatformTransactionManager transactionManager) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.promptPlanning = promptPlanning;
        this.transaction = new TransactionTemplate(transactionManager);
        this.rolledBackTransaction = new TransactionTemplate(transactionManager);
        this.rolledBackTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public List<MigrationCheck> dryRun(MigrationRequest request) {
        return check(versions(request));
    }

    @Override
    public MigrationStarted start(MigrationRequest request) {
        Versions versions = versions(request);
        List<MigrationCheck> checks = check(versions);
        List<String> movable = checks.stream()
                .filter(MigrationCheck::canMigrate)
                .map(MigrationCheck::processInstanceId)
                .toList();
        if (movable.isEmpty()) {
            throw new InvalidMigrationException(
                    "sourceVersion",
                    checks.isEmpty()
                            ? "Er lopen geen deals op versie %d.".formatted(request.sourceVersion())
                            : "Geen van de %d lopende deals op versie %d kan over naar versie %d; zie de proefmigratie."
                                    .formatted(checks.size(), request.sourceVersion(), request.targetVersion()));
        }
        MigrationPlan plan = plan(versions);
        Batch batch = transaction.execute(status -> {
            movable.forEach(promptPlanning::replan);
            renameOpenTasks(plan, versions, Set.copyOf(movable));
            return runtimeService.newMigration(plan).processInstanceIds(movable).executeAsync();
        });
        log.info("Migration {} started as batch {} for {} deals", request, batch.getId(), movable.size());
        return new MigrationStarted(
                batch.getId(),
                movable.size(),
                checks.stream().filter(check -> !check.canMigrate()).toList());
    }

    /**
     * The engine's migration keeps an open task's name; a task renamed in the target version would keep its old name
     * in Tasklist until the deal's next task. So the open tasks of the deals that move get the target's name now (the
     * part after {@code " — "}, the deal, stays), in the transaction that creates the batch. Only deals the dry run
     * found movable move; one the batch still fails keeps its version and shows the new name.
     */
    private void renameOpenTasks(MigrationPlan plan, Versions versions, Set<String> movable) {
        BpmnModelInstance source =
                repositoryService.getBpmnModelInstance(versions.source().getId());
        BpmnModelInstance target =
                repositoryService.getBpmnModelInstance(versions.target().getId());
        Map<String, String> targetActivity = new HashMap<>();
        plan.getInstructions()
                .forEach(instruction ->
                        targetActivity.put(instruction.getSourceActivityId(), instruction.getTargetActivityId()));
        taskService.createTaskQuery().processDefinitionId(versions.source().getId()).list().stream()
                .filter(task -> movable.contains(task.getProcessInstanceId()))
                .forEach(task -> {
                    String from = name(source, task.getTaskDefinitionKey());
                    String to = name(target, targetActivity.get(task.getTaskDefinitionKey()));
                    if (from != null
                            && to != null
                            && !from.equals(to)
                            && task.getName() != null
                            && task.getName().startsWith(from)) {
                        task.setName(to + task.getName().substring(from.length()));
                        taskService.saveTask(task);
                    }
                });
    }

    private static String name(BpmnModelInstance model, String activityId) {
        if (activityId == null) {
            return null;
        }
        ModelElementInstance element = model.getModelElementById(activityId);
        return element instanceof FlowElement flowElement ? flowElement.getName() : null;
    }

    @Override
    public Optional<MigrationProgress> progress(String batchId) {
        BatchStatistics running =
                managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
        if (running != null) {
            return Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(running.getType())
                    ? Optional.of(new MigrationProgress(
                            batchId,
                            running.getTotalJobs(),
                            running.getCompletedJobs(),
                            running.getFailedJobs(),
                            false))
                    : Optional.empty();
        }
        HistoricBatch finished =
                historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
        if (finished == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(finished.getType())) {
            return Optional.empty();
        }
        boolean done = finished.getEndTime() != null;
        return Optional.of(
                new MigrationProgress(batchId, finished.getTotalJobs(), done ? finished.getTotalJobs() : 0, 0, done));
    }

    private List<MigrationCheck> check(Versions versions) {
        List<ProcessInstance> instances = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionId(versions.source().getId())
                .orderByProcessInstanceId()
                .asc()
                .list();
        MigrationPlan plan;
        try {
            plan = plan(versions);
        } catch (MigrationPlanValidationException e) {
            List<String> reasons = planFailures(e);
            return instances.stream()
                    .map(instance -> new MigrationCheck(
                            dealId(instance), instance.getBusinessKey(), instance.getId(), false, reasons))
                    .toList();
        }
        return instances.stream()
                .map(instance -> check(plan, instance, versions))
                .toList();
    }

    /**
     * Reports the activities of the instance that the plan does not map; when all map, migrates the one instance
     * and rolls back whatever happened: what the engine refuses is the report.
     */
    private MigrationCheck check(MigrationPlan plan, ProcessInstance instance, Versions versions) {
        List<String> reasons = unmappedActivities(plan, instance, versions);
        if (!reasons.isEmpty()) {
            return new MigrationCheck(dealId(instance), instance.getBusinessKey(), instance.getId(), false, reasons);
        }
        rolledBackTransaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                runtimeService
                        .newMigration(plan)
                        .processInstanceIds(instance.getId())
                        .execute();
            } catch (MigratingProcessInstanceValidationException e) {
                reasons.addAll(reasons(e.getValidationReport(), versions));
            } catch (ProcessEngineException e) {
                reasons.add(e.getMessage());
            }
        });
        return new MigrationCheck(
                dealId(instance), instance.getBusinessKey(), instance.getId(), reasons.isEmpty(), reasons);
    }

    /** The id of the instance's deal (its variable {@code dealId}; the business key is the deal's reference). */
    private String dealId(ProcessInstance instance) {
        return (String) runtimeService.getVariable(instance.getId(), CityDealProcess.Variable.DEAL_ID);
    }

    private List<String> unmappedActivities(MigrationPlan plan, ProcessInstance instance, Versions versions) {
        Set<String> mapped = plan.getInstructions().stream()
                .map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        Set<String> active = new LinkedHashSet<>();
        ActivityInstance tree = runtimeService.getActivityInstance(instance.getId());
        if (tree != null) {
            collectActivities(tree, active);
        }
        active.removeAll(mapped);
        if (active.isEmpty()) {
            return List.of();
        }
        BpmnModelInstance source =
                repositoryService.getBpmnModelInstance(versions.source().getId());
        return active.stream()
                .map(activityId -> reason(source, activityId, NO_INSTRUCTION, versions))
                .toList();
    }

    private static void collectActivities(ActivityInstance scope, Set<String> activities) {
        for (ActivityInstance child : scope.getChildActivityInstances()) {
            activities.add(child.getActivityId());
            collectActivities(child, activities);
        }
        for (TransitionInstance transition : scope.getChildTransitionInstances()) {
            activities.add(transition.getActivityId());
        }
    }

    private MigrationPlan plan(Versions versions) {
        return runtimeService
                .createMigrationPlan(
                        versions.source().getId(), versions.target().getId())
                .mapEqualActivities()
                .updateEventTriggers()
                .build();
    }

    private List<String> reasons(MigratingProcessInstanceValidationReport report, Versions versions) {
        BpmnModelInstance source =
                repositoryService.getBpmnModelInstance(versions.source().getId());
        List<String> reasons = new ArrayList<>(report.getFailures());
        report.getActivityInstanceReports()
                .forEach(activity -> activity.getFailures()
                        .forEach(failure ->
                                reasons.add(reason(source, activity.getSourceScopeId(), failure, versions))));
        report.getTransitionInstanceReports()
                .forEach(transition -> transition
                        .getFailures()
                        .forEach(failure ->
                                reasons.add(reason(source, transition.getSourceScopeId(), failure, versions))));
        return reasons;
    }

    private static String reason(BpmnModelInstance source, String activityId, String failure, Versions versions) {
        String activity = describe(source, activityId);
        return failure.contains(NO_INSTRUCTION)
                ? "Activiteit %s heeft geen tegenhanger in versie %d."
                        .formatted(activity, versions.target().getVersion())
                : "Activiteit %s: %s".formatted(activity, failure);
    }

    private static String describe(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId);
        String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
        return name == null || name.isBlank() ? "'" + activityId + "'" : "'%s' (%s)".formatted(name, activityId);
    }

    private static List<String> planFailures(MigrationPlanValidationException e) {
        List<String> reasons = new ArrayList<>();
        for (MigrationInstructionValidationReport instruction :
                e.getValidationReport().getInstructionReports()) {
            instruction
                    .getFailures()
                    .forEach(failure -> reasons.add("Koppeling %s \u2192 %s: %s"
                            .formatted(
                                    instruction.getMigrationInstruction().getSourceActivityId(),
                                    instruction.getMigrationInstruction().getTargetActivityId(),
                                    failure)));
        }
        if (reasons.isEmpty()) {
            reasons.add(e.getMessage());
        }
        return reasons;
    }

    private Versions versions(MigrationRequest request) {
        if (request.sourceVersion() == request.targetVersion()) {
            throw new InvalidMigrationException("targetVersion", "De doelversie is gelijk aan de bronversie.");
        }
        return new Versions(
                definition(request.processDefinitionKey(), request.sourceVersion(), "sourceVersion"),
                definition(request.processDefinitionKey(), request.targetVersion(), "targetVersion"));
    }

    private ProcessDefinition definition(String key, int version, String field) {
        ProcessDefinition definition = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .processDefinitionVersion(version)
                .singleResult();
        if (definition == null) {
            throw new InvalidMigrationException(
                    field, "Versie %d van proces '%s' bestaat niet.".formatted(version, key));
        }
        return definition;
    }

    private record Versions(ProcessDefinition source, ProcessDefinition target) {}
}
