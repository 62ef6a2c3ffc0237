package nl.citydeal.engine.deal.engine;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Records in the registry what a user decided in a task of the deal: the setup, the review of the proposal,
 * the lessons and the final report. Runs when the task completes, in its transaction.
 */
@Component
class DealRecordExecutionListener implements ExecutionListener {

    private final DealRegistry dealRegistry;
    private final Lessons lessons;
    private final Clock clock;

    public DealRecordExecutionListener(DealRegistry dealRegistry, Lessons lessons, Clock clock) {
        this.dealRegistry = dealRegistry;
        this.lessons = lessons;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        String dealId = execution.getProcessBusinessKey();
        String user = CurrentUser.id(execution);
        switch (execution.getCurrentActivityId()) {
            case CityDealProcess.Activity.AGREE_SETUP ->
                dealRegistry.recordSetup(dealId, DealSetup.valueOf(ProcessValues.text(execution, SETUP)));
            case CityDealProcess.Activity.REVIEW_PROPOSAL ->
                dealRegistry.recordReview(
                        dealId,
                        ProcessValues.text(execution, REVIEW_DECISION),
                        ProcessValues.text(execution, REVIEW_REMARKS),
                        user);
            case CityDealProcess.Activity.SHARE_LESSONS ->
                lessons.share(
                        dealId,
                        ProcessValues.text(execution, THEME),
                        ProcessValues.text(execution, "positiveLessons"),
                        ProcessValues.text(execution, "negativeLessons"),
                        clock.instant());
            case CityDealProcess.Activity.CLOSE_DEAL ->
                dealRegistry.recordClosing(dealId, ProcessValues.text(execution, "finalReport"), user);
            case CityDealProcess.Activity.EXPERIMENTATION_ENDED_EARLY ->
                dealRegistry.recordExperimentationEnded(dealId, "Vroegtijdig beëindigd door de dealtrekker");
            case CityDealProcess.Activity.TERM_ENDED ->
                dealRegistry.recordExperimentationEnded(dealId, "Looptijd verstreken");
            default -> throw new IllegalStateException("Nothing to record at " + execution.getCurrentActivityId());
        }
    }
}
