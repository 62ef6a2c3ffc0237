package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.JointDecision;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * The other party confirms the proposed early end, which the registry records with both names and the reason, or
 * sends it back with remarks (required): then the experimentation goes on.
 */
@Component
class ConfirmEarlyEndListener implements ExecutionListener {

    private final JointDecisionSteps steps;
    private final DealRegistry dealRegistry;

    ConfirmEarlyEndListener(JointDecisionSteps steps, DealRegistry dealRegistry) {
        this.steps = steps;
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        try {
            JointDecision answer = steps.answer(execution);
            String dealId = execution.getProcessBusinessKey();
            if (steps.answerGiven(execution) == JointDecisionSteps.Answer.CONFIRM) {
                dealRegistry.recordEarlyEnd(dealId, ProcessValues.text(execution, EARLY_END_REASON), answer);
            } else {
                dealRegistry.recordRefusal(
                        dealId,
                        DealDecision.Kind.EARLY_END_REFUSED,
                        answer,
                        ProcessValues.text(execution, CONFIRMATION_REMARKS));
            }
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
