package nl.citydeal.engine.processengine;

import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealReferences;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;

/**
 * Which deal a process instance belongs to, and which process instance a deal has. An instance names its deal in
 * the variable {@code dealId} (set when it starts, {@code deal.engine.DealStartExecutionListener}); its business key
 * is the deal's readable reference (CD-2026-014), which people see in Cockpit and Tasklist. Instances started before
 * the references had the deal's id as business key: {@code deal.engine.DealReferenceBusinessKeys} gives the running
 * ones their reference at start-up, finished ones keep the id in the history. So a deal's instance is found by its
 * reference, or else by its id.
 */
@Component
public class DealInstances {

    private final RuntimeService runtimeService;
    private final DealReferences references;

    public DealInstances(RuntimeService runtimeService, DealReferences references) {
        this.runtimeService = runtimeService;
        this.references = references;
    }

    /** The id of the deal this execution, task or other scope of a {@code city-deal} instance belongs to. */
    public static String dealId(VariableScope scope) {
        return (String) scope.getVariable(DEAL_ID);
    }

    /** The id of the deal of a process instance (running or finished), from its variable {@code dealId}. */
    public static Optional<String> dealIdOf(HistoryService historyService, String processInstanceId) {
        return historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId)
                .variableName(DEAL_ID)
                .listPage(0, 1)
                .stream()
                .map(variable -> (String) variable.getValue())
                .findFirst();
    }

    /**
     * The business keys a deal's instance may have, for task and history queries ({@code processInstanceBusinessKeyIn}):
     * its reference, and its id (an instance started before the references, until start-up renames it, or finished).
     */
    public String[] businessKeys(String dealId) {
        return businessKeys(dealId, references.of(dealId));
    }

    /** The business keys of the instance of the deal with this id and reference (null: none yet), as above. */
    public static String[] businessKeys(String dealId, String reference) {
        return reference == null ? new String[] {dealId} : new String[] {reference, dealId};
    }

    /** The running {@code city-deal} instance of a deal, if it has one. */
    public Optional<ProcessInstance> running(String dealId) {
        for (String businessKey : businessKeys(dealId)) {
            ProcessInstance instance = runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey(CityDealProcess.KEY)
                    .processInstanceBusinessKey(businessKey)
                    .singleResult();
            if (instance != null) {
                return Optional.of(instance);
            }
        }
        return Optional.empty();
    }
}
