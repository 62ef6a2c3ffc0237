package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.processengine.ProcessValues;

/**
 * The deal lead or the programme office proposes the scaling decision: a proposal without a route, without a
 * rationale or with routes that exclude each other is refused at once (HTTP 400 through the REST API, a message on
 * the form in Tasklist); a valid one records its proposer and goes to the other party to confirm.
 */
@Component
class ProposeScalingDecisionListener implements ExecutionListener {

    private final JointDecisionSteps steps;

    ProposeScalingDecisionListener(JointDecisionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        try {
            ScalingDecisionExecutionListener.decision(execution);
            steps.propose(execution);
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
