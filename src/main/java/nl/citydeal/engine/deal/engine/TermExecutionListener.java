package nl.citydeal.engine.deal.engine;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.Term;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Checks the term when the programme office records the signing or changes the end date (extension or
 * shortening). A term that ends before it starts, or lasts less than 6 months or more than 6 years, is refused
 * with a Dutch message (HTTP 400 through the REST API, shown on the form in Tasklist) and nothing is saved.
 * A changed end date replaces {@code endsOn}. It listens to the end of the task, not to its completion,
 * because the engine passes exceptions of execution listeners through unwrapped.
 */
@Component
class TermExecutionListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    public TermExecutionListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        try {
            if (CityDealProcess.Activity.RECORD_SIGNING.equals(execution.getCurrentActivityId())) {
                Term term = new Term(ProcessValues.date(execution, SIGNED_ON), ProcessValues.date(execution, ENDS_ON));
                dealRegistry.recordSigning(
                        execution.getProcessBusinessKey(),
                        term,
                        ProcessValues.text(execution, STAATSCOURANT_REFERENCE),
                        CurrentUser.id(execution));
            } else {
                LocalDate newEnd = ProcessValues.date(execution, NEW_ENDS_ON);
                if (newEnd == null) {
                    throw new InvalidDealException(NEW_ENDS_ON, "De nieuwe einddatum ontbreekt.");
                }
                Term changed = new Term(ProcessValues.date(execution, SIGNED_ON), newEnd);
                execution.setVariable(ENDS_ON, changed.endsOn().toString());
                dealRegistry.recordTermChange(
                        execution.getProcessBusinessKey(),
                        changed.endsOn(),
                        ProcessValues.text(execution, "termChangeReason"),
                        CurrentUser.id(execution));
                execution.removeVariable(NEW_ENDS_ON);
            }
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
