package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;

/**
 * Starts the follow-up City Deal as a new deal in preparation, carrying over name, theme, lead and the admitted
 * participants as a draft, and links the two deals both ways.
 */
@Component
class StartFollowUpDealDelegate implements JavaDelegate {

    private final DealRegistry dealRegistry;

    public StartFollowUpDealDelegate(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Deal successor = dealRegistry.registerFollowUp(DealInstances.dealId(execution), CurrentUser.id(execution));
        execution.setVariable(CityDealProcess.Variable.SUCCESSOR_DEAL_ID, successor.getId());
    }
}
