package nl.citydeal.engine.process;

import static nl.citydeal.engine.process.CityDealProcess.Variable.*;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.identity.DealAccess;

/**
 * Gives every new deal its id (the process instance's business key), its lead access to it, and the flags the
 * prompts and gates read, so that a deal started from Tasklist's start form is complete too.
 */
@Component
public class DealStartExecutionListener implements ExecutionListener {

    private final DealAccess dealAccess;

    public DealStartExecutionListener(DealAccess dealAccess) {
        this.dealAccess = dealAccess;
    }

    private static final List<String> FLAGS = List.of(OWNERSHIP_CONVERSATION_HELD, SCALING_EXPLORED,
            SCALING_PLAN_DELIVERED, MID_TERM_REVIEW_HELD, PART_ONE_GATE_PASSED);

    @Override
    public void notify(DelegateExecution execution) {
        String dealId = execution.getProcessBusinessKey();
        if (dealId == null || dealId.isBlank()) {
            dealId = UUID.randomUUID().toString();
            execution.setProcessBusinessKey(dealId);
        }
        execution.setVariable(DEAL_ID, dealId);
        dealAccess.grantLead(execution.getProcessInstanceId(), (String) execution.getVariable(DEAL_LEAD));
        for (String flag : FLAGS) {
            if (!execution.hasVariable(flag)) {
                execution.setVariable(flag, false);
            }
        }
        for (String counter : List.of(PARTICIPANTS_SCREENED, PARTICIPANTS_ACCEPTED)) {
            if (!execution.hasVariable(counter)) {
                execution.setVariable(counter, 0);
            }
        }
    }
}
