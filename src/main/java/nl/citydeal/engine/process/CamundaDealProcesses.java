package nl.citydeal.engine.process;

import static nl.citydeal.engine.process.CityDealProcess.Variable.*;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealProcesses;
import nl.citydeal.engine.deal.DealRegistration;

/** Starts a {@code city-deal} process instance whose business key is the new deal's id. */
@Component
public class CamundaDealProcesses implements DealProcesses {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    public CamundaDealProcesses(RuntimeService runtimeService, HistoryService historyService) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    @Override
    public long count() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CityDealProcess.KEY).count();
    }

    @Override
    public String register(DealRegistration deal) {
        String dealId = UUID.randomUUID().toString();
        VariableMap variables = Variables.createVariables()
                .putValue(DEAL_NAME, deal.name())
                .putValue(THEME, deal.theme())
                .putValue(LEAD_ORGANISATION, deal.leadOrganisation())
                .putValue(DEAL_LEAD, deal.dealLead())
                .putValue(PROGRAMME_OFFICE_CONTACT, deal.programmeOfficeContact())
                .putValue(AMBITION, deal.ambition())
                .putValue("plannedSigningDate", isoDate(deal.plannedSigningDate()))
                .putValue("plannedEndDate", isoDate(deal.plannedEndDate()))
                .putValue(PREDECESSOR_DEAL_ID, deal.predecessorDealId());
        runtimeService.startProcessInstanceByKey(CityDealProcess.KEY, dealId, variables);
        return dealId;
    }

    private static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
