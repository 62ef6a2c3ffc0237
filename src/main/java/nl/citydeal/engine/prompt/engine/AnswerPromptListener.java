package nl.citydeal.engine.prompt.engine;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.prompt.notify.PromptNotifications;

/**
 * Keeps the prompt log in step with the task that answers a prompt (its input parameter {@code promptKind} says
 * which): a task that is done marks the prompt done and sets the flag that keeps it from coming back after an
 * extension; a task cancelled by the end of the experimentation cancels it. Either takes the prompt's pending mails
 * out of the outbox.
 */
@Component
class AnswerPromptListener implements ExecutionListener {

    private final Prompts prompts;
    private final PromptNotifications notifications;
    private final Clock clock;

    AnswerPromptListener(Prompts prompts, PromptNotifications notifications, Clock clock) {
        this.prompts = prompts;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        PromptKind kind = PromptTaskKind.of(execution)
                .orElseThrow(() -> new IllegalStateException("No input parameter "
                        + CityDealProcess.Variable.PROMPT_KIND + " on " + execution.getCurrentActivityId()));
        String dealId = DealInstances.dealId(execution);
        if (execution.isCanceled()) {
            prompts.cancel(dealId, kind);
            notifications.dropSettled(dealId);
            return;
        }
        prompts.done(dealId, kind, CurrentUser.id(execution), clock.instant());
        notifications.dropSettled(dealId);
        CityDealProcess.doneFlag(kind).ifPresent(flag -> execution.setVariable(flag, true));
    }
}
