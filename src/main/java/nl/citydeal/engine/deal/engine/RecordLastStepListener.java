package nl.citydeal.engine.deal.engine;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.StepDates;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.UserTaskCompletion;

/**
 * Tells the registry when a step of a deal was completed (every completed user task, in its transaction): a proposal
 * sent back counts as revised once a step of the deal is completed after it.
 */
@Component
class RecordLastStepListener implements UserTaskCompletion {

    private final StepDates stepDates;
    private final Clock clock;

    RecordLastStepListener(StepDates stepDates, Clock clock) {
        this.stepDates = stepDates;
        this.clock = clock;
    }

    @Override
    public void completed(DelegateTask task) {
        String dealId = DealInstances.dealId(task.getExecution());
        if (dealId != null) {
            stepDates.completed(dealId, clock.instant());
        }
    }
}
