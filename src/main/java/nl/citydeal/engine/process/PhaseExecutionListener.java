package nl.citydeal.engine.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.prompt.PromptLog;

/**
 * Records that a deal enters a phase, in the registry and in the {@code phase} variable that Tasklist shows.
 * When the experimentation is over, its prompts that never fired are cancelled.
 */
@Component
public class PhaseExecutionListener implements ExecutionListener {

    private final DealRegistry dealRegistry;
    private final PromptLog promptLog;

    public PhaseExecutionListener(DealRegistry dealRegistry, PromptLog promptLog) {
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
        if (phase == DealPhase.SCALING_DECISION) {
            promptLog.cancelPlanned(dealId);
        }
    }
}
