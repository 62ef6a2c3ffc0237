package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

/** Records in the registry that the programme office closed the deal, with its final report. */
@Component
class RecordClosingListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    RecordClosingListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        dealRegistry.recordClosing(
                DealInstances.dealId(execution),
                ProcessValues.text(execution, CityDealProcess.Variable.FINAL_REPORT),
                CurrentUser.id(execution));
    }
}
