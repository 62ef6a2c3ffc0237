package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.identity.DealAccess;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.UserTaskCreation;

/**
 * A new task of a deal that the model assigned to the deal's lead ({@code camunda:assignee="${dealLead}"}) goes to
 * the lead and the deal's deputies together when the deal has deputies ({@link DealAccess#offerToTeam}); the
 * registry says who they are. Runs for every user task of a deal (a built-in listener), so no model names it.
 */
@Component
class OfferLeadTasksToDeputies implements UserTaskCreation {

    private final DealRegistry dealRegistry;
    private final DealAccess dealAccess;

    OfferLeadTasksToDeputies(DealRegistry dealRegistry, DealAccess dealAccess) {
        this.dealRegistry = dealRegistry;
        this.dealAccess = dealAccess;
    }

    @Override
    public void created(DelegateTask task) {
        String dealId = task.getExecution() == null ? null : DealInstances.dealId(task.getExecution());
        if (dealId == null || task.getAssignee() == null) {
            return;
        }
        dealRegistry
                .find(dealId)
                .ifPresent(deal -> dealAccess.offerToTeam(task, deal.getDealLead(), deal.getDeputies()));
    }
}
