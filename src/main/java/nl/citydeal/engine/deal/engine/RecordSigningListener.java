package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.Term;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Checks the term when the programme office records the signing and records it. A term that ends before it starts,
 * or lasts less than 6 months or more than 6 years, is refused with a Dutch message (HTTP 400 through the REST API,
 * shown on the form in Tasklist) and nothing is saved. It listens to the end of the task, not to its completion,
 * because the engine passes exceptions of execution listeners through unwrapped.
 */
@Component
class RecordSigningListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    RecordSigningListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled() || ProcessValues.flag(execution, ABANDON_DEAL)) {
            // a deal abandoned instead of signed has no term (recordAbandonmentListener records it)
            return;
        }
        try {
            Term term = new Term(ProcessValues.date(execution, SIGNED_ON), ProcessValues.date(execution, ENDS_ON));
            dealRegistry.recordSigning(
                    execution.getProcessBusinessKey(),
                    term,
                    ProcessValues.text(execution, STAATSCOURANT_REFERENCE),
                    CurrentUser.id(execution));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
