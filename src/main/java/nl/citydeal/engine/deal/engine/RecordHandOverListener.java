package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Bound at the end of a route's hand-over, one bean per route ({@link DealListenerConfiguration}): when its form
 * reports that the hand-over failed, records that with its reason (required, or nothing is saved) and marks that a
 * hand-over failed. The other hand-overs run on; when all are done, the model goes back to the scaling decision
 * ({@code anyHandOverFailed}). The form's own flag is cleared, so the next hand-over's form starts unticked.
 */
class RecordHandOverListener implements ExecutionListener {

    private final ScalingRoute route;
    private final DealRegistry dealRegistry;

    RecordHandOverListener(ScalingRoute route, DealRegistry dealRegistry) {
        this.route = route;
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled() || !ProcessValues.flag(execution, HAND_OVER_FAILED)) {
            return;
        }
        try {
            dealRegistry.recordHandOverFailed(
                    DealInstances.dealId(execution),
                    route,
                    ProcessValues.text(execution, HAND_OVER_FAILURE_REASON),
                    CurrentUser.id(execution));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
        execution.setVariable(ANY_HAND_OVER_FAILED, true);
        execution.setVariable(HAND_OVER_FAILED, false);
        execution.removeVariable(HAND_OVER_FAILURE_REASON);
    }
}
