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
 * The other party confirms the proposed scaling decision, which the registry then records with both names, or sends
 * it back with remarks (required). Only the other party may answer: a deal lead does not confirm their own proposal,
 * and what the programme office proposes, the deal's lead confirms.
 */
@Component
class ConfirmScalingDecisionListener implements ExecutionListener {

    private final JointDecisionSteps steps;
    private final DealRegistry dealRegistry;

    ConfirmScalingDecisionListener(JointDecisionSteps steps, DealRegistry dealRegistry) {
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
                dealRegistry.recordScalingDecision(
                        dealId, ScalingDecisionExecutionListener.decision(execution), answer);
                // the routes of this decision start afresh: none failed, no extension refused
                execution.setVariable(ANY_HAND_OVER_FAILED, false);
                execution.setVariable(EXTENSION_REFUSED, false);
            } else {
                dealRegistry.recordRefusal(
                        dealId,
                        DealDecision.Kind.SCALING_DECISION_REFUSED,
                        answer,
                        ProcessValues.text(execution, CONFIRMATION_REMARKS));
            }
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
