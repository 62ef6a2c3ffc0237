package nl.citydeal.engine.prompt.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.Term;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;
import nl.citydeal.engine.processengine.TaskElements;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptPlan;
import nl.citydeal.engine.prompt.PromptPlanning;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.PromptStretch;
import nl.citydeal.engine.prompt.Prompts;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Plans a deal's prompts: the dates go into the variables the timers and the tasks' due dates read and into the
 * prompt log; timers already waiting are re-evaluated and open prompt tasks take their new due dates, all in the
 * current transaction. A prompt whose task is done is not planned again (its flag says so); the escalation is not
 * planned once the scaling plan is there.
 * <p>
 * A stretch of prompts is measured from its start: the signing, or the day an extension starts, so that nothing of
 * an extension is overdue on its first day. A change of the term (or of the schedule) moves the open prompts of the
 * current stretch; an answerability review keeps its date until it is held, then the next one is planned.
 */
@Component
class CamundaPromptPlanning implements PromptPlanning {

    private static final int PAGE = 500;

    private final PromptSchedule promptSchedule;
    private final Prompts promptLog;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final TaskElements taskElements;
    private final TaskDisplay taskDisplay;
    private final Clock clock;

    CamundaPromptPlanning(
            PromptSchedule promptSchedule,
            Prompts promptLog,
            ManagementService managementService,
            TaskService taskService,
            RuntimeService runtimeService,
            TaskElements taskElements,
            TaskDisplay taskDisplay,
            Clock clock) {
        this.promptSchedule = promptSchedule;
        this.promptLog = promptLog;
        this.managementService = managementService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.taskElements = taskElements;
        this.taskDisplay = taskDisplay;
        this.clock = clock;
    }

    /** The deal was signed (or imported as running): its prompts are measured from the signing. */
    void planFromSigning(DelegateExecution execution) {
        Variables variables = Variables.of(execution);
        plan(variables, execution.getProcessInstanceId(), DealInstances.dealId(execution), signedOn(variables), true);
    }

    /**
     * The deal was extended: the prompts still open are measured from today to the new end. When the assessment found
     * no owner for the result, the reason the route advice gives for an extension, the ownership conversation is held
     * again.
     */
    void planExtension(DelegateExecution execution) {
        Variables variables = Variables.of(execution);
        if (Boolean.FALSE.equals(variables.read().apply(OWNERSHIP_SECURED))) {
            variables.write().accept(OWNERSHIP_CONVERSATION_HELD, false);
        }
        LocalDate today = LocalDate.now(clock.withZone(PromptSchedule.ZONE));
        plan(variables, execution.getProcessInstanceId(), DealInstances.dealId(execution), today, true);
    }

    /** The term changed during the experimentation: the open prompts of the current stretch move. */
    void reschedule(DelegateExecution execution) {
        Variables variables = Variables.of(execution);
        plan(
                variables,
                execution.getProcessInstanceId(),
                DealInstances.dealId(execution),
                plannedFrom(variables),
                false);
    }

    /** An answerability review was held: the next one falls at the first review date still to come, if any. */
    void planNextAnswerabilityReview(DelegateExecution execution) {
        Variables variables = Variables.of(execution);
        PromptPlan plan =
                promptSchedule.plan(plannedFrom(variables), term(variables).endsOn());
        Optional<OffsetDateTime> next = plan.answerabilityReviewAfter(clock.instant());
        execution.setVariable(
                ANSWERABILITY_REVIEW_DUE_AT, next.map(OffsetDateTime::toString).orElse(null));
        next.ifPresent(review -> promptLog.plan(
                DealInstances.dealId(execution), Map.of(PromptKind.ANSWERABILITY_REVIEW, review.toInstant())));
    }

    @Override
    public void plan(String processInstanceId, String dealId) {
        Variables variables = Variables.of(runtimeService, processInstanceId);
        plan(variables, processInstanceId, dealId, plannedFrom(variables), false);
    }

    @Override
    public boolean replan(String processInstanceId) {
        ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
        if (tree == null
                || tree.getActivityInstances(CityDealProcess.Activity.EXPERIMENTATION).length == 0
                || runtimeService.getVariable(processInstanceId, ENDS_ON) == null) {
            return false;
        }
        plan(processInstanceId, (String) runtimeService.getVariable(processInstanceId, DEAL_ID));
        return true;
    }

