package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.JointDecision;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.CONFIRMATION_REMARKS;

/**
 * The other party's answer to a proposed joint decision: confirmed, the subclass records the decision with both
 * names; sent back, the registry records the refusal with its remarks (required) under {@link #refusal()}. A
 * cancelled confirmation task records nothing. Bad input stops the completion with a Dutch message.
 */
abstract class ConfirmJointDecisionListener implements ExecutionListener {

    private final JointDecisionSteps steps;
    protected final DealRegistry dealRegistry;

    ConfirmJointDecisionListener(JointDecisionSteps steps, DealRegistry dealRegistry) {
        this.steps = steps;
        this.dealRegistry = dealRegistry;
    }

    /** Records the confirmed decision of the deal {@code dealId}. */
    protected abstract void confirmed(DelegateExecution execution, String dealId, JointDecision answer);

    /** The kind of decision a refusal of this proposal is recorded as. */
    protected abstract DealDecision.Kind refusal();

    @Override
    public final void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        try {
            JointDecision answer = steps.answer(execution);
            String dealId = DealInstances.dealId(execution);
            if (steps.answerGiven(execution) == JointDecisionSteps.Answer.CONFIRM) {
                confirmed(execution, dealId, answer);
            } else {
                dealRegistry.recordRefusal(
                        dealId, refusal(), answer, ProcessValues.text(execution, CONFIRMATION_REMARKS));
            }
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
