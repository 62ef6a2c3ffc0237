package nl.citydeal.engine.deal.engine;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.StaatscourantReference;
import nl.citydeal.engine.deal.Term;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;
import nl.citydeal.engine.system.InvalidInputException;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Checks the term and the publication in the Staatscourant when the programme office records the signing, and records
 * them. A term that ends before it starts, or lasts less than 6 months or more than 6 years, and a publication whose
 * year is not from 1990 to next year or whose number is not positive, are refused with a Dutch message (HTTP 400
 * through the REST API, shown on the form in Tasklist) and nothing is saved. A form of a version before the
 * structured reference sends it as text ({@code staatscourantReference}), which is read once into year and number
 * where it reads as "Staatscourant 2024, 12345" and kept as text otherwise. It listens to the end of the task, not to its completion,
 * because the engine passes exceptions of execution listeners through unwrapped.
 */
@Component
class RecordSigningListener implements ExecutionListener {

    private final DealRegistry dealRegistry;
    private final Clock clock;

    RecordSigningListener(DealRegistry dealRegistry, Clock clock) {
        this.dealRegistry = dealRegistry;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled() || ProcessValues.flag(execution, ABANDON_DEAL)) {
            // a deal abandoned instead of signed has no term (recordAbandonmentListener records it)
            return;
        }
        try {
            Term term = new Term(ProcessValues.date(execution, SIGNED_ON), ProcessValues.date(execution, ENDS_ON));
            StaatscourantReference publication = StaatscourantReference.checked(
                    execution.getVariable(STAATSCOURANT_YEAR),
                    execution.getVariable(STAATSCOURANT_NUMBER),
                    LocalDate.now(clock),
                    STAATSCOURANT_YEAR,
                    STAATSCOURANT_NUMBER);
            if (publication == null) {
                publication = StaatscourantReference.parse(ProcessValues.text(execution, STAATSCOURANT_REFERENCE));
            }
            dealRegistry.recordSigning(DealInstances.dealId(execution), term, publication, CurrentUser.id(execution));
        } catch (InvalidInputException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