    @Override
    public List<PromptStretch> stretches() {
        List<PromptStretch> stretches = new ArrayList<>();
        List<String> names =
                new ArrayList<>(List.of(DEAL_ID, SIGNED_ON, ENDS_ON, PROMPTS_PLANNED_FROM, SCALING_PLAN_DELIVERED));
        for (PromptKind kind : PromptKind.values()) {
            CityDealProcess.doneFlag(kind).ifPresent(names::add);
        }
        for (int first = 0; ; first += PAGE) {
            List<ProcessInstance> page = runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey(CityDealProcess.KEY)
                    .orderByProcessInstanceId()
                    .asc()
                    .listPage(first, PAGE);
            for (ProcessInstance instance : page) {
                ActivityInstance tree = runtimeService.getActivityInstance(instance.getId());
                if (tree == null || tree.getActivityInstances(CityDealProcess.Activity.EXPERIMENTATION).length == 0) {
                    continue;
                }
                Map<String, Object> values = runtimeService.getVariables(instance.getId(), names);
                if (values.get(ENDS_ON) == null || values.get(DEAL_ID) == null) {
                    continue;
                }
                Variables variables = new Variables(values::get, (name, value) -> {
                    throw new UnsupportedOperationException(name);
                });
                Set<PromptKind> open = EnumSet.noneOf(PromptKind.class);
                for (PromptKind kind : PromptKind.values()) {
                    if (!kind.repeats() && stillOpen(variables, kind)) {
                        open.add(kind);
                    }
                }
                stretches.add(new PromptStretch(
                        (String) values.get(DEAL_ID),
                        instance.getId(),
                        plannedFrom(variables),
                        term(variables).endsOn(),
                        open));
            }
            if (page.size() < PAGE) {
                return stretches;
            }
        }
    }

    private void plan(Variables variables, String processInstanceId, String dealId, LocalDate from, boolean fresh) {
        Term term = term(variables);
        PromptPlan plan = promptSchedule.plan(from, term.endsOn());
        Map<PromptKind, Instant> planned = new EnumMap<>(PromptKind.class);
        for (PromptKind kind : PromptKind.values()) {
            if (kind.repeats()) {
                continue;
            }
            variables
                    .write()
                    .accept(
                            CityDealProcess.dueAtVariable(kind),
                            plan.dueAt(kind).toString());
            if (stillOpen(variables, kind)) {
                planned.put(kind, plan.dueAt(kind).toInstant());
            }
        }
        if (fresh) {
            Optional<OffsetDateTime> review = plan.answerabilityReviewToPlan(clock.instant());
            variables
                    .write()
                    .accept(
                            ANSWERABILITY_REVIEW_DUE_AT,
                            review.map(OffsetDateTime::toString).orElse(null));
            review.ifPresent(due -> planned.put(PromptKind.ANSWERABILITY_REVIEW, due.toInstant()));
        }
        variables.write().accept(TERM_ENDS_AT, plan.termEndsAt().toString());
        variables.write().accept(PROMPTS_PLANNED_FROM, from.toString());
        promptLog.plan(dealId, planned);

        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .listPage(0, ProcessValues.ROWS_OF_ONE_INSTANCE)) {
            PromptKind kind = PromptTaskKind.of(taskElements, task).orElse(null);
            if (kind == null || kind.repeats() || !planned.containsKey(kind)) {
                continue;
            }
            Date due = Date.from(planned.get(kind));
            task.setDueDate(due);
            task.setFollowUpDate(taskDisplay.followUp(due));
            taskService.saveTask(task);
        }
        for (Job timer : managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .timers()
                .listPage(0, ProcessValues.ROWS_OF_ONE_INSTANCE)) {
            managementService.recalculateJobDuedate(timer.getId(), false);
        }
    }

    /** Whether the process will still ask for the prompt: its task is not done, nor made needless by the plan. */
    private static boolean stillOpen(Variables variables, PromptKind kind) {
        if (kind == PromptKind.SCALING_PLAN_ESCALATION) {
            return !Boolean.TRUE.equals(variables.read().apply(SCALING_PLAN_DELIVERED));
        }
        return CityDealProcess.doneFlag(kind)
                .map(flag -> !Boolean.TRUE.equals(variables.read().apply(flag)))
                .orElse(true);
    }

    private static Term term(Variables variables) {
        try {
            return new Term(
                    ProcessValues.date(SIGNED_ON, variables.read().apply(SIGNED_ON)),
                    ProcessValues.date(ENDS_ON, variables.read().apply(ENDS_ON)));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }

    private static LocalDate signedOn(Variables variables) {
        return term(variables).signedOn();
    }

    /** The start of the current stretch; the signing for instances planned before stretches were kept. */
    private static LocalDate plannedFrom(Variables variables) {
        Object from = variables.read().apply(PROMPTS_PLANNED_FROM);
        return from == null ? signedOn(variables) : LocalDate.parse(from.toString());
    }

    /** Reads and writes the variables of the process instance being planned, inside a step or from outside. */
    private record Variables(Function<String, Object> read, BiConsumer<String, Object> write) {

        static Variables of(DelegateExecution execution) {
            return new Variables(execution::getVariable, execution::setVariable);
        }

        static Variables of(RuntimeService runtimeService, String processInstanceId) {
            return new Variables(
                    name -> runtimeService.getVariable(processInstanceId, name),
                    (name, value) -> runtimeService.setVariable(processInstanceId, name, value));
        }
    }
}
