package nl.citydeal.engine.deal.engine;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.StaatscourantReference;
import nl.citydeal.engine.deal.Term;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;
import nl.citydeal.engine.system.InvalidInputException;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Checks and records a changed end date (extension or shortening): a term that ends before it starts, or lasts less
 * than 6 months or more than 6 years, is refused with a Dutch message (HTTP 400 through the REST API, shown on the
 * form in Tasklist) and nothing is saved; so is an extension's publication in the Staatscourant whose year is not from
 * 1990 to next year or whose number is not positive (none is fine: a shortening has none). The publication is kept
 * with the term change's decision; a form of a version before the structured reference sends it as text
 * ({@code extensionReference}), read once into year and number where it reads as one. The new end date replaces
 * {@code endsOn}. It listens to the end of the
 * task, not to its completion, because the engine passes exceptions of execution listeners through unwrapped.
 */
@Component
class RecordTermChangeListener implements ExecutionListener {

    private final DealRegistry dealRegistry;
    private final Clock clock;

    RecordTermChangeListener(DealRegistry dealRegistry, Clock clock) {
        this.dealRegistry = dealRegistry;
        this.clock = clock;
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
            StaatscourantReference publication = StaatscourantReference.checked(
                    execution.getVariable(EXTENSION_STAATSCOURANT_YEAR),
                    execution.getVariable(EXTENSION_STAATSCOURANT_NUMBER),
                    LocalDate.now(clock),
                    EXTENSION_STAATSCOURANT_YEAR,
                    EXTENSION_STAATSCOURANT_NUMBER);
            if (publication == null) {
                publication = StaatscourantReference.parse(ProcessValues.text(execution, EXTENSION_REFERENCE));
            }
            execution.setVariable(ENDS_ON, changed.endsOn().toString());
            dealRegistry.recordTermChange(
                    DealInstances.dealId(execution),
                    changed.endsOn(),
                    ProcessValues.text(execution, TERM_CHANGE_REASON),
                    publication,
                    CurrentUser.id(execution));
            execution.removeVariable(NEW_ENDS_ON);
        } catch (InvalidInputException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
