package nl.citydeal.engine.deal.engine;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

/** Shares the lessons the deal lead wrote down at the end of the deal with the other deals of its theme. */
@Component
class ShareLessonsListener implements ExecutionListener {

    private final Lessons lessons;
    private final Clock clock;

    ShareLessonsListener(Lessons lessons, Clock clock) {
        this.lessons = lessons;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        lessons.share(
                DealInstances.dealId(execution),
                ProcessValues.text(execution, CityDealProcess.Variable.THEME),
                ProcessValues.text(execution, CityDealProcess.Variable.POSITIVE_LESSONS),
                ProcessValues.text(execution, CityDealProcess.Variable.NEGATIVE_LESSONS),
                clock.instant());
    }
}
