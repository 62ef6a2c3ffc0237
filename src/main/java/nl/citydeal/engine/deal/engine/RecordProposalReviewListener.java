package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.ReviewOutcome;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

/**
 * Records in the registry the programme office's review of the proposal: its outcome and remarks. A send-back or an
 * abandonment without remarks is refused with the registry's Dutch message (400 through the REST API, shown on the
 * form in Tasklist) and the task stays open.
 */
@Component
class RecordProposalReviewListener implements ExecutionListener {

    private final DealRegistry dealRegistry;

    RecordProposalReviewListener(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        try {
            dealRegistry.recordReview(
                    DealInstances.dealId(execution),
                    ReviewOutcome.valueOf(ProcessValues.text(execution, CityDealProcess.Variable.REVIEW_DECISION)),
                    ProcessValues.text(execution, CityDealProcess.Variable.REVIEW_REMARKS),
                    CurrentUser.id(execution));
        } catch (InvalidDealException e) {
            throw ProcessValues.badInput(e);
        }
    }
}
