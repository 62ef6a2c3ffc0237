package nl.citydeal.engine.process;

import static nl.citydeal.engine.process.CityDealProcess.Variable.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealProcesses;
import nl.citydeal.engine.deal.DealRegistration;

/**
 * Starts the follow-up City Deal as a new deal in preparation, carrying over name, theme, lead and ambition
 * as a draft, and links the two deals both ways.
 */
@Component
public class StartFollowUpDealDelegate implements JavaDelegate {

    private final DealProcesses dealProcesses;

    public StartFollowUpDealDelegate(DealProcesses dealProcesses) {
        this.dealProcesses = dealProcesses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String successorId = dealProcesses.register(new DealRegistration(
                ProcessValues.text(execution, DEAL_NAME) + " (vervolg)",
                ProcessValues.text(execution, THEME),
                ProcessValues.text(execution, LEAD_ORGANISATION),
                ProcessValues.text(execution, DEAL_LEAD),
                ProcessValues.text(execution, PROGRAMME_OFFICE_CONTACT),
                ProcessValues.text(execution, AMBITION),
                null, null,
                execution.getProcessBusinessKey()));
        execution.setVariable(SUCCESSOR_DEAL_ID, successorId);
    }
}
