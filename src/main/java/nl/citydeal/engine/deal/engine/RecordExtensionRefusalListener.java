package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.EXTENSION_REFUSAL_REASON;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.EXTENSION_REFUSED;

/**
 * Bound at the end of recording an extension: when the programme office refuses the extension, records that with its
 * reason (required, or nothing is saved) and the deal goes back to the scaling decision; otherwise states that it was
 * not refused, so the model's gateway always finds {@code extensionRefused}. A confirmed scaling decision clears the
 * flag again ({@link ConfirmScalingDecisionListener}), so the next extension's form starts unticked.
 */
@Component
class RecordExtensionRefusalListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    RecordExtensionRefusalListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        if (!ProcessValues.flag(execution, EXTENSION_REFUSED)) {
            execution.setVariable(EXTENSION_REFUSED, false);
            return;
        }
        try {
            dealRegistry.recordExtensionRefused(
                    DealInstances.dealId(execution),
                    ProcessValues.text(execution, EXTENSION_REFUSAL_REASON),
                    CurrentUser.id(execution));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
