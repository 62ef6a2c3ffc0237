package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;

/**
 * Records what the deal means to scale as the scaling exploration sharpened it (the exploration's boxes, which open
 * ticked as the registry holds it): a change is kept with the deal and as a decision; no box ticked leaves it as it
 * was. An exploration cancelled with the experimentation records nothing.
 */
@Component
class RecordScalingIntentListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    RecordScalingIntentListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        dealRegistry.recordScalingIntent(
                DealInstances.dealId(execution), ScalingIntentVariables.ticked(execution), CurrentUser.id(execution));
    }
}
