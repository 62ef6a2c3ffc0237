package nl.citydeal.engine.process;

import static nl.citydeal.engine.process.CityDealProcess.Variable.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.identity.DealAccess;

/**
 * Gives every new deal its id (the process instance's business key), its registry entry (for a deal started
 * from Tasklist's start form), its lead access to it, and the flags the
 * prompts and gates read, so that a deal started from Tasklist's start form is complete too.
 */
@Component
public class DealStartExecutionListener implements ExecutionListener {

    private final DealAccess dealAccess;
    private final DealRegistry dealRegistry;

    public DealStartExecutionListener(DealAccess dealAccess, DealRegistry dealRegistry) {
        this.dealAccess = dealAccess;
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String dealId = execution.getProcessBusinessKey();
        if (dealId == null || dealId.isBlank()) {
            dealId = UUID.randomUUID().toString();
            execution.setProcessBusinessKey(dealId);
        }
        execution.setVariable(DEAL_ID, dealId);
        dealRegistry.ensureRegistered(dealId, ProcessValues.text(execution, DEAL_NAME), ProcessValues.text(execution, THEME),
                ProcessValues.text(execution, LEAD_ORGANISATION), ProcessValues.text(execution, DEAL_LEAD),
                ProcessValues.text(execution, PROGRAMME_OFFICE_CONTACT), ProcessValues.text(execution, AMBITION),
                ProcessValues.text(execution, PREDECESSOR_DEAL_ID));
        dealAccess.grantLeadOfNewInstance(execution.getProcessInstanceId(), (String) execution.getVariable(DEAL_LEAD));
        if (!execution.hasVariable(IMPORTED)) {
            execution.setVariable(IMPORTED, false);
        }
    }
}
