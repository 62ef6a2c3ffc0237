package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.PartOneGate;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * The gate between part 1 and part 2: refusing it needs remarks ({@link PartOneGate}). Otherwise completing the task
 * is refused with a Dutch message (400 through the REST API, shown on the form in Tasklist) and the task stays open.
 * It listens to the end of the task, because the engine passes exceptions of execution listeners through unwrapped.
 */
@Component
class PartOneGateListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        try {
            new PartOneGate(
                    ProcessValues.flag(execution, PART_ONE_GATE_PASSED),
                    ProcessValues.text(execution, PART_ONE_GATE_REMARKS));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
