package nl.citydeal.engine.prompt.engine;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.prompt.notify.PromptNotifications;

/**
 * A prompt timer that fires makes its prompt due: one bean per prompt kind ({@link PromptListenerConfiguration}),
 * bound at the end of the timer that raises it.
 * <p>
 * A prompt that fires puts its mail in the outbox in the same transaction. The mail is written just before that
 * transaction commits, when the engine has created the task the prompt leads to (the escalation, the mid-term
 * review), so the mail can link to it; a rollback takes the mail with it.
 */
class FirePromptListener implements ExecutionListener {

    private final PromptKind kind;
    private final Prompts prompts;
    private final PromptNotifications notifications;
    private final Clock clock;

    FirePromptListener(PromptKind kind, Prompts prompts, PromptNotifications notifications, Clock clock) {
        this.kind = kind;
        this.prompts = prompts;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            // the wait for the prompt ended without its timer (an early end, the end of the term): it did not fire
            return;
        }
        Prompt prompt = prompts.fire(DealInstances.dealId(execution), kind, clock.instant());
        Long promptId = prompt.getId();
        beforeCommit(() -> notifications.promptFired(promptId));
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
