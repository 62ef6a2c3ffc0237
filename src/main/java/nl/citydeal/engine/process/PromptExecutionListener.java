package nl.citydeal.engine.process;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptLog;

/**
 * Keeps the prompt log in step with the process: a prompt timer that fires makes its prompt due; a prompt task
 * that is done marks it done (and sets the flag that keeps it from coming back after an extension); a prompt
 * task cancelled by the end of the experimentation cancels it.
 */
@Component
public class PromptExecutionListener implements ExecutionListener {

    private final PromptLog promptLog;
    private final Clock clock;

    public PromptExecutionListener(PromptLog promptLog, Clock clock) {
        this.promptLog = promptLog;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String activity = execution.getCurrentActivityId();
        String dealId = execution.getProcessBusinessKey();
        PromptKind fired = CityDealProcess.PROMPT_TIMERS.get(activity);
        if (fired != null) {
            promptLog.fire(dealId, fired, clock.instant());
            return;
        }
        PromptKind answered = CityDealProcess.PROMPT_ANSWERS.get(activity);
        if (answered == null) {
            throw new IllegalStateException("No prompt belongs to " + activity);
        }
        if (execution.isCanceled()) {
            promptLog.cancel(dealId, answered);
            return;
        }
        promptLog.done(dealId, answered, CurrentUser.id(execution), clock.instant());
        String flag = CityDealProcess.DONE_FLAGS.get(activity);
        if (flag != null) {
            execution.setVariable(flag, true);
        }
    }
}
