package nl.citydeal.engine.prompt.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.prompt.notify.PromptNotifications;

/**
 * The experimentation is over (its term expired, it ended early) or the deal is (closed, abandoned, stopped): its
 * prompts still open are cancelled, and their pending mails taken out of the outbox, so a deal that cannot answer
 * a prompt any more has none planned or overdue. Bound at the end of the experimentation and of the process.
 */
@Component
class SettlePromptsListener implements ExecutionListener {

    private final Prompts prompts;
    private final PromptNotifications notifications;

    SettlePromptsListener(Prompts prompts, PromptNotifications notifications) {
        this.prompts = prompts;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String dealId = DealInstances.dealId(execution);
        prompts.settle(dealId);
        notifications.dropSettled(dealId);
    }
}
