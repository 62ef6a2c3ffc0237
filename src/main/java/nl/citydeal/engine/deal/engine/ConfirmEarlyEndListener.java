package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.JointDecision;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.EARLY_END_REASON;

/**
 * The other party confirms the proposed early end, which the registry records with both names and the reason, or
 * sends it back with remarks (required): then the experimentation goes on.
 */
@Component
class ConfirmEarlyEndListener extends ConfirmJointDecisionListener {

    ConfirmEarlyEndListener(JointDecisionSteps steps, DealRegistry dealRegistry) {
        super(steps, dealRegistry);
    }

    @Override
    protected void confirmed(DelegateExecution execution, String dealId, JointDecision answer) {
        dealRegistry.recordEarlyEnd(dealId, ProcessValues.text(execution, EARLY_END_REASON), answer);
    }

    @Override
    protected DealDecision.Kind refusal() {
        return DealDecision.Kind.EARLY_END_REFUSED;
    }
}
