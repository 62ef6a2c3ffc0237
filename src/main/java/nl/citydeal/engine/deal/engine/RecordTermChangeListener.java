package nl.citydeal.engine.deal.engine;

import java.time.LocalDate;

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
 * Checks and records a changed end date (extension or shortening): a term that ends before it starts, or lasts less
 * than 6 months or more than 6 years, is refused with a Dutch message (HTTP 400 through the REST API, shown on the
 * form in Tasklist) and nothing is saved. The new end date replaces {@code endsOn}. It listens to the end of the
 * task, not to its completion, because the engine passes exceptions of execution listeners through unwrapped.
 */
@Component
class RecordTermChangeListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    RecordTermChangeListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled() || ProcessValues.flag(execution, EXTENSION_REFUSED)) {
            // a refused extension changes no term (recordExtensionRefusalListener records it)
            return;
        }
        try {
            LocalDate newEnd = ProcessValues.date(execution, NEW_ENDS_ON);
            if (newEnd == null) {
                throw new InvalidDealException(NEW_ENDS_ON, "De nieuwe einddatum ontbreekt.");
            }
            Term changed = new Term(ProcessValues.date(execution, SIGNED_ON), newEnd);
            execution.setVariable(ENDS_ON, changed.endsOn().toString());
            dealRegistry.recordTermChange(
                    execution.getProcessBusinessKey(),
                    changed.endsOn(),
                    ProcessValues.text(execution, TERM_CHANGE_REASON),
                    CurrentUser.id(execution));
            execution.removeVariable(NEW_ENDS_ON);
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
