package nl.citydeal.engine.deal.engine;

import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealProcesses;
import nl.citydeal.engine.deal.ScalingIntent;
import nl.citydeal.engine.deal.StaatscourantReference;
import nl.citydeal.engine.identity.DealAccess;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.prompt.PromptPlanning;
import nl.citydeal.engine.system.NotFoundException;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * The {@code city-deal} process instance of each deal: its business key is the deal's reference, its variable
 * {@code dealId} the deal's id ({@link DealInstances}).
 */
@Component
class CamundaDealProcesses implements DealProcesses {

    private final RuntimeService runtimeService;
    private final PromptPlanning promptPlanning;
    private final DealAccess dealAccess;
    private final DealInstances dealInstances;

    public CamundaDealProcesses(
            RuntimeService runtimeService,
            PromptPlanning promptPlanning,
            DealAccess dealAccess,
            DealInstances dealInstances) {
        this.runtimeService = runtimeService;
        this.promptPlanning = promptPlanning;
        this.dealAccess = dealAccess;
        this.dealInstances = dealInstances;
    }

    @Override
    public void start(Deal deal) {
        VariableMap variables = Variables.createVariables()
                .putValue(DEAL_ID, deal.getId())
                .putValue(DEAL_NAME, deal.getName())
                .putValue(THEME, deal.getTheme())
                .putValue(LEAD_ORGANISATION, deal.getLeadOrganisation())
                .putValue(DEAL_LEAD, deal.getDealLead())
                .putValue(PROGRAMME_OFFICE_CONTACT, deal.getProgrammeOfficeContact())
                .putValue(AMBITION, deal.getAmbition())
                .putValue(PREDECESSOR_DEAL_ID, deal.getPredecessorId())
                .putValue(IMPORTED, deal.isImported());
        if (deal.getSetup() != null) {
            variables.putValue(SETUP, deal.getSetup().name());
        }
        for (ScalingIntent intent : ScalingIntent.values()) {
            variables.putValue(
                    CityDealProcess.intentVariable(intent),
                    deal.getScalingIntents().contains(intent));
        }
        if (deal.getSignedOn() != null) {
            variables.putValue(SIGNED_ON, isoDate(deal.getSignedOn())).putValue(ENDS_ON, isoDate(deal.getEndsOn()));
            StaatscourantReference publication = deal.getStaatscourant();
            if (publication != null && publication.linked()) {
                variables
                        .putValue(STAATSCOURANT_YEAR, publication.year())
                        .putValue(STAATSCOURANT_NUMBER, publication.number());
            } else if (publication != null) {
                variables.putValue(STAATSCOURANT_REFERENCE, publication.text());
            }
        }
        runtimeService.startProcessInstanceByKey(CityDealProcess.KEY, deal.getReference(), variables);
    }

    @Override
    public void changeTerm(String dealId, LocalDate newEnd) {
        String instance = instanceOf(dealId);
        runtimeService.setVariable(instance, ENDS_ON, newEnd.toString());
        promptPlanning.plan(instance, dealId);
    }

    @Override
    public void changeLead(String dealId, String oldLead, String newLead) {
        String instance = instanceOf(dealId);
        runtimeService.setVariable(instance, DEAL_LEAD, newLead);
        dealAccess.changeLead(instance, oldLead, newLead);
    }

    @Override
    public void changeDeputies(String dealId, String dealLead, Set<String> before, Set<String> after) {
        ProcessInstance instance = runningInstance(dealId);
        if (instance != null) {
            dealAccess.changeDeputies(instance.getId(), dealLead, before, after);
        }
    }

    private ProcessInstance runningInstance(String dealId) {
        return dealInstances.running(dealId).orElse(null);
    }

    private String instanceOf(String dealId) {
        return dealInstances
                .running(dealId)
                .map(ProcessInstance::getId)
                .orElseThrow(() -> new NotFoundException("Deal %s heeft geen lopend proces.".formatted(dealId)));
    }

    private static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
