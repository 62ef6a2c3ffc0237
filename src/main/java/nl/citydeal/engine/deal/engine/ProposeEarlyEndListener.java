package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.EARLY_END_REASON;

/**
 * Ending the experimentation early is proposed (the model binds this where "vroegtijdig beëindigen" is chosen), with a
 * reason, and confirmed by the other party; until then the experimentation runs on.
 */
@Component
class ProposeEarlyEndListener implements ExecutionListener {

    private final JointDecisionSteps steps;

    ProposeEarlyEndListener(JointDecisionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        try {
            String reason = ProcessValues.text(execution, EARLY_END_REASON);
            if (reason == null || reason.isBlank()) {
                throw new InvalidDealException(
                        EARLY_END_REASON, "Geef aan waarom de experimenteerfase vroegtijdig moet eindigen.");
            }
            steps.propose(execution);
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
