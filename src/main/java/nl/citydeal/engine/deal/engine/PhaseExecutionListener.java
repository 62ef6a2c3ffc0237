package nl.citydeal.engine.deal.engine;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.prompt.Prompts;

/**
 * Records that a deal enters a phase, in the registry and in the {@code phase} variable that Tasklist shows.
 * When the experimentation starts, the flags its gateways read (prompts answered, part one's gate passed) are set
 * to false unless they are there already; when it is over, its prompts that never fired are cancelled.
 */
@Component
class PhaseExecutionListener implements ExecutionListener {

    /** Read by the experimentation's gateways; set only when the prompt is answered or the gate passed. */
    static final List<String> EXPERIMENTATION_FLAGS = List.of(
            CityDealProcess.Variable.OWNERSHIP_CONVERSATION_HELD,
            CityDealProcess.Variable.SCALING_EXPLORED,
            CityDealProcess.Variable.SCALING_PLAN_DELIVERED,
            CityDealProcess.Variable.MID_TERM_REVIEW_HELD,
            CityDealProcess.Variable.PART_ONE_GATE_PASSED);

    private final DealRegistry dealRegistry;
    private final Prompts promptLog;

    public PhaseExecutionListener(DealRegistry dealRegistry, Prompts promptLog) {
        this.dealRegistry = dealRegistry;
        this.promptLog = promptLog;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DealPhase phase = CityDealProcess.PHASES.get(execution.getCurrentActivityId());
        if (phase == null) {
            throw new IllegalStateException("No phase starts at " + execution.getCurrentActivityId());
        }
        String dealId = execution.getProcessBusinessKey();
        execution.setVariable(CityDealProcess.Variable.PHASE, phase.name());
        execution.setVariable(CityDealProcess.Variable.PHASE_LABEL, (phase.ordinal() + 1) + ". " + phase.label());
        dealRegistry.enterPhase(dealId, phase);
        if (phase == DealPhase.EXPERIMENTATION) {
            for (String flag : EXPERIMENTATION_FLAGS) {
                if (!execution.hasVariable(flag)) {
                    execution.setVariable(flag, false);
                }
            }
        }
        if (phase == DealPhase.SCALING_DECISION) {
            promptLog.cancelPlanned(dealId);
        }
    }
}
