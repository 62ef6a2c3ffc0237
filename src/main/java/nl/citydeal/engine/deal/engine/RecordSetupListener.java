package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

/** Records in the registry the setup the deal lead agreed (one part or two). Runs when the task ends. */
@Component
class RecordSetupListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    RecordSetupListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        dealRegistry.recordSetup(
                DealInstances.dealId(execution),
                DealSetup.valueOf(ProcessValues.text(execution, CityDealProcess.Variable.SETUP)));
    }
}
