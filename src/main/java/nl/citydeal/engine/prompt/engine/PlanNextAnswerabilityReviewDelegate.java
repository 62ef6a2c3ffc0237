package nl.citydeal.engine.prompt.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An answerability review was held: the next one is planned at the first review date still to come before the end
 * (dates that passed while this one was open are covered by it), or none when no date is left.
 */
@Component
class PlanNextAnswerabilityReviewDelegate implements JavaDelegate {

    private final CamundaPromptPlanning promptPlanning;

    PlanNextAnswerabilityReviewDelegate(CamundaPromptPlanning promptPlanning) {
        this.promptPlanning = promptPlanning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        promptPlanning.planNextAnswerabilityReview(execution);
    }
}
