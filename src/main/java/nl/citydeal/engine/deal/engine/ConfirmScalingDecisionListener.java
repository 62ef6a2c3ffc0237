package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.JointDecision;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.ANY_HAND_OVER_FAILED;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.EXTENSION_REFUSED;

/**
 * The other party confirms the proposed scaling decision, which the registry then records with both names, or sends
 * it back with remarks (required). Only the other party may answer: a deal lead does not confirm their own proposal,
 * and what the programme office proposes, the deal's lead confirms.
 */
@Component
class ConfirmScalingDecisionListener extends ConfirmJointDecisionListener {

    ConfirmScalingDecisionListener(JointDecisionSteps steps, DealRegistry dealRegistry) {
        super(steps, dealRegistry);
    }

    @Override
    protected void confirmed(DelegateExecution execution, String dealId, JointDecision answer) {
        dealRegistry.recordScalingDecision(dealId, ScalingDecisionExecutionListener.decision(execution), answer);
        // the routes of this decision start afresh: none failed, no extension refused
        execution.setVariable(ANY_HAND_OVER_FAILED, false);
        execution.setVariable(EXTENSION_REFUSED, false);
    }

    @Override
    protected DealDecision.Kind refusal() {
        return DealDecision.Kind.SCALING_DECISION_REFUSED;
    }
}
