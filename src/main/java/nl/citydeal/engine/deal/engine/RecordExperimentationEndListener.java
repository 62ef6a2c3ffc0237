package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.processengine.DealInstances;

/**
 * Records in the registry that the experimentation ended, and why: one bean per way it ends
 * ({@link DealListenerConfiguration}), bound where the model ends it.
 */
class RecordExperimentationEndListener implements ExecutionListener {

    private final String reason;
    private final DealRegistry dealRegistry;

    RecordExperimentationEndListener(String reason, DealRegistry dealRegistry) {
        this.reason = reason;
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        dealRegistry.recordExperimentationEnded(DealInstances.dealId(execution), reason);
    }
}
