package nl.citydeal.engine.deal.engine;

import java.time.LocalDate;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPeople;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.ScalingIntent;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;
import nl.citydeal.engine.processengine.RegistrySync;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * The registry says who leads a deal, who its programme office contact is, who its administrative leads are, what its term is and what it means to scale
 * (the flags the scaling exploration's boxes open with); the process
 * variables of the same names are copies for the model's expressions ({@code camunda:assignee="${dealLead}"})
 * and forms. Before every user task of a deal starts (the engine adds this listener to each one,
 * {@link nl.citydeal.engine.processengine.EngineHardeningPlugin}) and before prompts are planned, the copies are set from the registry, so a
 * variable written through the engine's API (by whoever may write variables) moves no task and no prompt: those
 * changes go through the registry ({@code PUT /api/deals/{id}/lead}, {@code /term}).
 */
@Component
class RegistryVariables implements ExecutionListener, RegistrySync {

    private final DealRegistry dealRegistry;

    RegistryVariables(DealRegistry dealRegistry) {
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        sync(execution);
    }

    @Override
    public void sync(DelegateExecution execution) {
        String definitionId = execution.getProcessDefinitionId();
        String dealId = DealInstances.dealId(execution);
        if (definitionId == null || !definitionId.startsWith(CityDealProcess.KEY + ":") || dealId == null) {
            return;
        }
        Deal deal = dealRegistry.find(dealId).orElse(null);
        if (deal == null) {
            return;
        }
        setIfDifferent(execution, DEAL_LEAD, deal.getDealLead());
        setIfDifferent(execution, PROGRAMME_OFFICE_CONTACT, deal.getProgrammeOfficeContact());
        setIfDifferent(execution, ADMINISTRATIVE_LEADS, DealPeople.describe(deal.getAdministrativeLeads()));
        if (deal.getSignedOn() != null && deal.getEndsOn() != null) {
            setDateIfDifferent(execution, SIGNED_ON, deal.getSignedOn());
            setDateIfDifferent(execution, ENDS_ON, deal.getEndsOn());
        }
        for (ScalingIntent intent : ScalingIntent.values()) {
            Boolean intended = deal.getScalingIntents().contains(intent);
            if (!intended.equals(execution.getVariable(CityDealProcess.intentVariable(intent)))) {
                execution.setVariable(CityDealProcess.intentVariable(intent), intended);
            }
        }
    }

    private static void setIfDifferent(DelegateExecution execution, String name, String value) {
        if (!Objects.equals(execution.getVariable(name), value)) {
            execution.setVariable(name, value);
        }
    }

    private static void setDateIfDifferent(DelegateExecution execution, String name, LocalDate value) {
        LocalDate current;
        try {
            current = ProcessValues.date(execution, name);
        } catch (RuntimeException e) {
            current = null;
        }
        if (!value.equals(current)) {
            execution.setVariable(name, value.toString());
        }
    }
}
