package nl.citydeal.engine.deal.engine;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.identity.DealAccess;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.ProcessValues;
import nl.citydeal.engine.system.InvalidInputException;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Gives every new deal's instance its deal's id (the variable {@code dealId}: given by {@code POST /api/deals}, else
 * the business key a caller of the engine REST API chose, as before the references, else a new one) and its business
 * key, the deal's reference (CD-2026-014); its registry entry (for a deal started
 * from Tasklist's start form), its lead access to it, and the flags the
 * prompts and gates read, so that a deal started from Tasklist's start form is complete too. A deal that is not
 * in the registry yet (started from Tasklist or the engine REST API, not through {@code POST /api/deals}) is checked
 * as that endpoint checks a deal (a deal lead that is one, planned dates that make a valid term): otherwise the start is refused with the registry's Dutch message (400
 * through the engine REST API's {@code submit-form} and {@code start}, see {@code processengine.EngineRestBadInput}; shown on the
 * start form in Tasklist) and nothing is registered, started or granted.
 */
@Component
class DealStartExecutionListener implements ExecutionListener {

    private final DealAccess dealAccess;
    private final DealRegistry dealRegistry;

    public DealStartExecutionListener(DealAccess dealAccess, DealRegistry dealRegistry) {
        this.dealAccess = dealAccess;
        this.dealRegistry = dealRegistry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String dealId = ProcessValues.text(execution, DEAL_ID);
        if (dealId == null || dealId.isBlank()) {
            String businessKey = execution.getProcessBusinessKey();
            dealId = businessKey == null || businessKey.isBlank()
                    ? UUID.randomUUID().toString()
                    : businessKey;
        }
        Deal registered = dealRegistry.find(dealId).orElse(null);
        if (registered == null) {
            checkRegistration(execution);
        }
        execution.setVariable(DEAL_ID, dealId);
        String reference = registered != null
                ? registered.getReference()
                : dealRegistry.ensureRegistered(
                        dealId,
                        CurrentUser.id(execution),
                        ProcessValues.text(execution, DEAL_NAME),
                        ProcessValues.text(execution, THEME),
                        ProcessValues.text(execution, LEAD_ORGANISATION),
                        ProcessValues.text(execution, DEAL_LEAD),
                        ProcessValues.text(execution, PROGRAMME_OFFICE_CONTACT),
                        ProcessValues.text(execution, AMBITION),
                        ProcessValues.text(execution, PREDECESSOR_DEAL_ID),
                        ScalingIntentVariables.ticked(execution));
        execution.setProcessBusinessKey(reference);
        dealAccess.grantLeadOfNewInstance(execution.getProcessInstanceId(), (String) execution.getVariable(DEAL_LEAD));
        if (!execution.hasVariable(IMPORTED)) {
            execution.setVariable(IMPORTED, false);
        }
    }

    /**
     * What {@code POST /api/deals} checks ({@link DealRegistry#checkRegistration}): the deal lead, and the planned
     * dates as a term. Each broken rule is a form field's error: Tasklist shows it on the start form, the engine REST
     * API answers it with 400.
     */
    private void checkRegistration(DelegateExecution execution) {
        String dealLead = ProcessValues.text(execution, DEAL_LEAD);
        if (dealLead == null || dealLead.isBlank()) {
            throw new FormFieldValidationException(DEAL_LEAD, "Dealtrekker is verplicht.");
        }
        try {
            dealRegistry.checkRegistration(
                    dealLead,
                    ProcessValues.date(execution, PLANNED_SIGNING_DATE),
                    ProcessValues.date(execution, PLANNED_END_DATE));
        } catch (InvalidInputException e) {
            String field = e.errors().containsKey("dealLead")
                    ? DEAL_LEAD
                    : e.errors().containsKey("signedOn") ? PLANNED_SIGNING_DATE : PLANNED_END_DATE;
            throw new FormFieldValidationException(field, e.getMessage());
        }
    }
}
