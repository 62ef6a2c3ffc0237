package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.ABANDON_DEAL;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.ABANDON_REASON;

/**
 * Bound at the end of the steps where a deal can be abandoned (securing commitment, signing): when the form says the
 * deal is abandoned, records that with its reason (required, or nothing is saved); otherwise states that it is not,
 * so the model's gateways always find {@code abandonDeal}.
 */
@Component
class RecordAbandonmentListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    RecordAbandonmentListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        if (!ProcessValues.flag(execution, ABANDON_DEAL)) {
            execution.setVariable(ABANDON_DEAL, false);
            return;
        }
        try {
            dealRegistry.recordAbandonment(
                    DealInstances.dealId(execution),
                    ProcessValues.text(execution, ABANDON_REASON),
                    CurrentUser.id(execution));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
