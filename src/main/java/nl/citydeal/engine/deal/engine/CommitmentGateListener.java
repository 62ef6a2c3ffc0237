package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.CommitmentGate;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * The gate of the commitment task: resources count as committed only with a description of them and a view on money
 * for the execution ({@link CommitmentGate}). Otherwise completing the task is refused with a Dutch message (400
 * through the REST API, shown on the form in Tasklist) and the task stays open. It listens to the end of the task,
 * because the engine passes exceptions of execution listeners through unwrapped.
 */
@Component
class CommitmentGateListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        try {
            new CommitmentGate(
                    ProcessValues.flag(execution, RESOURCES_COMMITTED),
                    ProcessValues.text(execution, RESOURCES_DESCRIPTION),
                    ProcessValues.text(execution, EXECUTION_FUNDING_VIEW));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
