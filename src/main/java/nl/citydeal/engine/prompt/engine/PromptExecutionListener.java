package nl.citydeal.engine.prompt.engine;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.prompt.notify.PromptNotifications;

/**
 * Keeps the prompt log in step with the process: a prompt timer that fires makes its prompt due; a prompt task
 * that is done marks it done (and sets the flag that keeps it from coming back after an extension); a prompt
 * task cancelled by the end of the experimentation cancels it.
 * <p>
 * A prompt that fires puts its mail in the outbox in the same transaction. The mail is written just before that
 * transaction commits, when the engine has created the task the prompt leads to (the escalation, the mid-term
 * review), so the mail can link to it; a rollback takes the mail with it. A prompt done or cancelled takes its
 * pending mails out of the outbox.
 */
@Component
class PromptExecutionListener implements ExecutionListener {

    private final Prompts prompts;
    private final PromptNotifications notifications;
    private final Clock clock;

    public PromptExecutionListener(Prompts prompts, PromptNotifications notifications, Clock clock) {
        this.prompts = prompts;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String activity = execution.getCurrentActivityId();
        String dealId = execution.getProcessBusinessKey();
        PromptKind fired = CityDealProcess.PROMPT_TIMERS.get(activity);
        if (fired != null) {
            Prompt prompt = prompts.fire(dealId, fired, clock.instant());
            Long promptId = prompt.getId();
            beforeCommit(() -> notifications.promptFired(promptId));
            return;
        }
        PromptKind answered = CityDealProcess.PROMPT_ANSWERS.get(activity);
        if (answered == null) {
            throw new IllegalStateException("No prompt belongs to " + activity);
        }
        if (execution.isCanceled()) {
            prompts.cancel(dealId, answered);
            notifications.dropSettled(dealId);
            return;
        }
        prompts.done(dealId, answered, CurrentUser.id(execution), clock.instant());
        notifications.dropSettled(dealId);
        String flag = CityDealProcess.DONE_FLAGS.get(activity);
        if (flag != null) {
            execution.setVariable(flag, true);
        }
    }

    /**
     * Runs the action at the end of the current transaction, before it commits and inside it; at once when there is
     * no transaction to wait for.
     */
    private static void beforeCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                action.run();
            }
        });
    }
}
